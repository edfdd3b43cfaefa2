package io.labgate.usage;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * One call as the usage log keeps it. {@code cost} is null when the model's price is unknown; {@code planId} is the
 * member's plan when the call was made.
 * Built by the gateway after the call; written with its reservation's end by the ledger (io.labgate.ledger.CallLedger), off the response path.
 */
public record UsageRecord(OffsetDateTime createdAt, Long memberId, Long settingId, Long planId, String provider,
                          String model, String requestType, String channel, String status, boolean stream,
                          String prompt, String response, long promptTokens, long completionTokens, long cachedTokens,
                          long reasoningTokens, BigDecimal cost, Integer latencyMs, Integer ttftMs, String error,
                          String clientIp, String userAgent) {

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}

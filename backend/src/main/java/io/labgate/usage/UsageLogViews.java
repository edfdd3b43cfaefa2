package io.labgate.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

public final class UsageLogViews {

    private UsageLogViews() {
    }

    public record LogView(Long id, OffsetDateTime createdAt, Long memberId, String username, Long aiSettingsId,
                          String provider, String model, String requestType, String channel, String status,
                          boolean stream, String prompt, String response, long promptTokens, long completionTokens,
                          long cachedTokens, long reasoningTokens, long totalTokens, BigDecimal cost,
                          Integer latencyMs, Integer ttftMs, String error, String clientIp, String userAgent) {
    }

    public record DailyStat(LocalDate date, long totalTokens, BigDecimal totalCost, long requestCount,
                            long refusedCount, long errorCount, Double averageResponseTimeMs) {
    }

    public record TopUser(Long memberId, String username, long totalTokens, BigDecimal totalCost, long requestCount) {
    }

    public record Statistics(String timeZone, LocalDate from, LocalDate to, List<DailyStat> daily,
                             List<TopUser> topUsers, long totalTokens, BigDecimal totalCost, long requestCount,
                             long unpricedRequests) {
    }
}

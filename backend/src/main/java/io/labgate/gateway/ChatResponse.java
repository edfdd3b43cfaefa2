package io.labgate.gateway;

import io.labgate.providers.TokenUsage;

import java.math.BigDecimal;

/** Answer of a non-streaming call; {@code cost} is null when the model's price is unknown. */
public record ChatResponse(String id, String content, String model, UsageView usage, BigDecimal cost,
                           String requestType) {

    public record UsageView(long promptTokens, long completionTokens, long totalTokens, long cachedTokens,
                            long reasoningTokens) {

        public static UsageView of(TokenUsage u) {
            return new UsageView(u.promptTokens(), u.completionTokens(), u.totalTokens(), u.cachedTokens(),
                    u.reasoningTokens());
        }
    }
}

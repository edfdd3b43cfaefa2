package io.labgate.providers;

/**
 * Tokens as the provider bills them, normalised: {@code promptTokens} includes cached and cache-write input
 * (Anthropic reports those apart; the adapter adds them in), {@code completionTokens} includes reasoning.
 */
public record TokenUsage(long promptTokens, long completionTokens, long cachedTokens, long cacheWriteTokens,
                         long reasoningTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, 0);

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}

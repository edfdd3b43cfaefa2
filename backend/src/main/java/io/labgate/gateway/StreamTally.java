package io.labgate.gateway;

import io.labgate.providers.StreamEvent;
import io.labgate.providers.TokenEstimator;
import io.labgate.providers.TokenUsage;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a stream has delivered so far — text, the provider's latest usage, model and finish reason — and who
 * ends it: the done, error and client-cancel paths race for {@link #end()}, and only the winner accounts.
 */
final class StreamTally {

    private final StringBuilder text = new StringBuilder();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile TokenUsage reported;
    private volatile String model;
    private volatile String finishReason;
    private volatile long firstTokenNanos;

    StreamTally(String configuredModel) {
        this.model = configuredModel;
    }

    /** Takes one provider event; returns what the member should see of it. */
    List<GatewayService.StreamItem> accept(StreamEvent event) {
        return switch (event) {
            case StreamEvent.Delta d -> {
                if (firstTokenNanos == 0) {
                    firstTokenNanos = System.nanoTime();
                }
                synchronized (text) {
                    text.append(d.text());
                }
                yield List.of(new GatewayService.StreamItem.Text(d.text()));
            }
            case StreamEvent.Usage u -> {
                // Usage is cumulative where providers repeat it: the last report wins.
                reported = u.usage();
                if (u.model() != null) {
                    model = u.model();
                }
                yield List.of();
            }
            case StreamEvent.Finish f -> {
                finishReason = f.reason();
                yield List.of();
            }
        };
    }

    /** True for the one path that ends the stream's accounting. */
    boolean end() {
        return ended.compareAndSet(false, true);
    }

    String text() {
        synchronized (text) {
            return text.toString();
        }
    }

    boolean producedNothing() {
        return reported == null && text().isEmpty();
    }

    String model() {
        return model;
    }

    String finishReason() {
        return finishReason;
    }

    Integer ttftMs(long startNanos) {
        return firstTokenNanos == 0 ? null : (int) ((firstTokenNanos - startNanos) / 1_000_000);
    }

    /** Providers normally report usage; when one did not, bill what we counted ourselves. */
    static TokenUsage reportedOrCounted(TokenUsage reported, long estimatedPromptTokens, String text,
                                        TokenEstimator tokens) {
        return reported != null && (reported.promptTokens() > 0 || reported.completionTokens() > 0) ? reported
                : new TokenUsage(estimatedPromptTokens, tokens.count(text), 0, 0, 0);
    }

    /**
     * The usage to bill: the provider's report, or our own count when it sent none (a cut stream). A stream that
     * did not finish may carry only provisional usage (Anthropic's message_start): never bill less output than
     * the text that was actually delivered.
     */
    TokenUsage usage(TokenEstimator tokens, long estimatedPromptTokens, boolean finished) {
        String delivered = text();
        TokenUsage usage = reportedOrCounted(reported, estimatedPromptTokens, delivered, tokens);
        if (!finished) {
            long deliveredTokens = tokens.count(delivered);
            if (deliveredTokens > usage.completionTokens()) {
                usage = new TokenUsage(usage.promptTokens(), deliveredTokens, usage.cachedTokens(),
                        usage.cacheWriteTokens(), usage.reasoningTokens());
            }
        }
        return usage;
    }
}

package io.labgate.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Map;

/**
 * Summed roll-up rows: counts, tokens, cost and the two latency histograms. Sums of sums are exact, so any
 * grouping of the same rows adds up to the same figures; percentiles are read only at the end, from the histograms.
 */
final class Sums {

    long requests;
    long refusals;
    long errors;
    long cancelled;
    long promptTokens;
    long completionTokens;
    long cachedTokens;
    long reasoningTokens;
    BigDecimal cost = BigDecimal.ZERO;
    long unpriced;
    final long[] latency = new long[LatencyBuckets.COUNT];
    final long[] ttft = new long[LatencyBuckets.COUNT];

    void add(Sums other) {
        requests += other.requests;
        refusals += other.refusals;
        errors += other.errors;
        cancelled += other.cancelled;
        promptTokens += other.promptTokens;
        completionTokens += other.completionTokens;
        cachedTokens += other.cachedTokens;
        reasoningTokens += other.reasoningTokens;
        cost = cost.add(other.cost);
        unpriced += other.unpriced;
        LatencyBuckets.add(latency, other.latency);
        LatencyBuckets.add(ttft, other.ttft);
    }

    /** Takes {@code other}'s sums out: what is left of a total once some of its parts are counted elsewhere. */
    void subtract(Sums other) {
        requests -= other.requests;
        refusals -= other.refusals;
        errors -= other.errors;
        cancelled -= other.cancelled;
        promptTokens -= other.promptTokens;
        completionTokens -= other.completionTokens;
        cachedTokens -= other.cachedTokens;
        reasoningTokens -= other.reasoningTokens;
        cost = cost.subtract(other.cost);
        unpriced -= other.unpriced;
        for (int i = 0; i < latency.length; i++) {
            latency[i] -= other.latency[i];
            ttft[i] -= other.ttft[i];
        }
    }

    /**
     * The order groups, members and models are listed in: largest cost first, then most requests, then by key
     * (none last), so it is stable.
     */
    static <K> Comparator<K> largestFirst(Map<K, Sums> sums) {
        return Comparator.<K, BigDecimal>comparing(k -> sums.get(k).cost, Comparator.reverseOrder())
                .thenComparing(k -> sums.get(k).requests, Comparator.reverseOrder())
                .thenComparing(k -> k == null ? null : String.valueOf(k),
                        Comparator.nullsLast(Comparator.naturalOrder()));
    }

    long totalTokens() {
        return promptTokens + completionTokens;
    }

    /** The figures a report shows; percentiles only when {@code withLatency} (the rows carried histograms). */
    AnalyticsViews.AnalyticsFigures figures(boolean withLatency) {
        return new AnalyticsViews.AnalyticsFigures(requests, refusals, errors, cancelled, promptTokens,
                completionTokens, cachedTokens, reasoningTokens, totalTokens(), cost.setScale(6, RoundingMode.HALF_UP),
                unpriced, withLatency ? LatencyBuckets.percentile(latency, 0.50) : null,
                withLatency ? LatencyBuckets.percentile(latency, 0.95) : null,
                withLatency ? LatencyBuckets.percentile(ttft, 0.50) : null,
                withLatency ? LatencyBuckets.percentile(ttft, 0.95) : null);
    }
}

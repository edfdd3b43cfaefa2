package io.labgate.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** GET /api/admin/analytics: what a report answers. Every figure is a sum over the usage log's rows. */
public final class AnalyticsViews {

    private AnalyticsViews() {
    }

    /**
     * Calls and what they used. {@code requests} counts every logged call, refused ones included;
     * {@code errors} the failed and broken-off ones; {@code unpriced_requests} answered calls of a model without a
     * price (their cost is not in {@code cost}, USD). Latency percentiles (ms) are of answered calls, time to first
     * token of answered streams; null when there were none or the table has none (members).
     */
    public record AnalyticsFigures(long requests, long refusals, long errors, long cancelled, long promptTokens,
                                   long completionTokens, long cachedTokens, long reasoningTokens, long totalTokens,
                                   BigDecimal cost, long unpricedRequests, Integer latencyP50Ms, Integer latencyP95Ms,
                                   Integer ttftP50Ms, Integer ttftP95Ms) {
    }

    /**
     * One value of the dimension the report is broken down by: {@code key} is the model, feature or channel, or
     * the id of the member, provider setting or plan (null: calls without one); {@code label} its name where it has
     * one (null for a deleted member, setting or plan). {@code rest} marks the one group that sums all values
     * beyond the largest ones.
     */
    public record AnalyticsGroup(String key, String label, boolean rest, AnalyticsFigures figures) {
    }

    /**
     * One point of the series: {@code period} is a date (day), a month ({@code 2026-03}) or the start of a local
     * hour with its offset ({@code 2026-03-01T13:00+09:00}); {@code group} indexes {@code groups}.
     */
    public record AnalyticsPoint(String period, int group, AnalyticsFigures figures) {
    }

    /** One period of the range with every group together (its latency percentiles, too, are of all its calls). */
    public record AnalyticsPeriod(String period, AnalyticsFigures figures) {
    }

    /** One member's use of one model over the whole range. */
    public record AnalyticsCell(Long memberId, String model, long requests, long totalTokens, BigDecimal cost) {
    }

    /** One member over the whole range ({@code member_id} null: calls of no member; names null once deleted). */
    public record AnalyticsMember(Long memberId, String username, String firstName, String lastName,
                                  AnalyticsFigures figures) {
    }

    /**
     * A report over local days {@code from}..{@code to} of {@code time_zone}. {@code periods} lists every point of
     * the range, also those without calls (the series and {@code period_totals} have only periods with calls).
     * {@code groups} are ordered by
     * cost, then requests, largest first; so are {@code members} (every member with calls in the range).
     * {@code matrix} has a cell for each member and model with calls; {@code models} the models in it, by cost.
     */
    public record AnalyticsReport(String timeZone, LocalDate from, LocalDate to, Granularity granularity,
                                  Dimension groupBy, List<String> periods, AnalyticsFigures totals,
                                  List<AnalyticsPeriod> periodTotals, List<AnalyticsGroup> groups,
                                  List<AnalyticsPoint> series, List<String> models,
                                  List<AnalyticsCell> matrix, List<AnalyticsMember> members) {
    }
}

package io.labgate.analytics;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * One report asked for, validated: whole local days {@code from}..{@code to} (both included) of {@code zone}, the
 * length of a series point, the dimension the series is broken down by, and the filters (null = all).
 */
public record AnalyticsQuery(LocalDate from, LocalDate to, ZoneId zone, Granularity granularity, Dimension groupBy,
                             Filters filters) {

    /** Only the calls that match every given filter are counted. */
    public record Filters(Long memberId, Long settingId, String model, String feature, Long planId, String channel) {

        public static final Filters NONE = new Filters(null, null, null, null, null, null);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}

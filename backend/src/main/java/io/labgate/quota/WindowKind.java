package io.labgate.quota;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** The request windows of a provider setting, aligned to the configured zone. */
public enum WindowKind {
    HOUR("hour"), DAY("day"), MONTH("month");

    private final String column;

    WindowKind(String column) {
        this.column = column;
    }

    public String dbName() {
        return column;
    }

    public ZonedDateTime start(ZonedDateTime now) {
        return switch (this) {
            case HOUR -> now.truncatedTo(ChronoUnit.HOURS);
            case DAY -> now.truncatedTo(ChronoUnit.DAYS);
            case MONTH -> now.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        };
    }

    public ZonedDateTime end(ZonedDateTime now) {
        ZonedDateTime start = start(now);
        return switch (this) {
            case HOUR -> start.plusHours(1);
            case DAY -> start.plusDays(1);
            case MONTH -> start.plusMonths(1);
        };
    }
}

package io.labgate.analytics;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How long one point of a report's series is: a local hour, day or month of the platform's time zone. */
public enum Granularity {
    HOUR, DAY, MONTH;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

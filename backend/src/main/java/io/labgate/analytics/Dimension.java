package io.labgate.analytics;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a report can be broken down and filtered by, and the roll-up column that holds it. */
public enum Dimension {
    MODEL("model"),
    SETTING("ai_settings_id"),
    FEATURE("request_type"),
    PLAN("plan_id"),
    MEMBER("member_id"),
    CHANNEL("channel");

    final String column;

    Dimension(String column) {
        this.column = column;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

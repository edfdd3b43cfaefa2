package io.labgate.usage;

import java.util.Locale;

/** How much prompt and response text the usage log (and the prompt log) keeps. */
public enum ContentRetention {
    FULL, TRUNCATED, NONE;

    static final int TRUNCATED_CHARS = 500;

    public String apply(String text) {
        if (text == null) {
            return null;
        }
        return switch (this) {
            case FULL -> text;
            case TRUNCATED -> text.length() <= TRUNCATED_CHARS ? text : text.substring(0, TRUNCATED_CHARS) + "...";
            case NONE -> null;
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContentRetention parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}

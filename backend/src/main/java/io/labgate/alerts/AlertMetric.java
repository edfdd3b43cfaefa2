package io.labgate.alerts;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a rule watches. Member metrics compare a member's committed counters with their limits (the member hears
 * of their own); the others are the super-admin's: a provider setting's shared windows, its key being rejected,
 * its error rate, and this replica's usage-log backlog.
 */
public enum AlertMetric {
    /** Tokens this month against the plan's monthly token limit. */
    MEMBER_TOKENS(true),
    /** Requests today against the plan's daily request limit. */
    MEMBER_REQUESTS(true),
    /** Spend this month against the member's budget (their own, else the plan's). */
    MEMBER_COST(true),
    /** A provider setting's requests this hour, day and month against its limits. */
    SETTING_REQUESTS(false),
    /** The provider rejected the setting's key (401/403): once per run of rejections. */
    PROVIDER_KEY_REJECTED(false),
    /** Share of a setting's calls that failed (errors, 429s after retries) over the span. */
    PROVIDER_ERROR_RATE(false),
    /** Usage-log rows waiting to be written on a replica, against the queue's capacity. */
    USAGE_BACKLOG(false);

    private final boolean aboutMember;

    AlertMetric(boolean aboutMember) {
        this.aboutMember = aboutMember;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean aboutMember() {
        return aboutMember;
    }

    public static Optional<AlertMetric> fromWire(String wire) {
        return Arrays.stream(values()).filter(m -> m.wireName().equals(wire)).findFirst();
    }
}

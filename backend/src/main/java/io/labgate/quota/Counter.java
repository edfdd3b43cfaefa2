package io.labgate.quota;

/**
 * A limited count, per window: the member's requests per day and tokens per month (plan limits, subject: their
 * access row), a provider setting's requests per hour, day and month (shared by its members, subject: the
 * setting). Each is leased to replicas in blocks ({@link Leases}).
 */
public enum Counter {
    MEMBER_DAY_REQUESTS("member_day_requests", WindowKind.DAY, "daily_request_limit"),
    MEMBER_MONTH_TOKENS("member_month_tokens", WindowKind.MONTH, "monthly_token_limit"),
    SETTING_HOUR_REQUESTS("setting_hour_requests", WindowKind.HOUR, "setting_hour_limit"),
    SETTING_DAY_REQUESTS("setting_day_requests", WindowKind.DAY, "setting_day_limit"),
    SETTING_MONTH_REQUESTS("setting_month_requests", WindowKind.MONTH, "setting_month_limit");

    private final String dbName;
    private final WindowKind window;
    private final String limitCode;

    Counter(String dbName, WindowKind window, String limitCode) {
        this.dbName = dbName;
        this.window = window;
        this.limitCode = limitCode;
    }

    /** As in quota_leases.counter. */
    public String dbName() {
        return dbName;
    }

    public WindowKind window() {
        return window;
    }

    /** The code a refusal names (QuotaExceededException#limit). */
    public String limitCode() {
        return limitCode;
    }

    /** Counts tokens rather than requests. */
    public boolean countsTokens() {
        return this == MEMBER_MONTH_TOKENS;
    }

    public boolean isMembers() {
        return this == MEMBER_DAY_REQUESTS || this == MEMBER_MONTH_TOKENS;
    }

    static Counter forSetting(WindowKind kind) {
        return switch (kind) {
            case HOUR -> SETTING_HOUR_REQUESTS;
            case DAY -> SETTING_DAY_REQUESTS;
            case MONTH -> SETTING_MONTH_REQUESTS;
        };
    }
}

package io.labgate.quota;

/**
 * A limited count, per window: the member's requests per day, tokens per month and cost per month (plan limits
 * and the member's budget, subject: their access row), a provider setting's requests per hour, day and month
 * (shared by its members, subject: the setting). Each is leased to replicas in blocks ({@link Leases}).
 */
public enum Counter {
    MEMBER_DAY_REQUESTS("member_day_requests", WindowKind.DAY, "daily_request_limit", Measure.REQUESTS),
    MEMBER_MONTH_TOKENS("member_month_tokens", WindowKind.MONTH, "monthly_token_limit", Measure.TOKENS),
    MEMBER_MONTH_COST("member_month_cost", WindowKind.MONTH, "monthly_budget_limit", Measure.MICRO_USD),
    SETTING_HOUR_REQUESTS("setting_hour_requests", WindowKind.HOUR, "setting_hour_limit", Measure.REQUESTS),
    SETTING_DAY_REQUESTS("setting_day_requests", WindowKind.DAY, "setting_day_limit", Measure.REQUESTS),
    SETTING_MONTH_REQUESTS("setting_month_requests", WindowKind.MONTH, "setting_month_limit", Measure.REQUESTS);

    /** What a counter counts: a call's need is one request, its most tokens, or its most cost. */
    public enum Measure {
        REQUESTS, TOKENS,
        /** Whole micro-USD (10^-6 USD), rounded up: a cost is never under-counted. */
        MICRO_USD
    }

    private final String dbName;
    private final WindowKind window;
    private final String limitCode;
    private final Measure measure;

    Counter(String dbName, WindowKind window, String limitCode, Measure measure) {
        this.dbName = dbName;
        this.window = window;
        this.limitCode = limitCode;
        this.measure = measure;
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

    public Measure measure() {
        return measure;
    }

    public boolean isMembers() {
        return this == MEMBER_DAY_REQUESTS || this == MEMBER_MONTH_TOKENS || this == MEMBER_MONTH_COST;
    }
}

package io.labgate.quota;

import io.labgate.common.error.RetryableApiException;

import java.time.OffsetDateTime;

/** 429: a limit would be exceeded. Names the limit and when it resets. */
public class QuotaExceededException extends RetryableApiException {

    private final String limit;
    private final OffsetDateTime resetsAt;

    public QuotaExceededException(String limit, String message, OffsetDateTime resetsAt, long retryAfterSeconds) {
        super(429, "quota_exceeded", message + " (resets at " + resetsAt + ")", retryAfterSeconds);
        this.limit = limit;
        this.resetsAt = resetsAt;
    }

    public String limit() {
        return limit;
    }

    public OffsetDateTime resetsAt() {
        return resetsAt;
    }
}

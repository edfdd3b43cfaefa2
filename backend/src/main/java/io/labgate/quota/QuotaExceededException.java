package io.labgate.quota;

import io.labgate.common.error.ErrorCode;
import io.labgate.common.error.RetryableApiException;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * 429: a limit would be exceeded. Its code names the limit; its parameters say what the limit is and when it
 * resets in the platform's zone (and, for tokens and the budget, what the call needed and what is left), for the
 * SPA to word. Counts are numbers; money is a decimal string in USD (with {@code currency}).
 */
public class QuotaExceededException extends RetryableApiException {

    private final String limit;
    private final OffsetDateTime resetsAt;

    QuotaExceededException(Counter counter, Object limit, ZonedDateTime now, String message,
                           Map<String, Object> extra) {
        this(counter, limit, now, counter.window().end(now), message, extra);
    }

    private QuotaExceededException(Counter counter, Object limit, ZonedDateTime now, ZonedDateTime resetsAt,
                                   String message, Map<String, Object> extra) {
        super(429, ErrorCode.of(counter.limitCode()), message + " (resets at " + resetsAt.toOffsetDateTime() + ")",
                params(limit, resetsAt, extra), Math.max(1, Duration.between(now, resetsAt).toSeconds()));
        this.limit = counter.limitCode();
        this.resetsAt = resetsAt.toOffsetDateTime();
    }

    private static Map<String, Object> params(Object limit, ZonedDateTime resetsAt, Map<String, Object> extra) {
        Map<String, Object> params = new HashMap<>(extra);
        params.put("limit", limit);
        params.put("reset_at", resetsAt.toOffsetDateTime().toString());
        params.put("time_zone", resetsAt.getZone().getId());
        return params;
    }

    /** The limit's code, e.g. {@code daily_request_limit}. */
    public String limit() {
        return limit;
    }

    public OffsetDateTime resetsAt() {
        return resetsAt;
    }
}

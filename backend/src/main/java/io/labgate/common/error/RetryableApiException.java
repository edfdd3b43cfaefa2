package io.labgate.common.error;

import java.util.HashMap;
import java.util.Map;

/** An {@link ApiException} that tells the client when to try again: `Retry-After` and {@code retry_after_seconds}. */
public class RetryableApiException extends ApiException {

    private final long retryAfterSeconds;

    public RetryableApiException(int status, ErrorCode code, String message, Map<String, Object> params,
                                 long retryAfterSeconds) {
        super(status, code, message, withRetryAfter(params, retryAfterSeconds));
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** For the quota and usage ledger, which name their codes as text; each must be an {@link ErrorCode}. */
    public RetryableApiException(int status, String code, String message, long retryAfterSeconds) {
        this(status, ErrorCode.of(code), message, Map.of(), retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static Map<String, Object> withRetryAfter(Map<String, Object> params, long retryAfterSeconds) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("retry_after_seconds", Math.max(1, retryAfterSeconds));
        return all;
    }
}

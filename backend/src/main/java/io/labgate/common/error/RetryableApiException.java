package io.labgate.common.error;

/** An {@link ApiException} that tells the client when to try again (`Retry-After`). */
public class RetryableApiException extends ApiException {

    private final long retryAfterSeconds;

    public RetryableApiException(int status, String code, String message, long retryAfterSeconds) {
        super(status, code, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

package io.labgate.providers;

/**
 * A provider call failed. {@code kind} decides what the member is told and whether the call may be retried;
 * the message is ours, never a provider body (those can echo parts of keys).
 */
public class UpstreamException extends RuntimeException {

    public enum Kind {
        /** 401/403 from the provider: the platform's key is not working. */
        AUTH,
        /** 429 after the retry budget, or quota exhausted at the provider. */
        RATE_LIMITED,
        /**
         * 5xx / 529 after the retry budget, or no connection: refused, a connect time-out, no free pooled
         * connection in time. A call that never reached the provider is always this, never {@link #TIMEOUT}.
         */
        UNAVAILABLE,
        /**
         * The request was sent and then nothing came back within the read time-out. Only ever after sending:
         * the provider may have done the work and may bill it, so such a call is not retried.
         */
        TIMEOUT,
        /** The provider rejected the request itself (400: context too long, bad model …). */
        REJECTED,
        /** The provider answered something we cannot read. */
        MALFORMED
    }

    private final Kind kind;
    private final int status;

    public UpstreamException(Kind kind, int status, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }
}

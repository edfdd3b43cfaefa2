package io.labgate.providers;

import java.util.Map;

/**
 * Outcome of a test-connection call: a code and its parameters, which the SPA words, and an English
 * {@code message} for API clients. Neither ever contains the key.
 */
public record ConnectionTestResult(boolean success, boolean isValid, ConnectionTestCode code,
                                   Map<String, Object> params, String message, long latencyMs) {

    static ConnectionTestResult passed(ConnectionTestCode code, Map<String, Object> params, String message,
                                       long latencyMs) {
        return new ConnectionTestResult(true, true, code, params, message, latencyMs);
    }

    static ConnectionTestResult failed(ConnectionTestCode code, Map<String, Object> params, String message,
                                       long latencyMs) {
        return new ConnectionTestResult(false, false, code, params, message, latencyMs);
    }
}

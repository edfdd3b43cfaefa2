package io.labgate.providers;

/** Outcome of a test-connection call; {@code message} is safe to show (never contains the key). */
public record ConnectionTestResult(boolean success, boolean isValid, String message, long latencyMs) {
}

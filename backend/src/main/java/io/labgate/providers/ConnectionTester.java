package io.labgate.providers;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes the cheapest authenticated call a provider offers (its models list) and tells apart an invalid
 * key, an unreachable server and rate limiting.
 */
@ApplicationScoped
public class ConnectionTester {

    public ConnectionTestResult test(ProviderConnection connection) {
        long start = System.nanoTime();
        if (connection.provider() == Provider.SANDBOX) {
            return new ConnectionTestResult(true, true,
                    "Sandbox provider: offline demo generator, no network call needed", elapsedMs(start));
        }
        throw new UnsupportedOperationException("provider test not implemented yet");
    }

    static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

package io.labgate.providers;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import io.labgate.common.config.LabgateConfig;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the REST clients of each provider for a base URL (settings differ in base URL, so clients are
 * made at run time) and keeps one per base URL and interface. HTTP errors come back as responses, not
 * exceptions: the adapters decide what each status means.
 */
@ApplicationScoped
public class ProviderClients {

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Map<String, Object> clients = new ConcurrentHashMap<>();

    ProviderClients(LabgateConfig config) {
        this.connectTimeout = config.providers().connectTimeout();
        this.readTimeout = config.providers().readTimeout();
    }

    <T> T client(Class<T> api, String baseUrl) {
        return api.cast(clients.computeIfAbsent(api.getName() + " " + baseUrl, key -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(connectTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(api)));
    }

    Duration readTimeout() {
        return readTimeout;
    }
}

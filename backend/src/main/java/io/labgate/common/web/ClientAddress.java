package io.labgate.common.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import io.labgate.common.config.LabgateConfig;

import java.util.List;

/**
 * The caller's IP for the usage log. X-Forwarded-For is believed only when the direct peer is one of the
 * configured trusted proxies (e.g. the ingress); otherwise anyone could write any address into the log.
 */
@ApplicationScoped
public class ClientAddress {

    private final List<String> trustedProxies;

    ClientAddress(LabgateConfig config) {
        this.trustedProxies = config.gateway().trustedProxies().orElse(List.of());
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (peer != null && forwarded != null && trustedProxies.contains(peer)) {
            // The right-most address not added by one of our proxies is the client.
            String[] hops = forwarded.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].trim();
                if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                    return hop;
                }
            }
        }
        return peer;
    }
}

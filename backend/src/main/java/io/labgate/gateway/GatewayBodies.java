package io.labgate.gateway;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a gateway call's request body on the event loop, before the call moves to its virtual thread. Without
 * this, the virtual thread reads the body itself, parking and being woken by the event loop for every chunk —
 * the largest single cost of a call on the hot path. The body then reaches the resource from memory.
 */
@ApplicationScoped
class GatewayBodies {

    private final long maxBodyBytes;

    GatewayBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                  MemorySize maxBody) {
        this.maxBodyBytes = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
        router.routeWithRegex("/v1/chat/completions|/api/ai/(chat|analysis|generation)").order(-10).handler(ctx -> {
            // An HTTP/2 request (h2c, as Java's HttpClient upgrades by default) cannot be paused once read, which
            // the REST layer does: it keeps reading its own body.
            if (ctx.request().version() == HttpVersion.HTTP_2) {
                ctx.next();
            } else {
                bodies.handle(ctx);
            }
        });
    }
}

package io.labgate.common.web;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers that keep the SPA's pages and the API's answers from being framed, sniffed into another type, given
 * scripts or styles from elsewhere, or leaking their URLs to other sites. The SPA is built by Vite into files of
 * its own origin (no inline script or style element), so 'self' suffices. Quarkus's own pages under /q/ (health,
 * metrics, the dev UI) keep theirs. Cross-origin requests get no CORS headers unless an operator configures
 * quarkus.http.cors (see docs/operations.md). frontend/nginx.conf sends the same headers for the SPA image.
 */
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @RouteFilter(1000)
    void add(RoutingContext rc) {
        if (!rc.normalizedPath().startsWith("/q/")) {
            MultiMap headers = rc.response().headers();
            headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
        }
        rc.next();
    }
}

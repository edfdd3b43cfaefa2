package io.labgate.common.web;

import io.quarkus.vertx.web.RouteFilter;
import io.vertx.ext.web.RoutingContext;

/**
 * The SPA uses browser-history routes (/admin/plans, /me …). A reload of such a URL must get index.html;
 * API, OpenAPI, health and asset paths pass through untouched.
 */
public class SpaRouting {

    @RouteFilter(100)
    void rerouteToIndex(RoutingContext rc) {
        String path = rc.normalizedPath();
        boolean pageRequest = "GET".equals(rc.request().method().name())
                && !path.startsWith("/api/") && !path.equals("/api")
                && !path.startsWith("/v1/") && !path.startsWith("/q/")
                && !path.equals("/") && path.lastIndexOf('.') < path.lastIndexOf('/') + 1;
        if (pageRequest) {
            rc.reroute("/");
            return;
        }
        rc.next();
    }
}

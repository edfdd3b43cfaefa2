package io.labgate.gateway;

/** Where a call came from, for the usage log: the SPA ("app") or a member API key ("api"). */
public record CallOrigin(String channel, String clientIp, String userAgent) {
}

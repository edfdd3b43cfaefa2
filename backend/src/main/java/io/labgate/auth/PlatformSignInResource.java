package io.labgate.auth;

import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.quarkus.oidc.AuthorizationCodeFlow;
import io.quarkus.oidc.UserInfo;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

import java.net.URI;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * "Sign in with your platform account": the OIDC authorization code flow (PKCE, state and nonce checked by
 * quarkus-oidc's {@code platform} tenant), whose only result is a one-time code in an HttpOnly cookie that the SPA
 * exchanges for a LabGate session. The platform's own OIDC session is dropped as soon as the code is handed over.
 */
@Path("/api/auth/oidc")
public class PlatformSignInResource {

    private static final Logger LOG = Logger.getLogger(PlatformSignInResource.class);
    static final String HANDOFF_COOKIE = "labgate_sign_in";
    static final String COOKIE_PATH = "/api/auth/oidc";
    /** quarkus-oidc's session cookie of the {@code platform} tenant. */
    private static final String OIDC_SESSION_COOKIE = "q_session_platform";
    /** The SPA's page that redeems the code, or words the error in {@code ?error=}. */
    static final String SPA_PAGE = "/login/sso";

    private final PlatformSignInService platform;
    private final PlatformSignInConfig config;
    private final SecurityIdentity identity;

    PlatformSignInResource(PlatformSignInService platform, PlatformSignInConfig config, SecurityIdentity identity) {
        this.platform = platform;
        this.config = config;
        this.identity = identity;
    }

    /** Where the login page's button goes: on to the platform, or back with the reason it is not possible. */
    @GET
    @Path("/login")
    @PermitAll
    @Operation(summary = "Starts signing in with the platform account (a browser navigation)")
    public Response login() {
        if (!platform.oidcEnabled()) {
            return toSpa(ErrorCode.SIGN_IN_NOT_CONFIGURED.wireName());
        }
        return Response.seeOther(URI.create(COOKIE_PATH + "/callback")).build();
    }

    /**
     * The redirect URI registered at the platform. Without a sign-in in progress quarkus-oidc sends the browser to
     * the platform; coming back, it verifies state, PKCE and the ID token (signature, issuer, audience, expiry,
     * nonce) before this runs.
     */
    @GET
    @Path("/callback")
    @AuthorizationCodeFlow
    @Authenticated
    @Operation(summary = "The OIDC redirect URI (a browser navigation)")
    public Response callback(@Context HttpServerRequest request, @Context RoutingContext routing) {
        try {
            String code = platform.handOff(claims());
            NewCookie cookie = new NewCookie.Builder(HANDOFF_COOKIE).value(code).path(COOKIE_PATH)
                    .maxAge((int) config.oidc().handoffLifetime().toSeconds()).httpOnly(true)
                    .secure(secure(request)).sameSite(NewCookie.SameSite.LAX).build();
            return Response.seeOther(URI.create(SPA_PAGE)).cookie(cookie).build();
        } catch (ApiException refused) {
            return toSpa(refused.code());
        } finally {
            dropOidcSession(routing);
        }
    }

    /** The SPA's half: the one-time code from the cookie becomes a session, once; the cookie is cleared. */
    @POST
    @Path("/session")
    @PermitAll
    public Response session(@CookieParam(HANDOFF_COOKIE) String code, @Context HttpServerRequest request) {
        NewCookie cleared = new NewCookie.Builder(HANDOFF_COOKIE).value("").path(COOKIE_PATH).maxAge(0)
                .httpOnly(true).secure(secure(request)).sameSite(NewCookie.SameSite.LAX).build();
        return Response.ok(platform.redeem(code)).cookie(cleared).build();
    }

    /** The ID token's claims (verified by quarkus-oidc), with the UserInfo's when it is fetched. */
    private Map<String, Object> claims() {
        Map<String, Object> claims = new HashMap<>();
        if (identity.getAttribute("userinfo") instanceof UserInfo userInfo) {
            try {
                claims.putAll(JsonUtil.parseJson(userInfo.getUserInfoString()));
            } catch (JoseException e) {
                LOG.debug("UserInfo could not be read; the ID token's claims are used alone");
            }
        }
        JsonWebToken idToken = (JsonWebToken) identity.getPrincipal();
        try {
            String payload = idToken.getRawToken().split("\\.")[1];
            claims.putAll(JwtClaims.parse(new String(Base64.getUrlDecoder().decode(payload),
                    java.nio.charset.StandardCharsets.UTF_8)).getClaimsMap());
        } catch (InvalidJwtException | RuntimeException e) {
            throw new ApiException(401, ErrorCode.PLATFORM_SIGN_IN_FAILED, "The ID token could not be read");
        }
        return claims;
    }

    /**
     * quarkus-oidc has just created its session cookie for the platform's tokens; LabGate keeps no platform session,
     * so it is not sent (nor any chunk of it), and one the browser still had is expired.
     */
    private static void dropOidcSession(RoutingContext routing) {
        routing.response().removeCookies(OIDC_SESSION_COOKIE, true);
        for (int chunk = 1; chunk <= 8; chunk++) {
            routing.response().removeCookies(OIDC_SESSION_COOKIE + "_chunk_" + chunk, true);
        }
    }

    private boolean secure(HttpServerRequest request) {
        return config.oidc().secureCookies() || request.isSSL();
    }

    private static Response toSpa(String error) {
        return Response.seeOther(URI.create(SPA_PAGE + "?error=" + error)).build();
    }
}

package io.labgate.support;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.List;
import java.util.Map;

/**
 * The host platform of the platform sign-in tests: a real OpenID provider (Node, {@link OpenIdProvider}) whose
 * client redirects to this app's callback, and the platform's token-exchange keys — a JWKS served over HTTP from
 * here, and a foreign key of the same id that the platform never published. The app runs on a port chosen here,
 * so the provider can know its redirect URI before the app starts.
 */
public class PlatformResource implements QuarkusTestResourceLifecycleManager {

    public static final String EXCHANGE_ISSUER = "https://platform.test";
    public static final String EXCHANGE_AUDIENCE = "labgate";
    public static final String KEY_ID = "platform-2026";
    public static final String DEFAULT_SETTING = "platform-default-setting";

    private OpenIdProvider provider;
    private HttpServer jwks;
    private RsaJsonWebKey platformKey;
    private RsaJsonWebKey foreignKey;

    @Override
    public Map<String, String> start() {
        int appPort = freePort();
        provider = OpenIdProvider.start(List.of("http://localhost:" + appPort + "/api/auth/oidc/callback"));
        try {
            platformKey = RsaJwkGenerator.generateJwk(2048);
            platformKey.setKeyId(KEY_ID);
            foreignKey = RsaJwkGenerator.generateJwk(2048);
            foreignKey.setKeyId(KEY_ID);
            byte[] body = ("{\"keys\":[" + platformKey.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}")
                    .getBytes(StandardCharsets.UTF_8);
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            jwks.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            jwks.start();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.ofEntries(
                Map.entry("quarkus.http.test-port", String.valueOf(appPort)),
                Map.entry("labgate.sso.oidc.enabled", "true"),
                Map.entry("quarkus.oidc.platform.auth-server-url", provider.issuer()),
                Map.entry("quarkus.oidc.platform.client-id", OpenIdProvider.CLIENT_ID),
                Map.entry("quarkus.oidc.platform.credentials.secret", OpenIdProvider.CLIENT_SECRET),
                Map.entry("labgate.sso.claims.role", "groups"),
                Map.entry("labgate.sso.claims.superadmin-values", "labgate-admins"),
                Map.entry("labgate.sso.default-plan", "basic"),
                Map.entry("labgate.sso.default-setting", DEFAULT_SETTING),
                Map.entry("labgate.sso.researcher-password-login", "false"),
                Map.entry("labgate.sso.exchange.issuer", EXCHANGE_ISSUER),
                Map.entry("labgate.sso.exchange.audience", EXCHANGE_AUDIENCE),
                Map.entry("labgate.sso.exchange.jwks-url",
                        "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks"));
    }

    /** The signing keys, into the test's fields of these names (JDK types: the test runs in another class loader). */
    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(platformKey.getPrivateKey(), f -> f.getName().equals("platformSigningKey")
                && f.getType() == PrivateKey.class);
        injector.injectIntoFields(foreignKey.getPrivateKey(), f -> f.getName().equals("foreignSigningKey")
                && f.getType() == PrivateKey.class);
        injector.injectIntoFields(provider.issuer(), f -> f.getName().equals("providerIssuer")
                && f.getType() == String.class);
    }

    @Override
    public void stop() {
        if (jwks != null) {
            jwks.stop(0);
        }
        if (provider != null) {
            provider.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.labgate.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.support.AppReplica;
import io.labgate.support.ExternalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of the packaged app on one real PostgreSQL: a session ended on one is refused by the other within a
 * second, and password guesses spread over both are evaluated no more often than the limit allows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionsAcrossReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final String ADMIN_PASSWORD = "sessions-admin-password";

    private ExternalPostgres pg;
    private AppReplica a;
    private AppReplica b;
    private String adminToken;

    @BeforeAll
    void startCluster() throws Exception {
        pg = ExternalPostgres.start();
        Path secrets = Files.createTempDirectory("labgate-sessions-secrets");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair jwt = generator.generateKeyPair();
        Files.writeString(secrets.resolve("jwt-private.pem"), pem("PRIVATE KEY", jwt.getPrivate().getEncoded()));
        Files.writeString(secrets.resolve("jwt-public.pem"), pem("PUBLIC KEY", jwt.getPublic().getEncoded()));
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_PROFILE", "prod",
                "QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "unused",
                "LABGATE_MASTER_KEY", "v1:" + Base64.getEncoder().encodeToString(master),
                "LABGATE_JWT_PUBLIC_KEY_LOCATION", secrets.resolve("jwt-public.pem").toString(),
                "LABGATE_JWT_PRIVATE_KEY_LOCATION", secrets.resolve("jwt-private.pem").toString(),
                "LABGATE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "LABGATE_PASSWORDS_BCRYPT_COST", "4",
                "LABGATE_DATA_DIR", secrets.resolve("data").toString()));
        a = AppReplica.start("sessions-a", env);
        b = AppReplica.start("sessions-b", env);
        a.awaitReady(Duration.ofSeconds(120));
        b.awaitReady(Duration.ofSeconds(120));
        adminToken = login(a, "admin", ADMIN_PASSWORD).path("access_token").asText();
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{a, b, pg}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void aLogoutOnOneReplicaEndsTheSessionOnTheOtherWithinASecond() throws Exception {
        String username = member("researcher");
        String token = login(a, username, "password-" + username).path("access_token").asText();
        assertEquals(200, status(b, "GET", "/api/auth/me", token), "checked, and kept, on B");
        assertEquals(204, status(a, "POST", "/api/auth/logout", token));
        assertRefusedWithinASecond(b, "/api/auth/me", token);
    }

    @Test
    void aSuperAdminDemotedOnOneReplicaLosesTheSessionOnTheOtherWithinASecond() throws Exception {
        String username = member("superadmin");
        String token = login(b, username, "password-" + username).path("access_token").asText();
        assertEquals(200, status(b, "GET", "/api/admin/members", token));
        long id = JSON.readTree(send(a, "GET", "/api/admin/members?q=" + username, adminToken, null).body())
                .path("items").path(0).path("id").asLong();
        assertEquals(200, status(a, "PATCH", "/api/admin/members/" + id, adminToken, Map.of("role", "researcher")));
        assertRefusedWithinASecond(b, "/api/admin/members", token);
    }

    @Test
    void wrongPasswordsSpreadOverBothReplicasAreEvaluatedAtMostFiveTimes() throws Exception {
        String username = member("researcher");
        ExecutorService clients = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            AppReplica target = i % 2 == 0 ? a : b;
            int index = i;
            attempts.add(clients.submit(() -> {
                go.await();
                return send(target, "POST", "/api/auth/login", null,
                        Map.of("username", username, "password", "guess-" + index)).statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> attempt : attempts) {
            statuses.add(attempt.get());
        }
        clients.shutdown();
        assertEquals(5, statuses.stream().filter(s -> s == 401).count(), "evaluated: " + statuses);
        assertEquals(15, statuses.stream().filter(s -> s == 429).count(), "refused: " + statuses);
        HttpResponse<String> right = send(b, "POST", "/api/auth/login", null,
                Map.of("username", username, "password", "password-" + username));
        assertEquals(429, right.statusCode());
        assertTrue(right.headers().firstValue("Retry-After").isPresent());
    }

    private String member(String role) throws Exception {
        String username = "s" + System.nanoTime();
        HttpResponse<String> created = send(a, "POST", "/api/admin/members", adminToken, Map.of("username", username,
                "email", username + "@lab.example", "password", "password-" + username, "role", role));
        assertEquals(201, created.statusCode(), created.body());
        return username;
    }

    private static void assertRefusedWithinASecond(AppReplica replica, String path, String token) throws Exception {
        long start = System.nanoTime();
        while (status(replica, "GET", path, token) != 401) {
            assertTrue(System.nanoTime() - start < 1_000_000_000L,
                    "the ended session was still accepted on " + replica.name() + " a second later");
            Thread.sleep(20);
        }
    }

    private static JsonNode login(AppReplica replica, String username, String password) throws Exception {
        HttpResponse<String> response = send(replica, "POST", "/api/auth/login", null,
                Map.of("username", username, "password", password));
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static int status(AppReplica replica, String method, String path, String token) throws Exception {
        return send(replica, method, path, token, null).statusCode();
    }

    private static int status(AppReplica replica, String method, String path, String token, Map<String, Object> body)
            throws Exception {
        return send(replica, method, path, token, body).statusCode();
    }

    private static HttpResponse<String> send(AppReplica replica, String method, String path, String token,
                                             Map<String, Object> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica.url(path)))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

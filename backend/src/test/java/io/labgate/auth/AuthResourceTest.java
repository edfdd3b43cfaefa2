package io.labgate.auth;

import io.labgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AuthResourceTest {

    @Inject
    LoginThrottle throttle;

    @Inject
    EntityManager em;

    @Test
    void loginReturnsABearerTokenAndTheMember() {
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", Api.ADMIN_USERNAME, "password", Api.ADMIN_PASSWORD))
                .post("/api/auth/login")
                .then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(8 * 3600))
                .body("access_token", notNullValue())
                .body("user.username", equalTo("admin"))
                .body("user.role", equalTo("superadmin"))
                .body("user.password_hash", nullValue())
                .body(not(containsString("$2a$")));
    }

    @Test
    void meAnswersWhoTheTokenBelongsTo() {
        Api.TestMember researcher = Api.newResearcher();
        Api.as(researcher.token()).get("/api/auth/me")
                .then().statusCode(200)
                .body("id", equalTo((int) researcher.id()))
                .body("username", equalTo(researcher.username()))
                .body("role", equalTo("researcher"));
    }

    @Test
    void wrongPasswordIs401InTheErrorShape() {
        attempt(Api.unique("someone"), "not-the-password", address())
                .then().statusCode(401)
                .body("error", equalTo("invalid_credentials"))
                .body("message", notNullValue())
                .body("violations", empty());
    }

    @Test
    void unknownUserAndDeactivatedUserCannotLogIn() {
        attempt(Api.unique("ghost"), "whatever-123", address())
                .then().statusCode(401).body("error", equalTo("invalid_credentials"));

        Api.TestMember member = Api.newResearcher();
        Api.asAdmin().body(Map.of("is_active", false)).patch("/api/admin/members/" + member.id())
                .then().statusCode(200).body("is_active", equalTo(false));
        attempt(member.username(), member.password(), address()).then().statusCode(401)
                .body("error", equalTo("invalid_credentials"));
    }

    /** A login attempt from its own client address (the test profile trusts X-Forwarded-For from loopback). */
    private static io.restassured.response.Response attempt(String username, String password, String address) {
        return RestAssured.given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/login");
    }

    /** A client address of its own, so tests never share an address's counter. */
    private static String address() {
        return Api.unique("203.0.113.");
    }

    @Test
    void repeatedFailuresAreThrottledEvenWithTheRightPassword() {
        Api.TestMember member = Api.newResearcher();
        String address = address();
        for (int i = 0; i < 3; i++) {
            attempt(member.username(), "wrong-password", address).then().statusCode(401);
        }
        attempt(member.username(), member.password(), address())
                .then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body("error", equalTo("too_many_attempts"))
                .body("params.retry_after_seconds", greaterThan(0));
    }

    @Test
    void concurrentWrongPasswordsAreEvaluatedNoMoreOftenThanTheLimit() throws Exception {
        Api.TestMember member = Api.newResearcher();
        List<Integer> statuses = inParallel(20, i -> attempt(member.username(), "wrong-password-" + i, address()));
        // The test profile allows 3 failures per username: only 3 passwords were checked, whatever the timing.
        assertEquals(3, statuses.stream().filter(s -> s == 401).count(), "evaluated: " + statuses);
        assertEquals(17, statuses.stream().filter(s -> s == 429).count(), "refused: " + statuses);
        attempt(member.username(), member.password(), address()).then().statusCode(429);
    }

    @Test
    void guessesFromOneAddressAcrossManyUsernamesAreThrottledToo() throws Exception {
        String address = address();
        List<Integer> statuses = inParallel(12, i -> attempt(Api.unique("nobody"), "guess-" + i, address));
        // Unknown usernames count like real ones; the test profile allows 6 failures per address.
        assertEquals(6, statuses.stream().filter(s -> s == 401).count(), "evaluated: " + statuses);
        assertEquals(6, statuses.stream().filter(s -> s == 429).count(), "refused: " + statuses);
        Api.TestMember member = Api.newResearcher();
        attempt(member.username(), member.password(), address).then().statusCode(429)
                .header("Retry-After", notNullValue());
        attempt(member.username(), member.password(), address()).then().statusCode(200);
    }

    @Test
    void aSuccessfulLoginGivesItsAddressTheAttemptBack() {
        String address = address();
        for (int i = 0; i < 10; i++) {
            Api.TestMember member = Api.newResearcher();
            attempt(member.username(), member.password(), address).then().statusCode(200);
        }
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        Api.TestMember member = Api.newResearcher();
        String address = address();
        for (int i = 0; i < 3; i++) {
            attempt(member.username(), "wrong-password", address).then().statusCode(401);
        }
        attempt(member.username(), member.password(), address).then().statusCode(429);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE login_throttle SET window_start = now() - interval '2 hours' WHERE subject IN (?1, ?2)")
                .setParameter(1, member.username().toLowerCase()).setParameter(2, address).executeUpdate());
        // A window that has ended starts afresh, and the clean-up drops it.
        throttle.forgetEnded();
        long left = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM login_throttle WHERE subject IN (?1, ?2)")
                .setParameter(1, member.username().toLowerCase()).setParameter(2, address).getSingleResult())
                .longValue());
        assertEquals(0, left);
        attempt(member.username(), member.password(), address).then().statusCode(200);
    }

    @Test
    void successfulLoginClearsEarlierFailures() {
        Api.TestMember member = Api.newResearcher();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 2; i++) {
                attempt(member.username(), "wrong-password", address()).then().statusCode(401);
            }
            attempt(member.username(), member.password(), address()).then().statusCode(200);
        }
    }

    private static List<Integer> inParallel(int n, java.util.function.IntFunction<io.restassured.response.Response> call)
            throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.apply(index).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
            return statuses;
        }
    }

    @Test
    void missingFieldsAreNamed() {
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("username", "admin"))
                .post("/api/auth/login")
                .then().statusCode(400)
                .body("error", equalTo("validation_failed"))
                .body("violations.field", hasItem("password"));
        RestAssured.given().contentType(ContentType.JSON).body("{not json")
                .post("/api/auth/login")
                .then().statusCode(400)
                .body("error", equalTo("malformed_json"));
    }

    @Test
    void expiredTamperedAndForeignTokensAre401() throws Exception {
        String valid = Api.adminToken();
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

        var foreignKeys = KeyPairGenerator.getInstance("RSA");
        foreignKeys.initialize(2048);
        String foreign = Jwt.issuer(TokenIssuer.ISSUER).subject("1").upn("admin").groups(Set.of("superadmin"))
                .sign(foreignKeys.generateKeyPair().getPrivate());
        String expired = Jwt.issuer(TokenIssuer.ISSUER).subject("1").upn("admin").groups(Set.of("superadmin"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();

        for (String token : new String[]{tampered, foreign, expired, "not-a-jwt"}) {
            Api.as(token).get("/api/admin/plans")
                    .then().statusCode(401)
                    .body("error", equalTo("unauthorized"));
        }
        Api.as(valid).get("/api/admin/plans").then().statusCode(200).body("size()", greaterThan(0));
    }

    @Test
    void withoutThePlatformConfiguredOnlyPasswordsApply() {
        RestAssured.get("/api/auth/options").then().statusCode(200)
                .body("platform_sign_in", equalTo(false))
                .body("researcher_password_login", equalTo(true));
        RestAssured.given().redirects().follow(false).get("/api/auth/oidc/login")
                .then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/login/sso?error=sign_in_not_configured"));
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("subject_token", "a.b.c"))
                .post("/api/auth/exchange").then().statusCode(404).body("error", equalTo("sign_in_not_configured"));
    }
}

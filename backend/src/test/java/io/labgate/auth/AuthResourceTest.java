package io.labgate.auth;

import io.labgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AuthResourceTest {

    @jakarta.inject.Inject
    AuthService auth;

    @jakarta.inject.Inject
    LoginFailureRepository failures;

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
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", Api.ADMIN_USERNAME, "password", "not-the-password"))
                .post("/api/auth/login")
                .then().statusCode(401)
                .body("error", equalTo("invalid_credentials"))
                .body("message", notNullValue())
                .body("violations", empty());
    }

    @Test
    void unknownUserAndDeactivatedUserCannotLogIn() {
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", Api.unique("ghost"), "password", "whatever-123"))
                .post("/api/auth/login").then().statusCode(401).body("error", equalTo("invalid_credentials"));

        Api.TestMember member = Api.newResearcher();
        Api.asAdmin().body(Map.of("is_active", false)).patch("/api/admin/members/" + member.id())
                .then().statusCode(200).body("is_active", equalTo(false));
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", member.username(), "password", member.password()))
                .post("/api/auth/login").then().statusCode(401);
    }

    @Test
    void repeatedFailuresAreThrottledEvenWithTheRightPassword() {
        Api.TestMember member = Api.newResearcher();
        for (int i = 0; i < 3; i++) {
            RestAssured.given().contentType(ContentType.JSON)
                    .body(Map.of("username", member.username(), "password", "wrong-password"))
                    .post("/api/auth/login").then().statusCode(401);
        }
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", member.username(), "password", member.password()))
                .post("/api/auth/login")
                .then().statusCode(429)
                .header("Retry-After", notNullValue())
                .body("error", equalTo("too_many_attempts"));
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        Api.TestMember member = Api.newResearcher();
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", member.username(), "password", "wrong-password"))
                .post("/api/auth/login").then().statusCode(401);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> failures.update(
                "failedAt = ?1 where username = ?2", java.time.OffsetDateTime.now().minusHours(2),
                member.username().toLowerCase()));
        auth.forgetOldFailures();
        long left = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                failures.count("username", member.username().toLowerCase()));
        org.junit.jupiter.api.Assertions.assertEquals(0, left);
    }

    @Test
    void successfulLoginClearsEarlierFailures() {
        Api.TestMember member = Api.newResearcher();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 2; i++) {
                RestAssured.given().contentType(ContentType.JSON)
                        .body(Map.of("username", member.username(), "password", "wrong-password"))
                        .post("/api/auth/login").then().statusCode(401);
            }
            Api.login(member.username(), member.password());
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
}

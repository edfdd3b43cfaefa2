package io.labgate.auth;

import io.labgate.support.Api;
import io.labgate.support.PlatformResource;
import io.labgate.support.PlatformSignInProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * POST /api/auth/exchange: a JWT the platform signed becomes a LabGate session; every other token is refused with
 * the reason, and nobody is created. The platform's keys are a JWKS served by {@link PlatformResource}.
 */
@QuarkusTest
@TestProfile(PlatformSignInProfile.class)
class TokenExchangeTest {

    @Inject
    EntityManager em;

    /** Set by {@link PlatformResource}: the platform's key, and one of the same id it never published. */
    PrivateKey platformSigningKey;
    PrivateKey foreignSigningKey;

    @Test
    void aPlatformTokenBecomesASessionAndTheSameMemberNextTime() {
        String login = Api.unique("exch");
        String token = sign(claims(login, c -> { }), platformSigningKey);

        ValidatableResponse first = exchange(token).statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("access_token", notNullValue())
                .body("user.username", equalTo(login))
                .body("user.email", equalTo(login + "@platform.example"))
                .body("user.role", equalTo("researcher"));
        long id = first.extract().jsonPath().getLong("user.id");
        Api.as(first.extract().path("access_token")).get("/api/auth/me").then().statusCode(200)
                .body("id", equalTo((int) id));

        exchange(sign(claims(login, c -> { }), platformSigningKey)).statusCode(200)
                .body("user.id", equalTo((int) id));
        assertEquals(1L, count("SELECT count(*) FROM member_identities WHERE issuer = '"
                + PlatformResource.EXCHANGE_ISSUER + "' AND subject = 'sub-" + login + "'"));
        assertEquals(1L, count("SELECT count(*) FROM audit_log WHERE action = 'member.platform_sign_up' "
                + "AND entity_id = " + id + " AND CAST(after_state AS text) LIKE '%exchange%'"));
    }

    @Test
    void aTokenJustPastItsExpiryIsWithinTheClockSkew() {
        String login = Api.unique("skew");
        exchange(sign(claims(login, c -> {
            c.setIssuedAt(secondsFromNow(-310));
            c.setExpirationTime(secondsFromNow(-10));
        }), platformSigningKey))
                .log().ifValidationFails().statusCode(200).body("user.username", equalTo(login));
    }

    @Test
    void anExpiredTokenIsRefused() {
        refused(c -> c.setExpirationTime(secondsFromNow(-120)), platformSigningKey, "expired");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(c -> c.setAudience("another-app"), platformSigningKey, "wrong_audience");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        refused(c -> c.setIssuer("https://elsewhere.test"), platformSigningKey, "wrong_issuer");
    }

    @Test
    void aTokenSignedByAKeyThePlatformNeverPublishedIsRefused() {
        refused(c -> { }, foreignSigningKey, "bad_signature");
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        String login = Api.unique("none");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(login, c -> { }).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        expectRefused(jws.getCompactSerialization(), login, "bad_signature");
    }

    @Test
    void anHmacTokenKeyedWithAnythingIsRefused() throws Exception {
        String login = Api.unique("hmac");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(login, c -> { }).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue(PlatformResource.KEY_ID);
        jws.setKey(new HmacKey("a-shared-secret-the-platform-never-had-0123456789".getBytes()));
        expectRefused(jws.getCompactSerialization(), login, "bad_signature");
    }

    @Test
    void aTamperedTokenIsRefused() {
        String login = Api.unique("tamper");
        String[] parts = sign(claims(login, c -> { }), platformSigningKey).split("\\.");
        String payload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims(login, c -> c.setClaim("groups", List.of("labgate-admins"))).toJson().getBytes());
        expectRefused(parts[0] + "." + payload + "." + parts[2], login, "bad_signature");
    }

    @Test
    void garbageIsRefusedAndAMissingTokenNamesTheField() {
        exchange("not-a-jwt").statusCode(401).body("error", equalTo("platform_token_invalid"))
                .body("params.reason", equalTo("malformed"));
        RestAssured.given().contentType(ContentType.JSON).body(Map.of()).post("/api/auth/exchange")
                .then().statusCode(400).body("violations[0].field", equalTo("subject_token"));
    }

    @Test
    void aMemberTheAdminDeactivatedIsRefused() {
        String login = Api.unique("off");
        long id = exchange(sign(claims(login, c -> { }), platformSigningKey)).statusCode(200)
                .extract().jsonPath().getLong("user.id");
        Api.asAdmin().body(Map.of("is_active", false)).patch("/api/admin/members/" + id).then().statusCode(200);

        exchange(sign(claims(login, c -> { }), platformSigningKey)).statusCode(403)
                .body("error", equalTo("account_inactive"));
        Api.asAdmin().get("/api/admin/members/" + id).then().body("is_active", equalTo(false));
    }

    @Test
    void aTokenWithoutAnEmailNamesTheClaim() {
        String login = Api.unique("noemail");
        exchange(sign(claims(login, c -> c.unsetClaim("email")), platformSigningKey)).statusCode(400)
                .body("error", equalTo("platform_claim_missing")).body("params.claim", equalTo("email"));
    }

    private void refused(Consumer<JwtClaims> change, PrivateKey key, String reason) {
        String login = Api.unique("refused");
        expectRefused(sign(claims(login, change), key), login, reason);
    }

    private void expectRefused(String token, String login, String reason) {
        exchange(token).statusCode(401)
                .body("error", equalTo("platform_token_invalid"))
                .body("params.reason", equalTo(reason));
        assertEquals(0L, count("SELECT count(*) FROM members WHERE lower(username) = '" + login + "'"),
                "nobody is created");
    }

    private static ValidatableResponse exchange(String token) {
        return RestAssured.given().contentType(ContentType.JSON).body(Map.of("subject_token", token))
                .post("/api/auth/exchange").then();
    }

    private static JwtClaims claims(String login, Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(PlatformResource.EXCHANGE_ISSUER);
        claims.setAudience(PlatformResource.EXCHANGE_AUDIENCE);
        claims.setSubject("sub-" + login);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(secondsFromNow(300));
        claims.setClaim("preferred_username", login);
        claims.setClaim("email", login + "@platform.example");
        claims.setClaim("name", "Exchange " + login);
        claims.setClaim("groups", List.of("researchers"));
        change.accept(claims);
        return claims;
    }

    private static NumericDate secondsFromNow(long seconds) {
        NumericDate date = NumericDate.now();
        date.addSeconds(seconds);
        return date;
    }

    private static String sign(JwtClaims claims, PrivateKey key) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key);
            jws.setKeyIdHeaderValue(PlatformResource.KEY_ID);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}

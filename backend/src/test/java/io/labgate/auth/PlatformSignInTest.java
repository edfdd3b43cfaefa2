package io.labgate.auth;

import io.labgate.support.Api;
import io.labgate.support.LogCapture;
import io.labgate.support.OpenIdProvider;
import io.labgate.support.PlatformBrowser;
import io.labgate.support.PlatformResource;
import io.labgate.support.PlatformSignInProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Sign in with your platform account" against a real OpenID provider (oidc-provider, started by the tests): the
 * browser is sent to the provider, signs in with its form, comes back to the callback, and the SPA redeems the
 * one-time code for a LabGate session.
 */
@QuarkusTest
@TestProfile(PlatformSignInProfile.class)
class PlatformSignInTest {

    @TestHTTPResource("/")
    URI app;

    @Inject
    EntityManager em;

    /** Set by {@link PlatformResource}. */
    String providerIssuer;

    @BeforeEach
    void defaultSettingExists() {
        boolean exists = Api.asAdmin().get("/api/admin/ai-settings").then().statusCode(200).extract()
                .jsonPath().getList("name").contains(PlatformResource.DEFAULT_SETTING);
        if (!exists) {
            Api.asAdmin().body(Map.of("name", PlatformResource.DEFAULT_SETTING, "provider", "sandbox",
                            "model_name", "sandbox", "max_tokens", 100, "temperature", 0.5,
                            "hourly_limit", 0, "daily_limit", 0, "monthly_limit", 0))
                    .post("/api/admin/ai-settings").then().statusCode(201);
        }
    }

    @Test
    void theLoginPageIsToldWhatIsOn() {
        RestAssured.get("/api/auth/options").then().statusCode(200)
                .body("platform_sign_in", equalTo(true))
                .body("researcher_password_login", equalTo(false));
    }

    @Test
    void aFirstSignInCreatesTheResearcherWithTheDefaultPlanAndSaysSoInTheAuditLog() {
        String login = Api.unique("kim");
        PlatformBrowser browser = new PlatformBrowser(app);

        URI landing = browser.signIn(login);

        assertEquals("/login/sso", landing.getPath());
        assertNull(landing.getQuery(), "no code or token in the URL");
        HttpCookie handoff = browser.cookie(PlatformSignInResource.HANDOFF_COOKIE).orElseThrow();
        assertTrue(handoff.isHttpOnly());
        assertEquals("/api/auth/oidc", handoff.getPath());
        assertTrue(browser.cookie("q_session_platform").isEmpty(), "the OIDC session is dropped at once: "
                + browser.history().stream().map(r -> r.uri() + " " + r.headers().allValues("set-cookie")).toList());

        HttpResponse<String> session = browser.redeem();
        assertEquals(200, session.statusCode(), session.body());
        JsonPath body = JsonPath.from(session.body());
        assertEquals(login, body.getString("user.username"));
        assertEquals(login + "@platform.example", body.getString("user.email"));
        assertEquals("researcher", body.getString("user.role"));
        assertEquals(login, body.getString("user.first_name"));
        assertEquals("Platform", body.getString("user.last_name"));
        long id = body.getLong("user.id");
        Api.as(body.getString("access_token")).get("/api/auth/me").then().statusCode(200).body("id", equalTo((int) id));

        QuarkusTransaction.requiringNew().run(() -> {
            Object[] link = (Object[]) em.createNativeQuery(
                    "SELECT issuer, subject FROM member_identities WHERE member_id = :id")
                    .setParameter("id", id).getSingleResult();
            assertEquals(providerIssuer, link[0]);
            assertEquals(login, link[1], "the subject is the platform account id");
            assertNull(em.createNativeQuery("SELECT password_hash FROM members WHERE id = :id")
                    .setParameter("id", id).getSingleResult(), "no LabGate password");
            Object[] access = (Object[]) em.createNativeQuery("SELECT p.name, s.name FROM user_ai_access a "
                            + "JOIN plans p ON p.id = a.plan_id LEFT JOIN ai_settings s ON s.id = a.ai_settings_id "
                            + "WHERE a.member_id = :id")
                    .setParameter("id", id).getSingleResult();
            assertEquals("basic", access[0]);
            assertEquals(PlatformResource.DEFAULT_SETTING, access[1]);
            Object[] audit = (Object[]) em.createNativeQuery("SELECT actor_id, actor_username, CAST(after_state AS text) "
                            + "FROM audit_log WHERE action = 'member.platform_sign_up' AND entity_id = :id")
                    .setParameter("id", id).getSingleResult();
            assertEquals(id, ((Number) audit[0]).longValue());
            assertEquals(login, audit[1]);
            assertTrue(((String) audit[2]).contains("\"via\": \"oidc\"") || ((String) audit[2]).contains("\"via\":\"oidc\""),
                    (String) audit[2]);
        });
    }

    @Test
    void theAuthorizationRequestCarriesPkceStateAndNonce() {
        PlatformBrowser browser = new PlatformBrowser(app);
        browser.navigate(app.resolve("/api/auth/oidc/login"));

        URI authorize = browser.redirectTo(providerIssuer + "/auth").orElseThrow();
        Map<String, String> query = PlatformBrowser.query(authorize);
        assertEquals("code", query.get("response_type"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertTrue(query.get("code_challenge").length() >= 43);
        assertTrue(query.get("state").length() >= 16);
        assertTrue(query.get("nonce").length() >= 16);
        assertEquals(app.resolve("/api/auth/oidc/callback").toString(), query.get("redirect_uri"));
        assertTrue(query.get("scope").contains("openid"));
    }

    @Test
    void signingInAgainIsTheSameMember() {
        String login = Api.unique("lee");
        PlatformBrowser first = new PlatformBrowser(app);
        first.signIn(login);
        long id = JsonPath.from(first.redeem().body()).getLong("user.id");

        PlatformBrowser second = new PlatformBrowser(app);
        second.signIn(login);
        assertEquals(id, JsonPath.from(second.redeem().body()).getLong("user.id"));
        assertEquals(1L, count("SELECT count(*) FROM members WHERE lower(email) = '" + login + "@platform.example'"));
    }

    @Test
    void thePlatformsAdminGroupMakesASuperadmin() {
        PlatformBrowser browser = new PlatformBrowser(app);
        browser.signIn(Api.unique("admin-p"));
        JsonPath session = JsonPath.from(browser.redeem().body());

        assertEquals("superadmin", session.getString("user.role"));
        Api.as(session.getString("access_token")).get("/api/admin/members").then().statusCode(200);
    }

    @Test
    void aMemberTheAdminDeactivatedStaysDeactivated() {
        String login = Api.unique("park");
        PlatformBrowser browser = new PlatformBrowser(app);
        browser.signIn(login);
        long id = JsonPath.from(browser.redeem().body()).getLong("user.id");
        Api.asAdmin().body(Map.of("is_active", false)).patch("/api/admin/members/" + id).then().statusCode(200);

        URI landing = new PlatformBrowser(app).signIn(login);

        assertEquals("error=account_inactive", landing.getQuery());
        Api.asAdmin().get("/api/admin/members/" + id).then().statusCode(200).body("is_active", equalTo(false));
    }

    @Test
    void theOneTimeCodeWorksOnceAndOnlyFromItsCookie() {
        PlatformBrowser browser = new PlatformBrowser(app);
        browser.signIn(Api.unique("choi"));
        String code = browser.cookie(PlatformSignInResource.HANDOFF_COOKIE).orElseThrow().getValue();

        assertEquals(200, browser.redeem().statusCode());
        RestAssured.given().cookie(PlatformSignInResource.HANDOFF_COOKIE, code).post("/api/auth/oidc/session")
                .then().statusCode(401).body("error", equalTo("sign_in_expired"));
        RestAssured.given().post("/api/auth/oidc/session")
                .then().statusCode(401).body("error", equalTo("sign_in_expired"));
    }

    @Test
    void aCallbackWhoseStateDoesNotMatchSignsNobodyIn() {
        PlatformBrowser browser = new PlatformBrowser(app);
        browser.navigate(app.resolve("/api/auth/oidc/login"));
        long before = count("SELECT count(*) FROM sign_in_handoffs");

        HttpResponse<String> forged = browser.navigate(app.resolve("/api/auth/oidc/callback?code=stolen&state=forged"));

        assertNotEquals(303, forged.statusCode());
        assertTrue(browser.cookie(PlatformSignInResource.HANDOFF_COOKIE).isEmpty());
        assertEquals(before, count("SELECT count(*) FROM sign_in_handoffs"));
    }

    @Test
    void aLocalMemberWithTheSameEmailIsAConflictForTheAdmin() {
        String login = Api.unique("jung");
        Api.asAdmin().body(Map.of("username", login + "-local", "email", login + "@platform.example",
                        "password", "password-123456", "role", "researcher"))
                .post("/api/admin/members").then().statusCode(201);

        URI landing = new PlatformBrowser(app).signIn(login);

        assertEquals("error=platform_account_conflict", landing.getQuery());
        assertEquals(0L, count("SELECT count(*) FROM member_identities WHERE subject = '" + login + "'"));
    }

    @Test
    void researchersNoLongerUsePasswordsButTheSuperadminDoes() {
        String username = Api.unique("pw");
        Api.asAdmin().body(Map.of("username", username, "email", username + "@lab.example",
                        "password", "password-123456", "role", "researcher"))
                .post("/api/admin/members").then().statusCode(201);

        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "password-123456"))
                .post("/api/auth/login").then().statusCode(403).body("error", equalTo("password_login_disabled"));
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "wrong-password"))
                .post("/api/auth/login").then().statusCode(401).body("error", equalTo("invalid_credentials"));
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", Api.ADMIN_USERNAME, "password", Api.ADMIN_PASSWORD))
                .post("/api/auth/login").then().statusCode(200);
    }

    @Test
    void theClientSecretAndTheOneTimeCodeAreNeitherLoggedNorKept() {
        String code;
        String body;
        try (LogCapture logs = new LogCapture()) {
            PlatformBrowser browser = new PlatformBrowser(app);
            browser.signIn(Api.unique("secret"));
            code = browser.cookie(PlatformSignInResource.HANDOFF_COOKIE).orElseThrow().getValue();
            body = browser.redeem().body() + RestAssured.get("/api/auth/options").asString();
            for (String line : logs.lines()) {
                assertFalse(line.contains(OpenIdProvider.CLIENT_SECRET), "client secret logged: " + line);
                assertFalse(line.contains(code), "one-time code logged: " + line);
            }
        }
        assertFalse(body.contains(OpenIdProvider.CLIENT_SECRET));
        assertEquals(0L, count("SELECT count(*) FROM sign_in_handoffs WHERE code_hash = '" + code + "'"));
        assertEquals(0L, count("SELECT count(*) FROM audit_log WHERE CAST(after_state AS text) LIKE '%"
                + OpenIdProvider.CLIENT_SECRET + "%'"));
    }

    @Test
    void aForgedOidcSessionCookieIsNoPass() {
        List<String> paths = List.of("/api/admin/members", "/api/auth/me");
        for (String path : paths) {
            RestAssured.given().cookie("q_session_platform", "forged").get(path)
                    .then().statusCode(401).body("error", equalTo("unauthorized"));
        }
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}

package io.labgate.auth;

import io.agroal.api.AgroalDataSource;
import io.labgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasLength;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions end when they should: logout, a password change or reset, "sign out everywhere", a super-admin demoted
 * or deactivated — here at once, and on every other replica within a second (as ChangeBroadcastTest shows for
 * routes and keys).
 */
@QuarkusTest
class SessionsTest {

    @Inject
    AgroalDataSource dataSource;

    private static int me(String token) {
        return Api.as(token).get("/api/auth/me").statusCode();
    }

    @Test
    void tokensCarryTheMembersTokenVersion() {
        Api.TestMember member = Api.newResearcher();
        String payload = new String(Base64.getUrlDecoder().decode(member.token().split("\\.")[1]));
        assertTrue(payload.contains("\"token_version\":0"), payload);
    }

    @Test
    void logoutEndsEverySessionOfTheMember() {
        Api.TestMember member = Api.newResearcher();
        String laptop = Api.login(member.username(), member.password());
        Api.as(member.token()).post("/api/auth/logout").then().statusCode(204);
        Api.as(member.token()).get("/api/auth/me").then().statusCode(401).body("error", equalTo("unauthorized"));
        Api.as(laptop).get("/api/auth/me").then().statusCode(401);
        Api.as(Api.login(member.username(), member.password())).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void aMemberChangesTheirPasswordWithTheCurrentOne() {
        Api.TestMember member = Api.newResearcher();
        String laptop = Api.login(member.username(), member.password());
        Api.as(member.token()).body(Map.of("current_password", "not-my-password", "new_password", "new-password-1"))
                .post("/api/auth/password")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("current_password"))
                .body("violations[0].code", equalTo("wrong_password"));
        Api.as(member.token()).body(Map.of("current_password", member.password(), "new_password", "short"))
                .post("/api/auth/password")
                .then().statusCode(400).body("violations[0].field", equalTo("new_password"));
        Api.as(laptop).get("/api/auth/me").then().statusCode(200);

        String fresh = Api.as(member.token())
                .body(Map.of("current_password", member.password(), "new_password", "new-password-1"))
                .post("/api/auth/password")
                .then().statusCode(200)
                .body("user.id", equalTo((int) member.id()))
                .body(not(containsString("new-password-1")))
                .extract().path("access_token");
        assertNotEquals(member.token(), fresh);
        Api.as(fresh).get("/api/auth/me").then().statusCode(200);
        Api.as(member.token()).get("/api/auth/me").then().statusCode(401);
        Api.as(laptop).get("/api/auth/me").then().statusCode(401);
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", member.username(), "password", member.password()))
                .post("/api/auth/login").then().statusCode(401);
        Api.login(member.username(), "new-password-1");
        Api.asAdmin().get("/api/admin/audit-log?entity_type=member").then().statusCode(200)
                .body("items.action", hasItem("member.password_change"))
                .body(not(containsString("new-password-1")));
    }

    @Test
    void theAdminResetsAPasswordShownOnceAndTheMembersSessionsEnd() {
        Api.TestMember member = Api.newResearcher();
        String temporary = Api.asAdmin().post("/api/admin/members/" + member.id() + "/reset-password")
                .then().statusCode(200)
                .body("temporary_password", hasLength(16))
                .extract().path("temporary_password");
        Api.as(member.token()).get("/api/auth/me").then().statusCode(401);
        RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", member.username(), "password", member.password()))
                .post("/api/auth/login").then().statusCode(401);
        Api.as(Api.login(member.username(), temporary)).get("/api/auth/me").then().statusCode(200);
        Api.asAdmin().get("/api/admin/audit-log?entity_type=member").then().statusCode(200)
                .body("items.action", hasItem("member.password_reset"))
                .body(not(containsString(temporary)));
        Api.asAdmin().post("/api/admin/members/999999999/reset-password").then().statusCode(404);
    }

    @Test
    void theAdminSignsAMemberOutEverywhere() {
        Api.TestMember member = Api.newResearcher();
        String laptop = Api.login(member.username(), member.password());
        Api.asAdmin().post("/api/admin/members/" + member.id() + "/sign-out").then().statusCode(204);
        Api.as(member.token()).get("/api/auth/me").then().statusCode(401);
        Api.as(laptop).get("/api/auth/me").then().statusCode(401);
        Api.as(Api.login(member.username(), member.password())).get("/api/auth/me").then().statusCode(200);
    }

    @Test
    void aDemotedOrDeactivatedSuperAdminLosesTheirSessionAtOnce() {
        Api.TestMember demoted = Api.newMember("superadmin");
        Api.as(demoted.token()).get("/api/admin/plans").then().statusCode(200);
        Api.asAdmin().body(Map.of("role", "researcher")).patch("/api/admin/members/" + demoted.id())
                .then().statusCode(200);
        Api.as(demoted.token()).get("/api/admin/plans").then().statusCode(401).body("error", equalTo("unauthorized"));

        Api.TestMember deactivated = Api.newMember("superadmin");
        Api.as(deactivated.token()).get("/api/admin/members").then().statusCode(200);
        Api.asAdmin().body(Map.of("is_active", false)).patch("/api/admin/members/" + deactivated.id())
                .then().statusCode(200);
        Api.as(deactivated.token()).get("/api/admin/members").then().statusCode(401);

        // An edit that changes none of these keeps the session.
        Api.TestMember renamed = Api.newMember("superadmin");
        Api.asAdmin().body(Map.of("first_name", "Renamed")).patch("/api/admin/members/" + renamed.id())
                .then().statusCode(200);
        Api.as(renamed.token()).get("/api/admin/members").then().statusCode(200);
    }

    @Test
    void aDeletedMembersTokenIsRefused() {
        Api.TestMember member = Api.newResearcher();
        Api.asAdmin().delete("/api/admin/members/" + member.id()).then().statusCode(204);
        Api.as(member.token()).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void aTokenWithoutAVersionIsRefused() {
        Api.TestMember member = Api.newResearcher();
        String unversioned = Jwt.issuer(TokenIssuer.ISSUER).subject(String.valueOf(member.id()))
                .upn(member.username()).groups(Set.of("researcher")).sign();
        Api.as(unversioned).get("/api/auth/me").then().statusCode(401);
    }

    @Test
    void sessionsEndedOnAnotherReplicaAreRefusedHereWithinASecond() throws Exception {
        Api.TestMember member = Api.newResearcher();
        assertEquals(200, me(member.token()));   // checked, and its state cached here
        // What another replica's logout does: raise the version and announce it, in one transaction.
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement end = c.prepareStatement(
                    "UPDATE members SET token_version = token_version + 1 WHERE id = ?");
                 PreparedStatement notify = c.prepareStatement("SELECT pg_notify('labgate_changes', ?)")) {
                end.setLong(1, member.id());
                end.executeUpdate();
                notify.setString(1, "auth.logout|member|" + member.id());
                notify.execute();
            }
            c.commit();
        }
        long start = System.nanoTime();
        while (me(member.token()) != 401) {
            assertTrue(System.nanoTime() - start < 1_000_000_000L, "the ended session was still accepted a second later");
            Thread.sleep(20);
        }
    }
}

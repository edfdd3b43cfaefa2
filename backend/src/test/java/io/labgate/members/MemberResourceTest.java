package io.labgate.members;

import io.labgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
class MemberResourceTest {

    private static Map<String, Object> member(String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("email", username + "@lab.example");
        body.put("password", "a-good-password");
        body.put("role", "researcher");
        body.put("first_name", "Ji-woo");
        body.put("last_name", "Kim");
        return body;
    }

    @Test
    void createdMemberCanBeReadListedAndLogsIn() {
        String username = Api.unique("kim");
        Response created = Api.asAdmin().body(member(username)).post("/api/admin/members");
        created.then().statusCode(201)
                .header("Location", endsWith("/api/admin/members/" + created.path("id")))
                .body("username", equalTo(username))
                .body("first_name", equalTo("Ji-woo"))
                .body("is_active", equalTo(true))
                .body("password", nullValue())
                .body("password_hash", nullValue());
        int id = created.path("id");

        Api.asAdmin().get("/api/admin/members/" + id).then().statusCode(200).body("email",
                equalTo(username + "@lab.example"));
        Api.asAdmin().queryParam("q", username).get("/api/admin/members")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id));
        assertNotNull(Api.login(username, "a-good-password"));
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsWritten() {
        long before = Api.asAdmin().get("/api/admin/members").then().extract().jsonPath().getLong("total");
        Map<String, Object> bad = member("x");
        bad.put("email", "not-an-email");
        bad.put("password", "short");
        bad.put("role", "emperor");
        Api.asAdmin().body(bad).post("/api/admin/members")
                .then().statusCode(400)
                .body("error", equalTo("validation_failed"))
                .body("violations.field", hasItems("username", "email", "password", "role"));
        long after = Api.asAdmin().get("/api/admin/members").then().extract().jsonPath().getLong("total");
        assertEquals(before, after);
    }

    @Test
    void duplicateUsernameOrEmailIs409NamingTheField() {
        String username = Api.unique("dup");
        Api.asAdmin().body(member(username)).post("/api/admin/members").then().statusCode(201);
        Api.asAdmin().body(member(username.toUpperCase())).post("/api/admin/members")
                .then().statusCode(409).body("error", equalTo("duplicate")).body("violations[0].field",
                        equalTo("username"));
        Map<String, Object> sameEmail = member(Api.unique("other"));
        sameEmail.put("email", username + "@lab.example");
        Api.asAdmin().body(sameEmail).post("/api/admin/members")
                .then().statusCode(409).body("violations[0].field", equalTo("email"));
    }

    @Test
    void patchChangesOnlyGivenFieldsAndCanResetThePassword() {
        Api.TestMember m = Api.newResearcher();
        Api.asAdmin().body(Map.of("first_name", "Min-jun", "password", "a-new-password-1"))
                .patch("/api/admin/members/" + m.id())
                .then().statusCode(200)
                .body("first_name", equalTo("Min-jun"))
                .body("last_name", equalTo(m.username()))
                .body("email", equalTo(m.username() + "@lab.example"));
        assertNotNull(Api.login(m.username(), "a-new-password-1"));
    }

    @Test
    void adminCannotDemoteDeactivateOrDeleteThemself() {
        long adminId = Api.asAdmin().get("/api/auth/me").then().extract().jsonPath().getLong("id");
        Api.asAdmin().body(Map.of("role", "researcher")).patch("/api/admin/members/" + adminId)
                .then().statusCode(409).body("error", equalTo("self_role_change"));
        Api.asAdmin().body(Map.of("is_active", false)).patch("/api/admin/members/" + adminId)
                .then().statusCode(409).body("error", equalTo("self_deactivation"));
        Api.asAdmin().delete("/api/admin/members/" + adminId).then().statusCode(409)
                .body("error", equalTo("self_deletion"));
        Api.asAdmin().get("/api/admin/members/" + adminId).then().statusCode(200)
                .body("role", equalTo("superadmin")).body("is_active", equalTo(true));
    }

    @Test
    void deleteRemovesTheMember() {
        Api.TestMember m = Api.newResearcher();
        Api.asAdmin().delete("/api/admin/members/" + m.id()).then().statusCode(204);
        Api.asAdmin().get("/api/admin/members/" + m.id()).then().statusCode(404)
                .body("error", equalTo("not_found"));
    }

    @Test
    void csvImportCreatesEveryoneAndShowsGeneratedPasswordsOnce() {
        String a = Api.unique("csva");
        String b = Api.unique("csvb");
        String csv = "\uFEFFusername,email,first_name,last_name,password\n"
                + a + "," + a + "@lab.example,\"Lee, Seo-yeon\",Lee,\n"
                + b + "," + b + "@lab.example,Park,Park,given-password-1\n";
        Response response = Api.asAdmin().contentType("text/csv; charset=utf-8").body(csv).post("/api/admin/members/import");
        response.then().log().ifValidationFails().statusCode(201)
                .body("created", equalTo(2))
                .body("members[0].member.username", equalTo(a))
                .body("members[0].member.first_name", equalTo("Lee, Seo-yeon"))
                .body("members[0].member.role", equalTo("researcher"))
                .body("members[0].temporary_password", notNullValue())
                .body("members[1].temporary_password", nullValue());
        String generated = response.path("members[0].temporary_password");
        assertNotNull(Api.login(a, generated));
        assertNotNull(Api.login(b, "given-password-1"));
    }

    @Test
    void csvImportIsAllOrNothing() {
        String good = Api.unique("good");
        Api.TestMember existing = Api.newResearcher();
        String csv = "username,email,first_name,last_name\n"
                + good + "," + good + "@lab.example,A,B\n"
                + existing.username() + ",fresh@lab.example,C,D\n"
                + Api.unique("bad") + ",not-an-email,E,F\n";
        Api.asAdmin().contentType("text/csv; charset=utf-8").body(csv).post("/api/admin/members/import")
                .then().statusCode(400)
                .body("violations.size()", equalTo(2))
                .body("violations[0].field", equalTo("username"))
                .body("violations[0].code", equalTo("not_unique"))
                .body("violations[0].params.row", equalTo(2))
                .body("violations[1].field", equalTo("email"))
                .body("violations[1].code", equalTo("invalid_email"))
                .body("violations[1].params.row", equalTo(3));
        Api.asAdmin().queryParam("q", good).get("/api/admin/members").then().body("total", equalTo(0));
    }

    @Test
    void csvWithAnUnknownColumnOrNoRowsIsRejected() {
        Api.asAdmin().contentType("text/csv").body("username,email,shoe_size\nx,y,z\n")
                .post("/api/admin/members/import")
                .then().statusCode(400).body("violations[0].field", equalTo("header"))
                .body("violations[0].code", equalTo("csv_unknown_column"))
                .body("violations[0].params.column", equalTo("shoe_size"));
        Api.asAdmin().contentType("text/csv").body("username,email\n")
                .post("/api/admin/members/import")
                .then().statusCode(400).body("violations[0].code", equalTo("csv_no_rows"));
    }

    @Test
    void searchAndRoleFilterAndPaging() {
        String tag = Api.unique("page");
        for (int i = 0; i < 3; i++) {
            Api.asAdmin().body(member(tag + "x" + i)).post("/api/admin/members").then().statusCode(201);
        }
        Api.asAdmin().queryParam("q", tag).queryParam("size", 2).queryParam("page", 1)
                .get("/api/admin/members")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.size()", equalTo(1))
                .body("items[0].username", equalTo(tag + "x2"));
        List<String> roles = Api.asAdmin().queryParam("role", "superadmin").get("/api/admin/members")
                .then().extract().jsonPath().getList("items.role");
        assertEquals(List.of("superadmin"), roles.stream().distinct().toList());
        Api.asAdmin().queryParam("size", 0).get("/api/admin/members").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
    }
}

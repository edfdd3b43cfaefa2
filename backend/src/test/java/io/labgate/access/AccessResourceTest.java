package io.labgate.access;

import io.labgate.support.Api;
import io.labgate.support.Books;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AccessResourceTest {

    @Inject
    EntityManager em;

    private static int planId(String name) {
        return Api.asAdmin().get("/api/admin/plans").then().extract()
                .path("find { it.name == '" + name + "' }.id");
    }

    private static int sandboxSetting() {
        return Api.asAdmin().body(Map.of("name", Api.unique("sandbox"), "provider", "sandbox",
                        "model_name", "sandbox-echo", "max_tokens", 1000, "temperature", 0.7,
                        "hourly_limit", 100, "daily_limit", 1000, "monthly_limit", 10000))
                .post("/api/admin/ai-settings").then().statusCode(201).extract().path("id");
    }

    @Test
    void createGivesAMemberAPlanAndShowsItInTheList() {
        Api.TestMember m = Api.newResearcher();
        int settingId = sandboxSetting();
        int id = Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId("basic"),
                        "ai_settings_id", settingId))
                .post("/api/admin/user-ai-access")
                .then().statusCode(201)
                .body("user.username", equalTo(m.username()))
                .body("plan.name", equalTo("basic"))
                .body("plan.monthly_token_limit", equalTo(1000000))
                .body("ai_settings.id", equalTo(settingId))
                .body("ai_settings.provider", equalTo("sandbox"))
                .body("is_enabled", equalTo(true))
                .body("tokens_used_month", equalTo(0))
                .body("assigned_by", equalTo("admin"))
                .extract().path("id");
        Api.asAdmin().queryParam("q", m.username()).get("/api/admin/user-ai-access")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].member.username", equalTo(m.username()))
                .body("items[0].access.id", equalTo(id));
        Books.awaitWritten();
        Api.as(m.token()).get("/api/me/access").then().statusCode(200)
                .body("plan.display_name", equalTo("기본형 ($10/월)"))
                .body("plan.features", hasItem("analysis"));
    }

    @Test
    void researchersWithoutAPlanAreListedUnassignedAndAdminsOnlyWithAccess() {
        String tag = Api.unique("list");
        Api.TestMember waiting = named(tag, "researcher");
        Api.TestMember assigned = named(tag, "researcher");
        Api.TestMember admin = named(tag, "superadmin");
        Api.TestMember adminWithAi = named(tag, "superadmin");
        for (Api.TestMember m : List.of(assigned, adminWithAi)) {
            Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId("basic")))
                    .post("/api/admin/user-ai-access").then().statusCode(201);
        }
        String[] byUsername = Stream.of(waiting, assigned, adminWithAi).map(Api.TestMember::username).sorted()
                .toArray(String[]::new);
        Api.asAdmin().queryParam("q", tag).get("/api/admin/user-ai-access").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.member.username", contains(byUsername))
                .body("items.find { it.member.id == " + waiting.id() + " }.access", nullValue())
                .body("items.find { it.member.id == " + waiting.id() + " }.member.role", equalTo("researcher"))
                .body("items.find { it.member.id == " + assigned.id() + " }.access.plan.name", equalTo("basic"))
                .body("items.member.id", not(hasItem((int) admin.id())));
        Api.asAdmin().queryParam("q", tag).queryParam("assigned", false).get("/api/admin/user-ai-access").then()
                .body("items.member.username", contains(waiting.username()));
        Api.asAdmin().queryParam("q", tag).queryParam("assigned", true).get("/api/admin/user-ai-access").then()
                .body("total", equalTo(2));
        Api.asAdmin().queryParam("q", tag).queryParam("plan_id", planId("basic")).get("/api/admin/user-ai-access")
                .then().body("total", equalTo(2)).body("items.access.plan.name", everyItem(equalTo("basic")));
    }

    @Test
    void aMembersPageHasTheirAccessAndEveryWindowWithItsReset() {
        Api.TestMember m = Api.newResearcher();
        Api.asAdmin().get("/api/admin/user-ai-access/members/" + m.id()).then().statusCode(200)
                .body("access", nullValue())
                .body("windows", empty());
        int settingId = sandboxSetting();
        Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId("basic"), "ai_settings_id", settingId))
                .post("/api/admin/user-ai-access").then().statusCode(201);
        Api.as(m.token()).body(Map.of("messages", List.of(Map.of("role", "user", "content", "안녕")))).post("/api/ai/chat")
                .then().statusCode(200);
        Api.asAdmin().get("/api/admin/user-ai-access/members/" + m.id()).then().statusCode(200)
                .body("access.user.id", equalTo((int) m.id()))
                .body("access.plan.name", equalTo("basic"))
                .body("access.ai_settings.id", equalTo(settingId))
                .body("access.requests_today", equalTo(1))
                .body("windows.find { it.scope == 'plan' && it.window == 'day' }.used", equalTo(1))
                .body("windows.find { it.scope == 'plan' && it.window == 'day' }.limit", equalTo(200))
                .body("windows.find { it.scope == 'plan' && it.window == 'day' }.resets_at", endsWith("+09:00"))
                .body("windows.find { it.scope == 'provider' && it.window == 'hour' }.used", equalTo(1));
        Api.asAdmin().get("/api/admin/user-ai-access/members/999999").then().statusCode(404)
                .body("error", equalTo("not_found")).body("params.resource", equalTo("member"));
    }

    private static Api.TestMember named(String tag, String role) {
        Api.TestMember m = Api.newMember(role);
        Api.asAdmin().body(Map.of("last_name", tag)).patch("/api/admin/members/" + m.id()).then().statusCode(200);
        return m;
    }

    @Test
    void aMemberHasAtMostOneAccess() {
        Api.TestMember m = Api.newResearcher();
        Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId("free")))
                .post("/api/admin/user-ai-access").then().statusCode(201);
        Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId("basic")))
                .post("/api/admin/user-ai-access").then().statusCode(409)
                .body("violations[0].field", equalTo("user_id"));
    }

    @Test
    void unknownIdsAreNamed() {
        Api.TestMember m = Api.newResearcher();
        Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", 999999))
                .post("/api/admin/user-ai-access").then().statusCode(404)
                .body("violations[0].field", equalTo("ai_plan_id"));
        Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId("free"), "ai_settings_id", 999999))
                .post("/api/admin/user-ai-access").then().statusCode(404)
                .body("violations[0].field", equalTo("ai_settings_id"));
        Api.asAdmin().body(Map.of("user_id", 999999, "ai_plan_id", planId("free")))
                .post("/api/admin/user-ai-access").then().statusCode(400)
                .body("violations[0].field", equalTo("user_id"));
        Books.awaitWritten();
        Api.as(m.token()).get("/api/me/access").then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void patchDisablesChangesPlanAndRemovesTheSetting() {
        Api.TestMember m = Api.newResearcher();
        int id = Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId("free"),
                        "ai_settings_id", sandboxSetting()))
                .post("/api/admin/user-ai-access").then().extract().path("id");
        Api.asAdmin().body(Map.of("is_enabled", false, "ai_plan_id", planId("premium"), "ai_settings_id", 0))
                .patch("/api/admin/user-ai-access/" + id)
                .then().statusCode(200)
                .body("is_enabled", equalTo(false))
                .body("plan.name", equalTo("premium"))
                .body("ai_settings", nullValue());
    }

    @Test
    void bulkAssignCreatesAndUpdatesEveryListedMember() {
        Api.TestMember fresh = Api.newResearcher();
        Api.TestMember existing = Api.newResearcher();
        Api.asAdmin().body(Map.of("user_id", existing.id(), "ai_plan_id", planId("free"), "is_enabled", false))
                .post("/api/admin/user-ai-access").then().statusCode(201);
        int settingId = sandboxSetting();

        Api.asAdmin().body(Map.of("user_ids", List.of(fresh.id(), existing.id(), fresh.id()),
                        "ai_plan_id", planId("premium"), "ai_settings_id", settingId))
                .post("/api/admin/user-ai-access/bulk-assign")
                .then().statusCode(200)
                .body("assigned", equalTo(2))
                .body("created", equalTo(1))
                .body("updated", equalTo(1))
                .body("message", nullValue());
        for (Api.TestMember m : List.of(fresh, existing)) {
            Books.awaitWritten();
            Api.as(m.token()).get("/api/me/access").then().statusCode(200)
                    .body("plan.name", equalTo("premium"))
                    .body("ai_settings.id", equalTo(settingId))
                    .body("is_enabled", equalTo(true));
        }
    }

    @Test
    void bulkAssignWithAnUnknownIdAssignsNobody() {
        Api.TestMember a = Api.newResearcher();
        Api.TestMember b = Api.newResearcher();
        Api.asAdmin().body(Map.of("user_ids", List.of(a.id(), 987654321L, b.id()), "ai_plan_id", planId("basic")))
                .post("/api/admin/user-ai-access/bulk-assign")
                .then().statusCode(404)
                .body("error", equalTo("not_found"))
                .body("violations[0].field", equalTo("user_ids"))
                .body("violations[0].code", equalTo("not_found"))
                .body("violations[0].params.id", equalTo(987654321));
        Books.awaitWritten();
        Api.as(a.token()).get("/api/me/access").then().statusCode(404);
        Books.awaitWritten();
        Api.as(b.token()).get("/api/me/access").then().statusCode(404);

        Api.asAdmin().body(Map.of("user_ids", List.of(), "ai_plan_id", planId("basic")))
                .post("/api/admin/user-ai-access/bulk-assign").then().statusCode(400)
                .body("violations[0].field", equalTo("user_ids"));
    }

    @Test
    void resetUsageZeroesTheCounters() {
        Api.TestMember m = Api.newResearcher();
        int id = Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId("basic")))
                .post("/api/admin/user-ai-access").then().extract().path("id");
        setCounters(id, 1234, 56789, 17);
        Api.asAdmin().get("/api/admin/user-ai-access/" + id).then()
                .body("tokens_used_today", equalTo(1234)).body("tokens_used_month", equalTo(56789))
                .body("requests_today", equalTo(17));

        Api.asAdmin().post("/api/admin/user-ai-access/" + id + "/reset-usage")
                .then().statusCode(200)
                .body("tokens_used_today", equalTo(0))
                .body("tokens_used_month", equalTo(0))
                .body("requests_today", equalTo(0));
        assertEquals(0L, counter(id));
    }

    void setCounters(long id, long today, long month, int requests) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update user_ai_access set tokens_used_today = ?1, tokens_used_month = ?2,"
                        + " requests_today = ?3 where id = ?4")
                .setParameter(1, today).setParameter(2, month).setParameter(3, requests).setParameter(4, id)
                .executeUpdate());
    }

    long counter(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select tokens_used_month from user_ai_access where id = ?1")
                .setParameter(1, id).getSingleResult()).longValue());
    }

    @Test
    void deletingAMemberDeletesTheirAccess() {
        Api.TestMember m = Api.newResearcher();
        int id = Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId("free")))
                .post("/api/admin/user-ai-access").then().extract().path("id");
        Api.asAdmin().delete("/api/admin/members/" + m.id()).then().statusCode(204);
        Api.asAdmin().get("/api/admin/user-ai-access/" + id).then().statusCode(404);
    }
}

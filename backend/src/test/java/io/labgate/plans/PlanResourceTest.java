package io.labgate.plans;

import io.labgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class PlanResourceTest {

    private static Map<String, Object> plan(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("display_name", "연구실 플랜");
        body.put("monthly_cost", 12.5);
        body.put("monthly_token_limit", 300000);
        body.put("daily_request_limit", 50);
        body.put("features", List.of("chatbot", "analysis"));
        return body;
    }

    @Test
    void theUsersFourPlansAreSeeded() {
        Api.asAdmin().get("/api/admin/plans").then().statusCode(200)
                .body("name", hasItems("free", "basic", "premium", "enterprise"))
                .body("find { it.name == 'basic' }.display_name", equalTo("기본형 ($10/월)"))
                .body("find { it.name == 'premium' }.monthly_cost", equalTo(30.0f))
                .body("find { it.name == 'enterprise' }.features", hasItems("advanced"));
    }

    @Test
    void createReadUpdateDelete() {
        String name = Api.unique("lab");
        int id = Api.asAdmin().body(plan(name)).post("/api/admin/plans")
                .then().statusCode(201)
                .body("monthly_cost", equalTo(12.5f))
                .body("features", equalTo(List.of("chatbot", "analysis")))
                .body("is_active", equalTo(true))
                .body("members_count", equalTo(0))
                .extract().path("id");
        Map<String, Object> update = plan(name);
        update.put("monthly_token_limit", 999);
        update.put("is_active", false);
        Api.asAdmin().body(update).put("/api/admin/plans/" + id).then().statusCode(200)
                .body("monthly_token_limit", equalTo(999)).body("is_active", equalTo(false));
        Api.asAdmin().get("/api/admin/plans/" + id).then().body("monthly_token_limit", equalTo(999));
        Api.asAdmin().delete("/api/admin/plans/" + id).then().statusCode(204);
        Api.asAdmin().get("/api/admin/plans/" + id).then().statusCode(404);
    }

    @Test
    void featuresMayBeAnObjectOfFlagsAsInTheUsersDataModelAndAreAnsweredAsAList() {
        Map<String, Object> body = plan(Api.unique("flags"));
        Map<String, Object> flags = new java.util.LinkedHashMap<>();
        flags.put("chatbot", true);
        flags.put("analysis", false);
        flags.put("generation", true);
        body.put("features", flags);
        int id = Api.asAdmin().body(body).post("/api/admin/plans").then().statusCode(201)
                .body("features", equalTo(List.of("chatbot", "generation")))
                .extract().path("id");
        body.put("features", Map.of("advanced", true));
        Api.asAdmin().body(body).put("/api/admin/plans/" + id).then().statusCode(200)
                .body("features", equalTo(List.of("advanced")));
        Api.asAdmin().get("/api/admin/plans/" + id).then().body("features", equalTo(List.of("advanced")));
    }

    @Test
    void featureFlagsMustBeKnownFeaturesFlaggedTrueOrFalse() {
        Map<String, Object> body = plan(Api.unique("flags"));
        body.put("features", Map.of("teleport", true));
        Api.asAdmin().body(body).post("/api/admin/plans").then().statusCode(400)
                .body("violations[0].field", equalTo("features[0]"))
                .body("violations[0].code", equalTo("not_one_of"))
                .body("violations[0].params.allowed", equalTo(List.of("chatbot", "analysis", "generation", "advanced")));
        body.put("features", Map.of("chatbot", "yes"));
        Api.asAdmin().body(body).post("/api/admin/plans").then().statusCode(400)
                .body("violations[0].field", equalTo("features"))
                .body("violations[0].code", equalTo("wrong_type"));
        body.put("features", "chatbot");
        Api.asAdmin().body(body).post("/api/admin/plans").then().statusCode(400)
                .body("violations[0].field", equalTo("features"));
    }

    @Test
    void badValuesAreNamedAndNothingIsWritten() {
        int before = Api.asAdmin().get("/api/admin/plans").then().extract().path("size()");
        Map<String, Object> bad = plan("Bad Name!");
        bad.put("monthly_cost", -1);
        bad.put("monthly_token_limit", -5);
        bad.put("features", List.of("chatbot", "teleport"));
        Api.asAdmin().body(bad).post("/api/admin/plans").then().statusCode(400)
                .body("violations.field", hasItems("name", "monthly_cost", "monthly_token_limit"))
                .body("violations.field", hasItems("features[1]"));
        Api.asAdmin().body(Map.of("name", "x")).post("/api/admin/plans").then().statusCode(400)
                .body("violations.field", hasItems("display_name", "monthly_cost", "features"));
        Api.asAdmin().contentType("application/json").body("{\"name\": \"x\", \"monthly_cost\": \"ten\"}")
                .post("/api/admin/plans").then().statusCode(400)
                .body("violations[0].field", equalTo("monthly_cost"));
        int after = Api.asAdmin().get("/api/admin/plans").then().extract().path("size()");
        assertEquals(before, after);
    }

    @Test
    void duplicateNameIs409() {
        Api.asAdmin().body(plan("basic")).post("/api/admin/plans").then().statusCode(409)
                .body("error", equalTo("duplicate")).body("violations[0].field", equalTo("name"));
    }

    @Test
    void aPlanInUseCannotBeDeletedButCanBeDeactivated() {
        String name = Api.unique("used");
        int planId = Api.asAdmin().body(plan(name)).post("/api/admin/plans").then().extract().path("id");
        Api.TestMember member = Api.newResearcher();
        Api.asAdmin().body(Map.of("user_id", member.id(), "ai_plan_id", planId))
                .post("/api/admin/user-ai-access").then().statusCode(201);

        Api.asAdmin().delete("/api/admin/plans/" + planId).then().statusCode(409)
                .body("error", equalTo("plan_in_use"))
                .body("params.members", equalTo(1))
                .body("message", containsString("1 member"));
        Map<String, Object> deactivate = plan(name);
        deactivate.put("is_active", false);
        Api.asAdmin().body(deactivate).put("/api/admin/plans/" + planId).then().statusCode(200)
                .body("is_active", equalTo(false)).body("members_count", equalTo(1));
    }
}

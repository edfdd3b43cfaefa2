package io.labgate.common;

import io.labgate.support.Api;
import io.labgate.support.Researchers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every error answers a code and its parameters, which the SPA words; the English message is only a fallback. */
@QuarkusTest
class ErrorResponseTest {

    private static Map<String, Object> member() {
        Map<String, Object> body = new HashMap<>();
        body.put("username", Api.unique("err"));
        body.put("email", "err@lab.example");
        body.put("password", "a-good-password");
        body.put("role", "researcher");
        return body;
    }

    @Test
    void eachFieldViolationCarriesACodeAndTheConstraintsParameters() {
        Map<String, Object> bad = member();
        bad.remove("username");
        bad.put("email", "not-an-email");
        bad.put("password", "short");
        bad.put("role", "emperor");
        bad.put("first_name", "x".repeat(101));
        Response response = Api.asAdmin().body(bad).post("/api/admin/members");
        response.then().statusCode(400)
                .body("error", equalTo("validation_failed"))
                .body("params", aMapWithSize(0))
                .body("violations.find { it.field == 'username' }.code", equalTo("required"))
                .body("violations.find { it.field == 'email' }.code", equalTo("invalid_email"))
                .body("violations.find { it.field == 'password' }.code", equalTo("too_short"))
                .body("violations.find { it.field == 'password' }.params.min", equalTo(8))
                .body("violations.find { it.field == 'role' }.code", equalTo("not_one_of"))
                .body("violations.find { it.field == 'role' }.params.allowed",
                        equalTo(List.of("superadmin", "researcher")))
                .body("violations.find { it.field == 'first_name' }.code", equalTo("too_long"))
                .body("violations.find { it.field == 'first_name' }.params.max", equalTo(100));
        assertTrue(response.path("violations.message").toString().contains("must be a valid email address"),
                "the English fallback stays for API clients");
    }

    @Test
    void mistypedFieldsAndBrokenJsonAreCodedToo() {
        Api.asAdmin().contentType(ContentType.JSON).body("{\"name\": \"x\", \"monthly_cost\": \"ten\"}")
                .post("/api/admin/plans").then().statusCode(400)
                .body("violations[0].field", equalTo("monthly_cost"))
                .body("violations[0].code", equalTo("wrong_type"));
        Api.asAdmin().contentType(ContentType.JSON).body("{\"name\": ")
                .post("/api/admin/plans").then().statusCode(400)
                .body("error", equalTo("malformed_json"))
                .body("violations", equalTo(List.of()));
    }

    @Test
    void aMissingThingNamesWhatAndWhich() {
        Api.asAdmin().get("/api/admin/plans/987654").then().statusCode(404)
                .body("error", equalTo("not_found"))
                .body("params.resource", equalTo("plan"))
                .body("params.id", equalTo(987654));
        Api.asAdmin().queryParam("days", 400).get("/api/admin/ai-usage-logs/usage-statistics").then().statusCode(400)
                .body("violations[0].field", equalTo("days"))
                .body("violations[0].code", equalTo("too_large"))
                .body("violations[0].params.max", equalTo(366));
    }

    @Test
    void aQuotaRefusalNamesItsLimitAndWhenItResetsInThePlatformsZone() {
        String plan = Api.unique("oneaday");
        Api.asAdmin().body(Map.of("name", plan, "display_name", "One a day", "monthly_cost", 0,
                        "monthly_token_limit", 0, "daily_request_limit", 1, "features", List.of("chatbot")))
                .post("/api/admin/plans").then().statusCode(201);
        Researchers.Researcher r = Researchers.on(Map.of(), plan);
        Map<String, Object> ask = Map.of("messages", List.of(Map.of("role", "user", "content", "hi")));
        Api.as(r.member().token()).body(ask).post("/api/ai/chat").then().statusCode(200);

        Response refused = Api.as(r.member().token()).body(ask).post("/api/ai/chat");
        refused.then().statusCode(429)
                .body("error", equalTo("daily_request_limit"))
                .body("params.limit", equalTo(1))
                .body("params.time_zone", equalTo("Asia/Seoul"))
                .body("params.retry_after_seconds", greaterThan(0));
        OffsetDateTime resetAt = OffsetDateTime.parse(refused.path("params.reset_at"));
        assertEquals(LocalTime.MIDNIGHT, resetAt.atZoneSameInstant(ZoneId.of("Asia/Seoul")).toLocalTime());
        assertEquals(refused.header("Retry-After"), String.valueOf((Integer) refused.path("params.retry_after_seconds")));

        // The OpenAI-compatible endpoint keeps OpenAI's shape for the same refusal.
        RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + r.key())
                .body(Map.of("model", "sandbox", "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .post("/v1/chat/completions").then().statusCode(429)
                .body("error.type", equalTo("rate_limit_error"))
                .body("error.code", equalTo("quota_exceeded"))
                .body("params", nullValue());
    }
}

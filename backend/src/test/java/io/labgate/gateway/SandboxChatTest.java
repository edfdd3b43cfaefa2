package io.labgate.gateway;

import io.labgate.support.Api;
import io.labgate.support.Books;
import io.labgate.ledger.CallLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole gateway path on the offline sandbox provider: route, quota, answer, settle, log. */
@QuarkusTest
class SandboxChatTest {

    @Inject
    EntityManager em;

    @Inject
    CallLedger usageLog;

    private Api.TestMember memberOn(String plan, Map<String, Object> settingOverrides) {
        Map<String, Object> setting = new java.util.HashMap<>(Map.of("name", Api.unique("sbx"), "provider", "sandbox",
                "model_name", "sandbox-echo", "max_tokens", 200, "temperature", 0.7,
                "hourly_limit", 0, "daily_limit", 0, "monthly_limit", 0));
        setting.putAll(settingOverrides);
        int settingId = Api.asAdmin().body(setting).post("/api/admin/ai-settings").then().statusCode(201)
                .extract().path("id");
        int planId = Api.asAdmin().get("/api/admin/plans").then().extract()
                .path("find { it.name == '" + plan + "' }.id");
        Api.TestMember m = Api.newResearcher();
        Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId, "ai_settings_id", settingId))
                .post("/api/admin/user-ai-access").then().statusCode(201);
        return m;
    }

    private static Map<String, Object> ask(String text) {
        return Map.of("messages", List.of(Map.of("role", "user", "content", text)));
    }

    private List<Object[]> logs(long memberId) throws InterruptedException {
        usageLog.awaitIdle(5000);
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select status, request_type, prompt_tokens, completion_tokens, cost, prompt, channel"
                                + " from usage_logs where member_id = ?1 order by id")
                .setParameter(1, memberId).getResultList());
    }

    @Test
    void chatAnswersWithUsageAndIsLoggedAndCounted() throws Exception {
        Api.TestMember m = memberOn("basic", Map.of());
        Response r = Api.as(m.token()).body(ask("AHP 일관성 비율이 뭐예요?")).post("/api/ai/chat");
        r.then().statusCode(200)
                .body("content", startsWith("[Sandbox answer"))
                .body("model", equalTo("sandbox-echo"))
                .body("request_type", equalTo("chatbot"))
                .body("usage.prompt_tokens", greaterThan(5))
                .body("usage.completion_tokens", greaterThan(5))
                .body("cost", equalTo(0.0f))
                .body("id", startsWith("chat-"));
        int total = r.path("usage.total_tokens");

        Books.awaitWritten();
        Api.as(m.token()).get("/api/me/access").then()
                .body("requests_today", equalTo(1))
                .body("tokens_used_month", equalTo(total));
        List<Object[]> rows = logs(m.id());
        assertEquals(1, rows.size());
        assertEquals("ok", rows.getFirst()[0]);
        assertEquals("chatbot", rows.getFirst()[1]);
        assertEquals("AHP 일관성 비율이 뭐예요?", rows.getFirst()[5]);
        assertEquals("app", rows.getFirst()[6]);
    }

    @Test
    void streamingSendsDeltasThenASummaryAndSettlesTheSame() throws Exception {
        Api.TestMember m = memberOn("basic", Map.of());
        Map<String, Object> body = new java.util.HashMap<>(ask("Explain CR"));
        body.put("stream", true);
        String sse = Api.as(m.token()).body(body).post("/api/ai/chat")
                .then().statusCode(200)
                .header("Content-Type", startsWith("text/event-stream"))
                .extract().asString();
        assertTrue(sse.startsWith("event: delta\ndata: {\"text\":"), sse);
        assertTrue(sse.contains("event: done\ndata: {\"id\":\"chat-"), sse);
        int deltas = sse.split("event: delta").length - 1;
        assertTrue(deltas > 5, "expected many deltas, got " + deltas);
        String done = sse.substring(sse.indexOf("event: done"));
        int total = Integer.parseInt(done.replaceAll("(?s).*\"total_tokens\":(\\d+).*", "$1"));
        Books.awaitWritten();
        Api.as(m.token()).get("/api/me/access").then().body("tokens_used_month", equalTo(total));
        assertEquals("ok", logs(m.id()).getFirst()[0]);
    }

    @Test
    void aFeatureOutsideThePlanIs403NamingAPlanThatHasIt() {
        Api.TestMember m = memberOn("free", Map.of());
        Api.as(m.token()).body(ask("Interpret this matrix")).post("/api/ai/analysis")
                .then().statusCode(403)
                .body("error", equalTo("feature_not_in_plan"))
                .body("message", containsString("기본형 ($10/월)"))
                .body("params.feature", equalTo("analysis"))
                .body("params.plan", equalTo("무료 (제한적)"))
                .body("params.plans[0]", equalTo("기본형 ($10/월)"));
    }

    @Test
    void dailyRequestLimitRefusesWith429AndRetryAfterAndLogsTheRefusal() throws Exception {
        Api.TestMember m = memberOn("basic", Map.of("daily_limit", 2));
        Api.as(m.token()).body(ask("one")).post("/api/ai/chat").then().statusCode(200);
        Api.as(m.token()).body(ask("two")).post("/api/ai/chat").then().statusCode(200);
        Api.as(m.token()).body(ask("three")).post("/api/ai/chat")
                .then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("error", equalTo("setting_day_limit"))
                .body("message", containsString("daily request limit"));
        List<Object[]> rows = logs(m.id());
        assertEquals(List.of("ok", "ok", "refused"), rows.stream().map(r -> r[0]).toList());
        assertEquals(0, ((Number) rows.get(2)[2]).intValue());
    }

    @Test
    void badInputIsNamedAndChangesNothing() {
        Api.TestMember m = memberOn("basic", Map.of());
        Api.as(m.token()).body(Map.of("messages", List.of())).post("/api/ai/chat")
                .then().statusCode(400).body("violations[0].field", equalTo("messages"));
        Api.as(m.token()).body(Map.of("messages", List.of(Map.of("role", "wizard", "content", "hi"))))
                .post("/api/ai/chat").then().statusCode(400).body("violations[0].field", equalTo("messages[0].role"));
        Map<String, Object> tooMany = new java.util.HashMap<>(ask("hi"));
        tooMany.put("max_tokens", 5000);
        Api.as(m.token()).body(tooMany).post("/api/ai/chat")
                .then().statusCode(400).body("violations[0].field", equalTo("max_tokens"))
                .body("violations[0].code", equalTo("too_large"))
                .body("violations[0].params.max", equalTo(200))
                .body("message", containsString("at most 200"));
        Books.awaitWritten();
        Api.as(m.token()).get("/api/me/access").then().body("requests_today", equalTo(0))
                .body("tokens_used_month", equalTo(0));
    }

    @Test
    void disabledAccessOrInactiveSettingIs403WithTheReason() {
        Api.TestMember m = memberOn("basic", Map.of());
        Api.as(m.token()).body(ask("allowed")).post("/api/ai/chat").then().statusCode(200);
        Books.awaitWritten();
        int accessId = Api.as(m.token()).get("/api/me/access").then().extract().path("id");
        Api.asAdmin().body(Map.of("is_enabled", false)).patch("/api/admin/user-ai-access/" + accessId);
        // The very next call already sees the change: the route cache is dropped when the change commits.
        Api.as(m.token()).body(ask("hi")).post("/api/ai/chat")
                .then().statusCode(403).body("error", equalTo("access_disabled"));
        Api.TestMember nobody = Api.newResearcher();
        Api.as(nobody.token()).body(ask("hi")).post("/api/ai/chat")
                .then().statusCode(403).body("error", equalTo("no_access"));
    }
}

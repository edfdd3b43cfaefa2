package io.labgate.alerts;

import io.labgate.support.Api;
import io.labgate.support.ProviderStubServer;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Members on plans of their own, calling a provider stub through the real gateway, as the alert tests need. */
final class AlertFixtures {

    /** An answer billed 100 tokens (90 in, 10 out), whatever the call reserved. */
    static final String COMPLETION = "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"unpriced-model\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":90,\"completion_tokens\":10,\"total_tokens\":100}}";

    private AlertFixtures() {
    }

    record Subject(Api.TestMember member, long planId, long settingId, long accessId) {
    }

    /** A plan of its own (chatbot only; {@code plan} overrides), a provider setting on the stub, a member on both. */
    static Subject subject(ProviderStubServer stub, String path, Map<String, Object> plan) {
        Map<String, Object> planBody = new HashMap<>(Map.of("name", Api.unique("alerts-plan"),
                "display_name", Api.unique("Alerts "), "monthly_cost", 0, "monthly_token_limit", 0,
                "daily_request_limit", 0, "features", List.of("chatbot")));
        planBody.putAll(plan);
        long planId = Api.asAdmin().body(planBody).post("/api/admin/plans").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long settingId = Api.asAdmin().body(Map.of("name", Api.unique("alerts-setting"), "provider",
                        "openai_compatible", "base_url", stub.baseUrl() + path, "api_key", "sk-alerts-test-0001",
                        "model_name", "unpriced-model", "max_tokens", 20, "hourly_limit", 0, "daily_limit", 0,
                        "monthly_limit", 0))
                .post("/api/admin/ai-settings").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.TestMember member = Api.newResearcher();
        long accessId = Api.asAdmin().body(Map.of("user_id", member.id(), "ai_plan_id", planId,
                        "ai_settings_id", settingId))
                .post("/api/admin/user-ai-access").then().statusCode(201).extract().jsonPath().getLong("id");
        return new Subject(member, planId, settingId, accessId);
    }

    /** {@code n} chats at once; returns their statuses. */
    static List<Integer> chats(Api.TestMember member, int n) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(pool.submit(() -> Api.as(member.token())
                        .body(Map.of("messages", List.of(Map.of("role", "user", "content", "hello"))))
                        .post("/api/ai/chat").statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
            return statuses;
        }
    }

    static long rule(Map<String, Object> body) {
        return Api.asAdmin().body(body).post("/api/admin/alert-rules").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    static long channel(Map<String, Object> body) {
        return Api.asAdmin().body(body).post("/api/admin/alert-channels").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    /** The caller's notifications of one rule, newest first. */
    static List<Map<String, Object>> notifications(String token, long ruleId) {
        JsonPath page = Api.as(token).get("/api/notifications?size=200").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(n -> ((Number) ((Map<?, ?>) n.get("params")).get("rule_id")).longValue() == ruleId)
                .toList();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    static String baseUrl() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }
}

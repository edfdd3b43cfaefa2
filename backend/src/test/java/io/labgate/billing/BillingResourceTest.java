package io.labgate.billing;

import io.labgate.support.Api;
import io.labgate.support.ProviderStubServer;
import io.labgate.support.ProviderStubServer.Reply;
import io.labgate.ledger.CallLedger;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class BillingResourceTest {

    @Inject
    CallLedger usageLog;

    @Test
    void aMembersBillIsThePlanFeeAndTheCostOfTheirCallsThisMonth() throws Exception {
        try (ProviderStubServer stub = new ProviderStubServer()) {
            stub.on("POST", "/v1/chat/completions", Reply.json(200, "{\"id\":\"x\",\"object\":\"chat.completion\","
                    + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":100,\"total_tokens\":1100}}"));
            int settingId = Api.asAdmin().body(Map.of("name", Api.unique("bill"), "provider", "openai",
                            "base_url", stub.baseUrl() + "/v1", "api_key", "sk-billing-test-000001", "model_name", "gpt-4o",
                            "max_tokens", 200, "temperature", 0.5, "hourly_limit", 0, "daily_limit", 0, "monthly_limit", 0))
                    .post("/api/admin/ai-settings").then().statusCode(201).extract().path("id");
            int planId = Api.asAdmin().get("/api/admin/plans").then().extract().path("find { it.name == 'premium' }.id");
            Api.TestMember m = Api.newResearcher();
            Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId, "ai_settings_id", settingId))
                    .post("/api/admin/user-ai-access").then().statusCode(201);
            for (int i = 0; i < 2; i++) {
                Api.as(m.token()).body(Map.of("messages", List.of(Map.of("role", "user", "content", "bill me"))))
                        .post("/api/ai/chat").then().statusCode(200);
            }
            usageLog.awaitIdle(5000);
            String month = YearMonth.now(ZoneId.of("Asia/Seoul")).toString();
            // each call: (1000 × 2.50 + 100 × 10.00) / 1M = 0.0035 USD
            Api.asAdmin().queryParam("month", month).get("/api/admin/billing").then().statusCode(200)
                    .body("month", equalTo(month))
                    .body("members.find { it.username == '" + m.username() + "' }.plan_fee", equalTo(30.0f))
                    .body("members.find { it.username == '" + m.username() + "' }.ai_cost", equalTo(0.007f))
                    .body("members.find { it.username == '" + m.username() + "' }.tokens", equalTo(2200))
                    .body("members.find { it.username == '" + m.username() + "' }.requests", equalTo(2));
            Api.asAdmin().queryParam("month", "2020-01").get("/api/admin/billing").then()
                    .body("members.find { it.username == '" + m.username() + "' }.ai_cost", equalTo(0.0f));
            Api.asAdmin().queryParam("month", "November").get("/api/admin/billing").then().statusCode(400)
                    .body("violations[0].field", equalTo("month"));
            Api.as(m.token()).get("/api/admin/billing").then().statusCode(403);
        }
    }
}

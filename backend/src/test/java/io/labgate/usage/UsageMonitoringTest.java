package io.labgate.usage;

import io.labgate.ledger.CallLedger;
import io.labgate.support.Api;
import io.labgate.support.Books;
import io.labgate.support.Researchers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class UsageMonitoringTest {

    @Inject
    CallLedger usageLog;

    private Api.TestMember member(int dailyLimit) {
        int settingId = Api.asAdmin().body(Map.of("name", Api.unique("mon"), "provider", "sandbox",
                        "model_name", "sandbox-mon", "max_tokens", 100, "temperature", 0.5,
                        "hourly_limit", 0, "daily_limit", dailyLimit, "monthly_limit", 0))
                .post("/api/admin/ai-settings").then().statusCode(201).extract().path("id");
        int planId = Api.asAdmin().get("/api/admin/plans").then().extract().path("find { it.name == 'basic' }.id");
        Api.TestMember m = Api.newResearcher();
        Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId, "ai_settings_id", settingId))
                .post("/api/admin/user-ai-access").then().statusCode(201);
        return m;
    }

    private static Map<String, Object> ask(String text) {
        return Map.of("messages", List.of(Map.of("role", "user", "content", text)));
    }

    @Test
    void theAdminSeesTheCallLogAndDailyTotalsThatMatchTheCounters() throws Exception {
        Api.TestMember m = member(2);
        int a = Api.as(m.token()).body(ask("one")).post("/api/ai/chat").then().statusCode(200).extract().path("usage.total_tokens");
        int b = Api.as(m.token()).body(ask("two")).post("/api/ai/chat").then().statusCode(200).extract().path("usage.total_tokens");
        Api.as(m.token()).body(ask("three")).post("/api/ai/chat").then().statusCode(429);
        usageLog.awaitIdle(5000);

        Api.asAdmin().queryParam("member_id", m.id()).get("/api/admin/ai-usage-logs").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items[0].status", equalTo("refused"))
                .body("items[0].username", equalTo(m.username()))
                .body("items[2].prompt", equalTo("one"))
                .body("items[2].total_tokens", equalTo(a));
        Api.asAdmin().queryParam("member_id", m.id()).queryParam("status", "ok").get("/api/admin/ai-usage-logs")
                .then().body("total", equalTo(2));

        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        Api.asAdmin().queryParam("member_id", m.id()).queryParam("days", 7).get("/api/admin/ai-usage-logs/usage-statistics")
                .then().statusCode(200)
                .body("time_zone", equalTo("Asia/Seoul"))
                .body("daily.size()", equalTo(7))
                .body("daily.find { it.date == '" + today + "' }.total_tokens", equalTo(a + b))
                .body("daily.find { it.date == '" + today + "' }.request_count", equalTo(2))
                .body("daily.find { it.date == '" + today + "' }.refused_count", equalTo(1))
                .body("total_tokens", equalTo(a + b))
                .body("top_users[0].username", equalTo(m.username()))
                .body("top_users[0].request_count", equalTo(2));
        Books.awaitWritten();
        Api.as(m.token()).get("/api/me/access").then().body("tokens_used_month", equalTo(a + b));
    }

    @Test
    void statisticsNarrowToOneProviderSetting() throws Exception {
        Researchers.Researcher one = Researchers.on(Map.of(), "basic");
        Researchers.Researcher other = Researchers.on(Map.of(), "basic");
        Api.as(one.member().token()).body(ask("one")).post("/api/ai/chat").then().statusCode(200);
        Api.as(other.member().token()).body(ask("other")).post("/api/ai/chat").then().statusCode(200);
        Api.as(other.member().token()).body(ask("again")).post("/api/ai/chat").then().statusCode(200);
        usageLog.awaitIdle(5000);

        Api.asAdmin().queryParam("ai_settings_id", other.settingId()).queryParam("days", 1)
                .get("/api/admin/ai-usage-logs/usage-statistics").then().statusCode(200)
                .body("request_count", equalTo(2))
                .body("top_users.size()", equalTo(1))
                .body("top_users[0].username", equalTo(other.member().username()));
    }

    @Test
    void aMemberReadsOnlyTheirOwnLogAndBadFiltersAreNamed() throws Exception {
        Api.TestMember mine = member(0);
        Api.TestMember other = member(0);
        Api.as(mine.token()).body(ask("mine")).post("/api/ai/chat").then().statusCode(200);
        Api.as(other.token()).body(ask("theirs")).post("/api/ai/chat").then().statusCode(200);
        usageLog.awaitIdle(5000);
        Api.as(mine.token()).get("/api/me/usage-logs").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items.member_id", everyItem(equalTo((int) mine.id())))
                .body("items.prompt", hasItem("mine"));
        Api.as(mine.token()).get("/api/admin/ai-usage-logs").then().statusCode(403);
        Api.asAdmin().queryParam("start_date", "2026-11-25").queryParam("end_date", "2026-11-01")
                .get("/api/admin/ai-usage-logs").then().statusCode(400).body("violations[0].field", equalTo("end_date"));
        Api.asAdmin().queryParam("days", 0).get("/api/admin/ai-usage-logs/usage-statistics").then().statusCode(400)
                .body("violations[0].field", equalTo("days"));
        Api.asAdmin().queryParam("start_date", "yesterday").get("/api/admin/ai-usage-logs").then().statusCode(400);
    }
}

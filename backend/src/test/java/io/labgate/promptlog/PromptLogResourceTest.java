package io.labgate.promptlog;

import io.labgate.providers.TokenUsage;
import io.labgate.support.Api;
import io.labgate.support.Books;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PromptLogResourceTest {

    @Inject
    PromptLogService promptLog;

    @Inject
    DataSource dataSource;

    private static Map<String, Object> entry(String session, String clientId, String prompt) {
        Map<String, Object> body = new HashMap<>(Map.of("timestamp", "2026-11-25T14:01:05+09:00", "user_prompt", prompt,
                "ai_response", "답변입니다", "context", "설계", "session_id", session));
        if (clientId != null) {
            body.put("client_id", clientId);
        }
        return body;
    }

    private static Api.TestMember withSandbox() {
        int settingId = Api.asAdmin().body(Map.of("name", Api.unique("plog"), "provider", "sandbox",
                        "model_name", "sandbox-echo", "max_tokens", 200, "temperature", 0.7,
                        "hourly_limit", 0, "daily_limit", 0, "monthly_limit", 0))
                .post("/api/admin/ai-settings").then().statusCode(201).extract().path("id");
        int planId = Api.asAdmin().get("/api/admin/plans").then().extract().path("find { it.name == 'premium' }.id");
        Api.TestMember m = Api.newResearcher();
        Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId, "ai_settings_id", settingId))
                .post("/api/admin/user-ai-access").then().statusCode(201);
        return m;
    }

    @Test
    void aChatLandsInThePromptLogWithoutAnyExtraStep() {
        Api.TestMember m = withSandbox();
        Api.as(m.token()).body(Map.of("messages", List.of(Map.of("role", "user", "content", "CR 0.08 해석")),
                "session_id", "thesis-1")).post("/api/ai/analysis").then().statusCode(200);
        Api.as(m.token()).body(Map.of("messages", List.of(Map.of("role", "user", "content", "기준 제안")),
                "stream", true)).post("/api/ai/generation").then().statusCode(200);
        Books.awaitWritten();   // the gateway's entries are booked a flush after the answer
        Api.as(m.token()).queryParam("session_id", "thesis-1").get("/api/prompt-logs").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].user_prompt", equalTo("CR 0.08 해석"))
                .body("items[0].context", equalTo("analysis"))
                .body("items[0].source", equalTo("app"))
                .body("items[0].ai_response", startsWith("[Sandbox answer"));
        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        Api.as(m.token()).get("/api/prompt-logs/sessions").then().statusCode(200)
                .body("session_id", hasItem("app-" + today))
                .body("find { it.session_id == 'thesis-1' }.count", equalTo(1));
        Api.as(m.token()).queryParam("context", "generation").get("/api/prompt-logs").then()
                .body("items[0].user_prompt", equalTo("기준 제안"));
    }

    @Test
    void aRetriedClientEntryIsStoredOnce() {
        Api.TestMember m = Api.newResearcher();
        int id = Api.as(m.token()).body(entry("s1", "entry-42", "첫 번째")).post("/api/prompt-logs")
                .then().statusCode(201).body("context", equalTo("설계")).extract().path("id");
        Api.as(m.token()).body(entry("s1", "entry-42", "첫 번째")).post("/api/prompt-logs")
                .then().statusCode(200).body("id", equalTo(id));
        Api.as(m.token()).queryParam("session_id", "s1").get("/api/prompt-logs").then().body("total", equalTo(1));
        Api.as(m.token()).body(Map.of("user_prompt", "x")).post("/api/prompt-logs").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("timestamp", "session_id"));
    }

    @Test
    void researchersSeeAndDeleteOnlyTheirOwnTheAdminSeesAll() {
        Api.TestMember owner = Api.newResearcher();
        Api.TestMember other = Api.newResearcher();
        int id = Api.as(owner.token()).body(entry("private", null, "내 연구 아이디어")).post("/api/prompt-logs")
                .then().statusCode(201).extract().path("id");
        Api.as(other.token()).queryParam("session_id", "private").get("/api/prompt-logs").then().body("total", equalTo(0));
        Api.as(other.token()).queryParam("member_id", owner.id()).get("/api/prompt-logs").then().body("total", equalTo(0));
        Api.as(other.token()).queryParam("session_id", "private").get("/api/prompt-logs/export").then().statusCode(404);
        Api.as(other.token()).delete("/api/prompt-logs/" + id).then().statusCode(404);
        Api.as(other.token()).delete("/api/prompt-logs/sessions/private").then().statusCode(404);

        Api.asAdmin().queryParam("member_id", owner.id()).get("/api/prompt-logs").then()
                .body("total", equalTo(1)).body("items[0].member_id", equalTo((int) owner.id()));
        Api.as(owner.token()).delete("/api/prompt-logs/sessions/private").then().statusCode(200).body("deleted", equalTo(1));
        Api.asAdmin().queryParam("member_id", owner.id()).get("/api/prompt-logs").then().body("total", equalTo(0));
    }

    @Test
    void theExportDownloadsTheUsersMarkdownWithAnEncodedFileName() {
        Api.TestMember m = Api.newResearcher();
        Api.as(m.token()).body(entry("export-1", null, "코드 포함:\n```js\nx()\n```")).post("/api/prompt-logs").then().statusCode(201);
        Response r = Api.as(m.token()).queryParam("session_id", "export-1").get("/api/prompt-logs/export");
        r.then().statusCode(200)
                .header("Content-Type", startsWith("text/markdown"))
                .header("Content-Type", containsString("charset=utf-8"));
        String disposition = r.header("Content-Disposition");
        String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
        assertEquals("개발일지_20261125_export-1_프롬프트_로그.md", URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        String md = r.asString();
        assertTrue(md.startsWith("# 개발일지 - 프롬프트 로그\n\n## AI 협업 세션 기록\n"), md);
        assertTrue(md.contains("**세션 ID**: export-1"));
        assertTrue(md.contains("### 1. 설계 (14:01:05)"));
        assertTrue(md.contains("````\n코드 포함:\n```js\nx()\n```\n````"), md);
        String en = Api.as(m.token()).queryParam("session_id", "export-1").queryParam("lang", "en")
                .get("/api/prompt-logs/export").asString();
        assertTrue(en.startsWith("# Development log - Prompt log"), en);
        assertEquals(200, Api.as(m.token()).queryParam("date", "2026-11-25").get("/api/prompt-logs/export").statusCode());
    }

    @Test
    void eachConversationIsItsOwnSessionAndDownloadsUnderItsOwnName() {
        Api.TestMember m = withSandbox();
        for (String session : List.of("chat-aaaa1111", "chat-bbbb2222")) {
            Api.as(m.token()).body(Map.of("messages", List.of(Map.of("role", "user", "content", "질문 " + session)),
                    "session_id", session)).post("/api/ai/chat").then().statusCode(200);
        }
        Api.as(m.token()).body(Map.of("messages", List.of(Map.of("role", "user", "content", "CR 해석")),
                "session_id", "analysis-cccc3333")).post("/api/ai/analysis").then().statusCode(200);
        Books.awaitWritten();
        Api.as(m.token()).get("/api/prompt-logs/sessions").then()
                .body("session_id", hasItems("chat-aaaa1111", "chat-bbbb2222", "analysis-cccc3333"))
                .body("find { it.session_id == 'chat-aaaa1111' }.count", equalTo(1));
        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString().replace("-", "");
        assertEquals("개발일지_" + today + "_chat-aaaa1111_프롬프트_로그.md", exportedName(m, "chat-aaaa1111"));
        assertEquals("개발일지_" + today + "_chat-bbbb2222_프롬프트_로그.md", exportedName(m, "chat-bbbb2222"));

        String ko = Api.as(m.token()).queryParam("session_id", "analysis-cccc3333").get("/api/prompt-logs/export").asString();
        assertTrue(ko.contains("### 1. 분석 ("), ko);
        assertTrue(ko.contains("- **주요 컨텍스트**: 분석"), ko);
        String en = Api.as(m.token()).queryParam("session_id", "analysis-cccc3333").queryParam("lang", "en")
                .get("/api/prompt-logs/export").asString();
        assertTrue(en.contains("### 1. Analysis ("), en);
    }

    @Test
    void apiClientsNameTheirSessionInAHeader() {
        Api.TestMember m = withSandbox();
        String key = Api.as(m.token()).body(Map.of("name", "notebook")).post("/api/me/api-keys").then().statusCode(201)
                .extract().path("key");
        RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + key)
                .header("X-LabGate-Session", "notebook-7")
                .body(Map.of("model", "sandbox-echo", "messages", List.of(Map.of("role", "user", "content", "가중치 계산"))))
                .post("/v1/chat/completions").then().statusCode(200);
        Books.awaitWritten();
        Api.as(m.token()).queryParam("session_id", "notebook-7").get("/api/prompt-logs").then()
                .body("total", equalTo(1))
                .body("items[0].user_prompt", equalTo("가중치 계산"))
                .body("items[0].source", equalTo("api"));
    }

    @Test
    void theExportShowsTheModelAndTokensOfEachCallWhenTheyAreKnown() throws SQLException {
        Api.TestMember m = Api.newResearcher();
        PromptLogRow call = promptLog.entryFor(m.id(), "app", "figures-1", "chatbot", "AHP란?", "쌍대비교입니다.",
                        io.labgate.usage.ContentRetention.FULL)
                .withUsage("gpt-4.1-mini-2025-04-14", new TokenUsage(1200, 345, 0, 0, 0));
        try (Connection connection = dataSource.getConnection()) {
            PromptLogRow.insertAll(connection, List.of(call));
        }
        Api.as(m.token()).body(entry("figures-1", null, "직접 적은 메모")).post("/api/prompt-logs").then().statusCode(201);

        Api.as(m.token()).queryParam("session_id", "figures-1").get("/api/prompt-logs").then()
                .body("items.model", hasItem("gpt-4.1-mini-2025-04-14"))
                .body("items.find { it.source == 'app' }.prompt_tokens", equalTo(1200))
                .body("items.find { it.source == 'app' }.completion_tokens", equalTo(345))
                .body("items.find { it.source == 'client' }.model", nullValue());
        String md = Api.as(m.token()).queryParam("session_id", "figures-1").get("/api/prompt-logs/export").asString();
        assertTrue(md.contains("**모델**: gpt-4.1-mini-2025-04-14 · **토큰**: 입력 1,200 · 출력 345 · 합계 1,545"), md);
        assertTrue(md.contains("- **총 토큰 수**: 1,545"), md);
        assertEquals(1, md.split("\\*\\*모델\\*\\*", -1).length - 1, "the client's entry has no figures: " + md);
    }

    private static String exportedName(Api.TestMember m, String session) {
        String disposition = Api.as(m.token()).queryParam("session_id", session).get("/api/prompt-logs/export")
                .then().statusCode(200).extract().header("Content-Disposition");
        return URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8);
    }

    @Test
    void anEmptySelectionIsA404NotAnEmptyFile() {
        Api.TestMember m = Api.newResearcher();
        Api.as(m.token()).queryParam("session_id", "nothing-here").get("/api/prompt-logs/export").then()
                .statusCode(404).body("message", containsString("nothing to export"));
        Api.as(m.token()).get("/api/prompt-logs/export").then().statusCode(400)
                .body("violations[0].field", equalTo("session_id"));
    }
}

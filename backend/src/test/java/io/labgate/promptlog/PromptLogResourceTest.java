package io.labgate.promptlog;

import io.labgate.support.Api;
import io.labgate.support.Books;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class PromptLogResourceTest {

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
        String name = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        assertTrue(name.matches("개발일지_\\d{8}_프롬프트_로그\\.md"), name);
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
    void anEmptySelectionIsA404NotAnEmptyFile() {
        Api.TestMember m = Api.newResearcher();
        Api.as(m.token()).queryParam("session_id", "nothing-here").get("/api/prompt-logs/export").then()
                .statusCode(404).body("message", containsString("nothing to export"));
        Api.as(m.token()).get("/api/prompt-logs/export").then().statusCode(400)
                .body("violations[0].field", equalTo("session_id"));
    }
}

package io.labgate.providers;

import io.labgate.support.Api;
import io.labgate.support.LogCapture;
import io.labgate.support.ProviderStubServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AiSettingResourceTest {

    @Inject
    AiSettingRepository repository;

    @Inject
    AiSettingService service;

    private static Map<String, Object> body(String name, String provider, String key) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "provider", provider, "model_name", "gpt-4.1-mini",
                "max_tokens", 1000, "temperature", 0.7, "hourly_limit", 100, "daily_limit", 1000, "monthly_limit", 10000));
        if (key != null) {
            body.put("api_key", key);
        }
        return body;
    }

    private String stored(long id) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findById(id).apiKeyEncrypted);
    }

    private int count() {
        return Api.asAdmin().get("/api/admin/ai-settings").then().extract().path("size()");
    }

    @Test
    void theKeyIsWriteOnlyAndStoredEncrypted() {
        String key = "sk-proj-Write0nly-Secret-7781abcd";
        var created = Api.asAdmin().body(body(Api.unique("main"), "openai", key)).post("/api/admin/ai-settings");
        created.then().statusCode(201)
                .header("Location", endsWith("/api/admin/ai-settings/" + created.path("id")))
                .body("api_key_hint", equalTo("sk-…abcd"))
                .body("has_api_key", equalTo(true))
                .body("base_url", equalTo("https://api.openai.com/v1"))
                .body("created_by", equalTo("admin"))
                .body("api_key", nullValue());
        assertThat(created.asString(), not(containsString(key)));
        long id = ((Number) created.path("id")).longValue();

        String stored = stored(id);
        assertTrue(stored.startsWith("v1:"), stored);
        assertFalse(stored.contains(key));
        assertEquals(key, service.connection(id).apiKey());

        String list = Api.asAdmin().get("/api/admin/ai-settings").then().statusCode(200).extract().asString();
        String one = Api.asAdmin().get("/api/admin/ai-settings/" + id).then().statusCode(200).extract().asString();
        assertThat(list + one, not(containsString(key)));
    }

    @Test
    void updateWithoutAKeyKeepsItAndANewKeyReplacesIt() {
        String name = Api.unique("rotate");
        long id = ((Number) Api.asAdmin().body(body(name, "openai", "sk-first-key-000000001111"))
                .post("/api/admin/ai-settings").then().extract().path("id")).longValue();
        String before = stored(id);

        Map<String, Object> noKey = body(name, "openai", null);
        noKey.put("max_tokens", 2000);
        Api.asAdmin().body(noKey).put("/api/admin/ai-settings/" + id).then().statusCode(200)
                .body("max_tokens", equalTo(2000)).body("api_key_hint", equalTo("sk-…1111"));
        assertEquals(before, stored(id));

        Api.asAdmin().body(body(name, "openai", "sk-second-key-00000002222")).put("/api/admin/ai-settings/" + id)
                .then().statusCode(200).body("api_key_hint", equalTo("sk-…2222"));
        assertNotEquals(before, stored(id));
        assertEquals("sk-second-key-00000002222", service.connection(id).apiKey());
    }

    @Test
    void limitsAndGenerationSettingsLeftOutTakeTheUsersDefaults() {
        Map<String, Object> minimal = Map.of("name", Api.unique("minimal"), "provider", "sandbox",
                "model_name", "sandbox-echo");
        int id = Api.asAdmin().body(minimal).post("/api/admin/ai-settings").then().statusCode(201)
                .body("max_tokens", equalTo(1000))
                .body("temperature", equalTo(0.7f))
                .body("hourly_limit", equalTo(100))
                .body("daily_limit", equalTo(1000))
                .body("monthly_limit", equalTo(10000))
                .extract().path("id");
        Map<String, Object> some = new HashMap<>(minimal);
        some.put("daily_limit", 5);
        Api.asAdmin().body(some).put("/api/admin/ai-settings/" + id).then().statusCode(200)
                .body("daily_limit", equalTo(5)).body("monthly_limit", equalTo(10000));
        Api.asAdmin().get("/api/admin/ai-settings/" + id).then().body("daily_limit", equalTo(5))
                .body("max_tokens", equalTo(1000));
    }

    @Test
    void badInputNamesTheFieldAndWritesNothing() {
        int before = count();
        Map<String, Object> hot = body(Api.unique("bad"), "openai", "sk-x-000000000000000");
        hot.put("temperature", 2.5);
        hot.put("daily_limit", -1);
        Api.asAdmin().body(hot).post("/api/admin/ai-settings").then().statusCode(400)
                .body("violations.field", hasItems("temperature", "daily_limit"));
        Api.asAdmin().body(body(Api.unique("bad"), "foo", "k")).post("/api/admin/ai-settings").then().statusCode(400)
                .body("violations.field", hasItem("provider"));
        Api.asAdmin().body(body(Api.unique("bad"), "openai", null)).post("/api/admin/ai-settings").then()
                .statusCode(400).body("violations[0].field", equalTo("api_key"))
                .body("violations[0].code", equalTo("required_for_provider"))
                .body("violations[0].params.provider", equalTo("openai"));
        Api.asAdmin().body(body(Api.unique("bad"), "openai_compatible", null)).post("/api/admin/ai-settings").then()
                .statusCode(400).body("violations[0].field", equalTo("base_url"));
        Map<String, Object> ftp = body(Api.unique("bad"), "openai_compatible", null);
        ftp.put("base_url", "ftp://models.lab");
        Api.asAdmin().body(ftp).post("/api/admin/ai-settings").then().statusCode(400)
                .body("violations[0].field", equalTo("base_url")).body("violations[0].code", equalTo("invalid_url"));
        String name = Api.unique("dup");
        Api.asAdmin().body(body(name, "sandbox", null)).post("/api/admin/ai-settings").then().statusCode(201);
        Api.asAdmin().body(body(name.toUpperCase(), "sandbox", null)).post("/api/admin/ai-settings").then()
                .statusCode(409).body("error", equalTo("duplicate")).body("violations[0].field", equalTo("name"));
        assertEquals(before + 1, count());
        Api.asAdmin().get("/api/admin/ai-settings/987654").then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void aSettingInUseCannotBeDeleted() {
        int id = Api.asAdmin().body(body(Api.unique("used"), "sandbox", null)).post("/api/admin/ai-settings")
                .then().extract().path("id");
        int planId = Api.asAdmin().get("/api/admin/plans").then().extract().path("find { it.name == 'free' }.id");
        Api.TestMember m = Api.newResearcher();
        Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId, "ai_settings_id", id))
                .post("/api/admin/user-ai-access").then().statusCode(201);
        Api.asAdmin().delete("/api/admin/ai-settings/" + id).then().statusCode(409)
                .body("error", equalTo("setting_in_use")).body("params.members", equalTo(1));
        int unused = Api.asAdmin().body(body(Api.unique("unused"), "sandbox", null)).post("/api/admin/ai-settings")
                .then().extract().path("id");
        Api.asAdmin().delete("/api/admin/ai-settings/" + unused).then().statusCode(204);
        Api.asAdmin().get("/api/admin/ai-settings/" + unused).then().statusCode(404);
    }

    @Test
    void sandboxStoresNoKeyAndConnects() {
        int id = Api.asAdmin().body(body(Api.unique("demo"), "sandbox", "sk-ignored-for-sandbox-0001"))
                .post("/api/admin/ai-settings").then().statusCode(201)
                .body("has_api_key", equalTo(false)).body("api_key_hint", nullValue())
                .extract().path("id");
        Api.asAdmin().post("/api/admin/ai-settings/" + id + "/test-connection").then()
                .body("success", equalTo(true)).body("message", containsString("Sandbox"));
    }

    @Test
    void theKeyIsInNoAuditEntryAndNoLogLine() {
        String key = "sk-proj-NeverLogged-Secret-5566";
        try (LogCapture logs = new LogCapture(); ProviderStubServer stub = new ProviderStubServer()) {
            stub.on("GET", "/v1/models", ProviderStubServer.Reply.json(401, ConnectionTestResourceTest.OPENAI_BAD_KEY));
            Map<String, Object> request = body(Api.unique("logged"), "openai", key);
            request.put("base_url", stub.baseUrl() + "/v1");
            int id = Api.asAdmin().body(request).post("/api/admin/ai-settings").then().statusCode(201)
                    .extract().path("id");
            Api.asAdmin().post("/api/admin/ai-settings/" + id + "/test-connection").then().statusCode(200);
            request.put("api_key", key + "-v2");
            Api.asAdmin().body(request).put("/api/admin/ai-settings/" + id).then().statusCode(200);

            String audit = Api.asAdmin().queryParam("entity_type", "ai_settings").queryParam("size", 200)
                    .get("/api/admin/audit-log").then().statusCode(200)
                    .body("items.action", hasItems("ai_settings.create", "ai_settings.update_with_key"))
                    .extract().asString();
            assertThat(audit, not(containsString(key)));
            org.jboss.logging.Logger.getLogger(AiSettingService.class).info("log-capture-marker");
            assertTrue(logs.lines().stream().anyMatch(line -> line.contains("log-capture-marker")),
                    "the capture must see the app's log lines, or this test proves nothing");
            assertTrue(logs.lines().stream().noneMatch(line -> line.contains(key)),
                    "a log line contains the key");
        }
    }
}

package io.labgate.common;

import io.labgate.support.Api;
import io.labgate.support.LogCapture;
import io.labgate.support.ProviderStubServer;
import io.labgate.support.ProviderStubServer.Reply;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After a scenario that handles every kind of secret — a provider key (which the provider even echoes back in an
 * error), a member API key, passwords set, changed, reset and guessed, the JWT signing key and the master key,
 * access tokens — none of them appears in clear in a response (except the one answer that shows a new secret
 * once), a log line, an audit entry or any column of any table.
 */
@QuarkusTest
class SecretsScanTest {

    @jakarta.inject.Inject
    io.labgate.common.config.LabgateConfig config;

    private static final String COMPLETION = "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":"
            + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1,\"total_tokens\":6}}";

    @Inject
    EntityManager em;

    /** Every response of the scenario, with whether it is the one allowed to show a secret once. */
    private final List<String> responses = new ArrayList<>();

    private final Filter recorder = (request, response, context) -> {
        Response answer = context.next(request, response);
        responses.add(request.getMethod() + " " + request.getURI() + " → " + answer.asString());
        return answer;
    };

    private RequestSpecification as(String token) {
        return RestAssured.given().filter(recorder).contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    private RequestSpecification anonymous() {
        return RestAssured.given().filter(recorder).contentType(ContentType.JSON);
    }

    @Test
    void noSecretIsKeptOrShownInClear() throws Exception {
        String providerKey = "sk-scan-provider-" + Api.unique("k") + "-0123456789abcdef";
        String first = "scan-first-" + Api.unique("p");
        String changed = "scan-changed-" + Api.unique("p");
        String setByAdmin = "scan-admin-set-" + Api.unique("p");
        String guess = "scan-guess-" + Api.unique("p");
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("provider key", providerKey);
        secrets.put("first password", first);
        secrets.put("changed password", changed);
        secrets.put("password set by the admin", setByAdmin);
        secrets.put("guessed password", guess);
        secrets.put("JWT private key", keyMaterial(Path.of(config.dataDir(), "keys", "jwt-private.pem")));
        secrets.put("master key", keyMaterial(Path.of(config.dataDir(), "keys", "master.key")));
        List<String> shownOnce = new ArrayList<>();

        try (LogCapture logs = new LogCapture(); ProviderStubServer stub = new ProviderStubServer()) {
            stub.on("GET", "/v1/models", Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"m\"}]}"));
            // The provider answers twice, then rejects the key and echoes it, as OpenAI's 401 does (partly).
            stub.on("POST", "/v1/chat/completions", Reply.json(200, COMPLETION), Reply.json(200, COMPLETION),
                    Reply.json(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + providerKey
                            + "\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}"));
            String admin = Api.adminToken();

            long settingId = ((Number) as(admin).body(Map.of("name", Api.unique("scan"), "provider", "openai_compatible",
                            "base_url", stub.baseUrl() + "/v1", "api_key", providerKey, "model_name", "m"))
                    .post("/api/admin/ai-settings").then().statusCode(201).extract().path("id")).longValue();
            as(admin).post("/api/admin/ai-settings/" + settingId + "/test-connection").then().statusCode(200);
            assertEquals("Bearer " + providerKey, stub.last().header("Authorization"), "the key did reach the provider");

            String username = Api.unique("scan");
            long memberId = ((Number) as(admin).body(Map.of("username", username, "email", username + "@lab.example",
                            "password", first, "role", "researcher")).post("/api/admin/members")
                    .then().statusCode(201).extract().path("id")).longValue();
            int planId = as(admin).get("/api/admin/plans").then().extract().path("find { it.name == 'basic' }.id");
            as(admin).body(Map.of("user_id", memberId, "ai_plan_id", planId, "ai_settings_id", settingId))
                    .post("/api/admin/user-ai-access").then().statusCode(201);

            anonymous().body(Map.of("username", username, "password", guess)).post("/api/auth/login")
                    .then().statusCode(401);
            String token = anonymous().body(Map.of("username", username, "password", first)).post("/api/auth/login")
                    .then().statusCode(200).extract().path("access_token");
            Response created = as(token).body(Map.of("name", "notebook")).post("/api/me/api-keys");
            String memberKey = created.then().statusCode(201).extract().path("key");
            shownOnce.add(responses.removeLast());
            secrets.put("member API key", memberKey);

            as(token).body(Map.of("messages", List.of(Map.of("role", "user", "content", "hi"))))
                    .post("/api/ai/chat").then().statusCode(200);
            RestAssured.given().filter(recorder).contentType(ContentType.JSON).header("Authorization", "Bearer " + memberKey)
                    .body(Map.of("model", "m", "messages", List.of(Map.of("role", "user", "content", "hi"))))
                    .post("/v1/chat/completions").then().statusCode(200);
            as(token).body(Map.of("messages", List.of(Map.of("role", "user", "content", "hi"))))
                    .post("/api/ai/chat").then().statusCode(502);

            String renewed = as(token).body(Map.of("current_password", first, "new_password", changed))
                    .post("/api/auth/password").then().statusCode(200).extract().path("access_token");
            String reset = as(admin).post("/api/admin/members/" + memberId + "/reset-password")
                    .then().statusCode(200).extract().path("temporary_password");
            shownOnce.add(responses.removeLast());
            secrets.put("reset password", reset);
            as(admin).body(Map.of("password", setByAdmin)).patch("/api/admin/members/" + memberId).then().statusCode(200);
            String last = anonymous().body(Map.of("username", username, "password", setByAdmin)).post("/api/auth/login")
                    .then().statusCode(200).extract().path("access_token");
            as(last).get("/api/me/api-keys").then().statusCode(200);
            as(last).get("/api/me/usage-logs").then().statusCode(200);
            as(last).get("/api/prompt-logs").then().statusCode(200);
            as(admin).get("/api/admin/ai-settings/" + settingId).then().statusCode(200);
            as(admin).get("/api/admin/members/" + memberId).then().statusCode(200);
            as(admin).queryParam("size", 100).get("/api/admin/audit-log").then().statusCode(200);
            as(admin).queryParam("format", "csv").get("/api/admin/audit-log").then().statusCode(200);
            as(admin).queryParam("entity_type", "ai_settings").queryParam("entity_id", settingId)
                    .get("/api/admin/audit-log").then().statusCode(200);
            as(admin).queryParam("member_id", memberId).get("/api/admin/ai-usage-logs").then().statusCode(200);

            Map<String, String> tokens = Map.of("access token", token, "renewed access token", renewed);
            org.jboss.logging.Logger.getLogger(SecretsScanTest.class).info("scan-marker");
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("scan-marker")), "the log capture sees the app's lines");
            assertTrue(shownOnce.get(0).contains(memberKey) && shownOnce.get(1).contains(reset),
                    "the answers that show a new secret once do show it");

            assertTrue(!inDatabase("username", username).isEmpty(), "the database scan finds what is there");

            List<String> found = new ArrayList<>();
            secrets.forEach((what, secret) -> {
                responses.stream().filter(r -> r.contains(secret)).forEach(r -> found.add(what + " in a response: " + r));
                logs.lines().stream().filter(l -> l.contains(secret)).forEach(l -> found.add(what + " in a log line: " + l));
                found.addAll(inDatabase(what, secret));
            });
            tokens.forEach((what, secret) -> {
                logs.lines().stream().filter(l -> l.contains(secret)).forEach(l -> found.add(what + " in a log line"));
                found.addAll(inDatabase(what, secret));
            });
            assertEquals(List.of(), found);
            assertTrue(responses.size() >= 18, "the scan saw the scenario's answers: " + responses.size());
        }
    }

    /** Rows of any table whose text (every column, as PostgreSQL prints the row) contains the secret. */
    private List<String> inDatabase(String what, String secret) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> found = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<String> tables = em.createNativeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'").getResultList();
            for (String table : tables) {
                Number rows = (Number) em.createNativeQuery("SELECT count(*) FROM \"" + table + "\" t "
                        + "WHERE strpos(t::text, :secret) > 0").setParameter("secret", secret).getSingleResult();
                if (rows.longValue() > 0) {
                    found.add(what + " in " + rows + " row(s) of " + table);
                }
            }
            assertTrue(tables.contains("members") && tables.contains("audit_log"), "tables: " + tables);
            return found;
        });
    }

    /** A long piece of a key file's base64 body: enough to recognise it anywhere, nothing shorter matches by chance. */
    private static String keyMaterial(Path file) throws Exception {
        String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "")
                .replaceFirst("^v\\d+:", "");
        assertTrue(body.length() >= 40, file + " holds no key");
        return body.substring(body.length() / 2 - 20, body.length() / 2 + 20);
    }
}

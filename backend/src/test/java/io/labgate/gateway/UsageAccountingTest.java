package io.labgate.gateway;

import io.labgate.support.Api;
import io.labgate.support.Books;
import io.labgate.support.ProviderStubServer;
import io.labgate.support.TestClock;
import io.labgate.support.ProviderStubServer.Reply;
import io.labgate.ledger.CallLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Usage is never lost and is counted the same in every view: logs, counters, /api/me/usage. */
@QuarkusTest
class UsageAccountingTest {

    @Inject
    EntityManager em;

    @Inject
    CallLedger usageLog;

    @TestHTTPResource("/api/ai/chat")
    URL chatUrl;

    private Api.TestMember member(String provider, String baseUrl, String model, Map<String, Object> limits) {
        Map<String, Object> setting = new HashMap<>(Map.of("name", Api.unique("acct"), "provider", provider,
                "model_name", model, "max_tokens", 100, "temperature", 0.5,
                "hourly_limit", 0, "daily_limit", 0, "monthly_limit", 0));
        if (baseUrl != null) {
            setting.put("base_url", baseUrl);
            setting.put("api_key", "sk-accounting-test-0001");
        }
        setting.putAll(limits);
        int settingId = Api.asAdmin().body(setting).post("/api/admin/ai-settings").then().statusCode(201).extract().path("id");
        int planId = Api.asAdmin().get("/api/admin/plans").then().extract().path("find { it.name == 'enterprise' }.id");
        Api.TestMember m = Api.newResearcher();
        Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId, "ai_settings_id", settingId))
                .post("/api/admin/user-ai-access").then().statusCode(201);
        return m;
    }

    private long logCount(long memberId, String status) throws InterruptedException {
        usageLog.awaitIdle(10_000);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from usage_logs where member_id = ?1 and status = ?2")
                .setParameter(1, memberId).setParameter(2, status).getSingleResult()).longValue());
    }

    private static Map<String, Object> ask(String text) {
        return Map.of("messages", List.of(Map.of("role", "user", "content", text)));
    }

    @Test
    void aConcurrentBurstLogsEveryCallAndTheCountersAgree() throws Exception {
        Api.TestMember m = member("sandbox", null, "sandbox-burst", Map.of("daily_limit", 30));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            calls.add(pool.submit(() -> Api.as(m.token()).body(ask("burst " + n)).post("/api/ai/chat").statusCode()));
        }
        int ok = 0;
        int refused = 0;
        for (Future<Integer> call : calls) {
            int status = call.get();
            if (status == 200) {
                ok++;
            } else if (status == 429) {
                refused++;
            }
        }
        pool.shutdown();
        assertEquals(30, ok);
        assertEquals(20, refused);
        assertEquals(30, logCount(m.id(), "ok"));
        assertEquals(20, logCount(m.id(), "refused"));
        long tokensLogged = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select coalesce(sum(total_tokens), 0) from usage_logs where member_id = ?1")
                .setParameter(1, m.id()).getSingleResult()).longValue());
        Books.awaitWritten();
        Api.as(m.token()).get("/api/me/access").then()
                .body("requests_today", equalTo(30)).body("tokens_used_month", equalTo((int) tokensLogged));
    }

    @Test
    void theClientAddressComesFromXForwardedForOnlyThroughATrustedProxy() throws Exception {
        Api.TestMember m = member("sandbox", null, "sandbox-ip", Map.of());
        // The test profile trusts 127.0.0.1 (the ingress); the right-most address it did not add is the client.
        Api.as(m.token()).header("X-Forwarded-For", "198.51.100.9, 203.0.113.7").header("User-Agent", "notebook/1.0")
                .body(ask("from behind the ingress")).post("/api/ai/chat").then().statusCode(200);
        usageLog.awaitIdle(5000);
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select client_ip, user_agent from usage_logs where member_id = ?1").setParameter(1, m.id()).getSingleResult());
        assertEquals("203.0.113.7", row[0]);
        assertEquals("notebook/1.0", row[1]);
    }

    @Test
    void myUsageShowsUsedLeftAndResetTimesForEveryWindow() {
        // The call and the read must fall in the same hour, whenever the suite runs (it once failed at 18:00:00).
        TestClock.freeze(Instant.now());
        try {
            myUsageOfOneCall();
        } finally {
            TestClock.thaw();
        }
    }

    private void myUsageOfOneCall() {
        Api.TestMember m = member("sandbox", null, "sandbox-usage", Map.of("hourly_limit", 50));
        int total = Api.as(m.token()).body(ask("count me")).post("/api/ai/chat").then().statusCode(200)
                .extract().path("usage.total_tokens");
        Books.awaitWritten();
        Api.as(m.token()).get("/api/me/usage").then().statusCode(200)
                .body("plan_name", equalTo("enterprise"))
                .body("model_name", equalTo("sandbox-usage"))
                .body("time_zone", equalTo("Asia/Seoul"))
                .body("windows.find { it.window == 'day' && it.scope == 'plan' }.used", equalTo(1))
                .body("windows.find { it.window == 'day' && it.scope == 'plan' }.left", equalTo(4999))
                .body("windows.find { it.window == 'month' && it.scope == 'plan' }.used", equalTo(total))
                .body("windows.find { it.window == 'hour' && it.scope == 'provider' }.used", equalTo(1))
                .body("windows.find { it.window == 'hour' && it.scope == 'provider' }.left", equalTo(49))
                .body("windows.findAll { it.scope == 'provider' }.size()", equalTo(1))
                .body("windows.resets_at", hasItems(org.hamcrest.Matchers.containsString("+09:00")));
    }

    @Test
    void contentRetentionDecidesWhatTheLogKeeps() throws Exception {
        try {
            Api.asAdmin().body(Map.of("content_retention", "none")).put("/api/admin/usage-settings")
                    .then().statusCode(200).body("content_retention", equalTo("none"));
            Api.TestMember m = member("sandbox", null, "sandbox-retention", Map.of());
            Api.as(m.token()).body(ask("secret research idea")).post("/api/ai/chat").then().statusCode(200);
            usageLog.awaitIdle(5000);
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                    "select prompt, response, total_tokens from usage_logs where member_id = ?1")
                    .setParameter(1, m.id()).getSingleResult());
            assertNull(row[0]);
            assertNull(row[1]);
            assertTrue(((Number) row[2]).intValue() > 0);
            Api.asAdmin().body(Map.of("content_retention", "forever")).put("/api/admin/usage-settings")
                    .then().statusCode(400).body("violations[0].field", equalTo("content_retention"));
        } finally {
            Api.asAdmin().body(Map.of("content_retention", "full")).put("/api/admin/usage-settings").then().statusCode(200);
        }
    }

    @Test
    void anUnknownModelsCostIsUnknownNotZeroUntilTheAdminPricesIt() throws Exception {
        try (ProviderStubServer stub = new ProviderStubServer()) {
            stub.on("POST", "/v1/chat/completions", Reply.json(200, "{\"id\":\"x\",\"object\":\"chat.completion\","
                    + "\"model\":\"lab-llama-70b\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                    + "\"content\":\"hi\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1000000,"
                    + "\"completion_tokens\":1000000,\"total_tokens\":2000000}}"));
            String model = Api.unique("lab-llama-70b-");
            Api.TestMember m = member("openai_compatible", stub.baseUrl() + "/v1", model, Map.of());
            Api.as(m.token()).body(ask("hi")).post("/api/ai/chat").then().statusCode(200).body("cost", nullValue());

            int priceId = Api.asAdmin().body(Map.of("provider", "openai_compatible", "model", model,
                            "input_per_mtok", 0.2, "output_per_mtok", 0.6))
                    .post("/api/admin/model-prices").then().statusCode(201)
                    .body("source", equalTo("set by the administrator")).extract().path("id");
            Api.as(m.token()).body(ask("hi")).post("/api/ai/chat").then().statusCode(200).body("cost", equalTo(0.8f));
            Api.asAdmin().body(Map.of("provider", "openai_compatible", "model", model,
                    "input_per_mtok", -1, "output_per_mtok", 0.6)).put("/api/admin/model-prices/" + priceId)
                    .then().statusCode(400).body("violations[0].field", equalTo("input_per_mtok"));
            Api.asAdmin().get("/api/admin/model-prices").then().statusCode(200)
                    .body("find { it.model == 'gpt-4o' }.input_per_mtok", equalTo(2.5f))
                    .body("find { it.model == 'gpt-4o' }.source", org.hamcrest.Matchers.containsString("LiteLLM"));
        }
    }

    @Test
    void aClientThatDisconnectsMidStreamIsSettledAndLogged() throws Exception {
        try (ProviderStubServer stub = new ProviderStubServer()) {
            String chunk = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}]}\n\n";
            List<String> frames = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                frames.add(chunk.formatted("word" + i + " "));
            }
            stub.on("POST", "/v1/chat/completions", Reply.sse(frames.toArray(String[]::new)).paced(50));
            Api.TestMember m = member("openai", stub.baseUrl() + "/v1", "gpt-4o", Map.of());
            HttpRequest request = HttpRequest.newBuilder(URI.create(chatUrl.toString()))
                    .header("Authorization", "Bearer " + m.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"go\"}]}"))
                    .build();
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                body.readNBytes(40);
            }
            long deadline = System.currentTimeMillis() + 10_000;
            while (logCount(m.id(), "cancelled") + logCount(m.id(), "ok") + logCount(m.id(), "incomplete") == 0
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(1, logCount(m.id(), "cancelled"), "the 2 s stream was cut after ~40 bytes");
            long billed = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select completion_tokens from usage_logs where member_id = ?1").setParameter(1, m.id())
                    .getSingleResult()).longValue());
            assertTrue(billed > 0 && billed < 80, "billed what was delivered before the cut: " + billed);
            Books.awaitWritten();
            int requests = Api.as(m.token()).get("/api/me/access").then().extract().path("requests_today");
            assertEquals(1, requests);
        }
    }
}

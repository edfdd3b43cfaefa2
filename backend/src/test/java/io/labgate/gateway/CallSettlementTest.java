package io.labgate.gateway;

import io.labgate.budgets.BudgetConfig;
import io.labgate.support.Api;
import io.labgate.support.ProviderStubServer;
import io.labgate.support.Researchers;
import io.labgate.support.ProviderStubServer.Reply;
import io.labgate.ledger.CallLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each call is settled (or released) once and logged once, whatever races or fails around its end: the
 * client going away at any moment, a time-out after the request was sent, bad labels, an admin's edit.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallSettlementTest {

    private static final String CHUNK = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}]}\n\n";
    private static final String USAGE = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"model\":\"gpt-4o-mini\","
            + "\"choices\":[],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":20,\"total_tokens\":39}}\n\n";

    @Inject
    EntityManager em;

    @Inject
    CallLedger usageLog;

    @Inject
    BudgetConfig budgets;

    @TestHTTPResource("/")
    URL root;

    private ProviderStubServer stub;

    @BeforeAll
    void startStub() {
        stub = new ProviderStubServer();
    }

    @AfterAll
    void stopStub() {
        stub.close();
    }

    private record Researcher(Api.TestMember member, String key, long accessId) {
    }

    private Researcher researcher(String provider, String baseUrl, Map<String, Object> limits) {
        Map<String, Object> setting = new HashMap<>(Map.of("provider", provider, "model_name", "gpt-4o-mini",
                "max_tokens", 200));
        if (baseUrl != null) {
            setting.put("base_url", baseUrl);
            setting.put("api_key", "sk-settlement-test-0001");
        }
        setting.putAll(limits);
        Researchers.Researcher r = Researchers.on(setting, "enterprise");
        return new Researcher(r.member(), r.key(), r.accessId());
    }

    private long number(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, param).getSingleResult()).longValue());
    }

    /** Waits until each of the member's {@code calls} has ended and its usage row is written. */
    private void settleDown(Researcher r, long calls) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (endedCalls(r) < calls && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        usageLog.awaitIdle(10_000);
    }

    private long endedCalls(Researcher r) {
        return number("select count(*) from usage_logs where member_id = ?1 and status <> 'refused'", r.member().id());
    }

    /** The books agree: one usage row per call, and the counters — cost too — equal the rows. */
    private void assertBooksAgree(Researcher r, long calls) {
        long memberId = r.member().id();
        assertEquals(calls, endedCalls(r), "one usage row per call");
        long loggedTokens = number("select coalesce(sum(total_tokens), 0) from usage_logs where member_id = ?1",
                memberId);
        assertEquals(loggedTokens, number("select tokens_used_month from user_ai_access where id = ?1", r.accessId()));
        assertEquals(loggedCost(memberId), committedCost(r), "the month's cost is what the rows cost");
        long loggedRequests = number("select count(*) from usage_logs where member_id = ?1 and status <> 'refused' "
                + "and not (status = 'error' and total_tokens = 0)", memberId);
        assertEquals(loggedRequests, number("select requests_today from user_ai_access where id = ?1", r.accessId()));
    }

    /** What the member's rows cost as the budget counts them: each row's cost, an unpriced one at the fallback. */
    private long loggedCost(long memberId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        select coalesce(sum(coalesce(ceil(cost * 1000000), ceil(total_tokens * ?2))), 0)
                          from usage_logs where member_id = ?1""")
                .setParameter(1, memberId).setParameter(2, budgets.fallbackUsdPerMtok()).getSingleResult()).longValue());
    }

    private long committedCost(Researcher r) {
        return number("select cost_used_month_micros from user_ai_access where id = ?1", r.accessId());
    }

    private static Map<String, Object> body(String text, boolean stream) {
        return Map.of("model", "gpt-4o-mini", "stream", stream, "max_tokens", 50,
                "messages", List.of(Map.of("role", "user", "content", text)));
    }

    @Test
    void aTooLongSessionHeaderIsRefusedBeforeAnythingIsCounted() throws Exception {
        Researcher r = researcher("openai_compatible", stub.baseUrl() + "/v1", Map.of());
        int before = stub.received().size();
        RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + r.key())
                .header("X-LabGate-Session", "s".repeat(120))
                .body(body("hello", true)).post("/v1/chat/completions")
                .then().statusCode(400)
                .body("error.param", equalTo("X-LabGate-Session"))
                .body("error.code", equalTo("validation_failed"));
        RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + r.key())
                .header("X-LabGate-Context", "chat\tbot")
                .body(body("hello", false)).post("/v1/chat/completions")
                .then().statusCode(400).body("error.param", equalTo("X-LabGate-Context"));
        assertEquals(before, stub.received().size(), "the provider was not called");
        settleDown(r, 0);
        assertBooksAgree(r, 0);
        assertEquals(0, number("select tokens_used_month from user_ai_access where id = ?1", r.accessId()));
    }

    @Test
    void aNulCharacterIsRefusedOnBothDoorsNamingTheField() {
        Researcher r = researcher("sandbox", null, Map.of());
        RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + r.key())
                .body(body("bad\u0000byte", false)).post("/v1/chat/completions")
                .then().statusCode(400).body("error.param", equalTo("messages[0].content"));
        Api.as(r.member().token()).body(Map.of("messages", List.of(Map.of("role", "user", "content", "a\u0000b"))))
                .post("/api/ai/chat")
                .then().statusCode(400).body("violations[0].field", equalTo("messages[0].content"));
        assertEquals(0, number("select requests_today from user_ai_access where id = ?1", r.accessId()));
    }

    @Test
    void streamsCutByTheirClientsAtRandomMomentsAreEachSettledAndLoggedOnce() throws Exception {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            frames.add(CHUNK.formatted("word" + i + " "));
        }
        frames.add(USAGE);
        frames.add("data: [DONE]\n\n");
        ProviderStubServer paced = new ProviderStubServer();
        try {
            paced.on("POST", "/v1/chat/completions", Reply.sse(frames.toArray(String[]::new)).paced(3));
            Researcher r = researcher("openai_compatible", paced.baseUrl() + "/v1", Map.of());
            String request = httpRequest(r.key(), "{\"model\":\"m\",\"stream\":true,\"max_tokens\":50,"
                    + "\"messages\":[{\"role\":\"user\",\"content\":\"race me\"}]}");
            int calls = 80;
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                // 0 = leave right away; large = read to the end (done and cancel then race at the last frame)
                int readBytes = ThreadLocalRandom.current().nextInt(0, 6000);
                done.add(pool.submit(() -> readThenHangUp(request, readBytes)));
            }
            int completed = 0;
            for (Future<Boolean> f : done) {
                completed += f.get() ? 1 : 0;
            }
            pool.shutdown();
            settleDown(r, calls);
            assertBooksAgree(r, calls);
            // Those that read everything were billed what the provider reported; some hung up early enough to be
            // cancelled (the race was really run); a hang-up after the provider finished is billed in full.
            long memberId = r.member().id();
            assertTrue(number("select count(*) from usage_logs where member_id = ?1 and status = 'ok' "
                    + "and total_tokens = 39", memberId) >= completed);
            assertTrue(number("select count(*) from usage_logs where member_id = ?1 and status = 'cancelled'",
                    memberId) > 0, "some streams were cancelled");
        } finally {
            paced.close();
        }
    }

    @Test
    void aTimeOutAfterTheRequestWasSentSettlesTheReservedAmount() throws Exception {
        ProviderStubServer slow = new ProviderStubServer();
        try {
            // The test profile's read time-out is 1 s: the provider got the request and is still working.
            slow.on("POST", "/v1/chat/completions", Reply.json(200, "{}").delayed(2500));
            Researcher r = researcher("openai_compatible", slow.baseUrl() + "/v1", Map.of());
            RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + r.key())
                    .body(body("think hard", false)).post("/v1/chat/completions")
                    .then().statusCode(504).body("error.code", equalTo("provider_timeout"));
            settleDown(r, 1);
            // What was reserved: the prompt's estimate and all of max_tokens (50).
            assertEquals(50, number("select completion_tokens from usage_logs where member_id = ?1", r.member().id()));
            long reserved = number("select total_tokens from usage_logs where member_id = ?1", r.member().id());
            assertTrue(reserved > 50, "prompt estimate + max_tokens 50");
            assertEquals(reserved, number("select tokens_used_month from user_ai_access where id = ?1", r.accessId()));
            assertEquals(1, number("select requests_today from user_ai_access where id = ?1", r.accessId()));
            assertTrue(committedCost(r) > 0, "the reserved tokens' cost is counted");
            assertEquals(loggedCost(r.member().id()), committedCost(r));
        } finally {
            slow.close();
        }
    }

    @Test
    void aProviderStallingMidStreamTimesOutAndTheReservedAmountIsSettled() throws Exception {
        ProviderStubServer stalling = new ProviderStubServer();
        try {
            // One piece, then silence longer than the test profile's 1 s read time-out.
            stalling.on("POST", "/v1/chat/completions", Reply.sse(CHUNK.formatted("thinking "),
                    CHUNK.formatted("never "), USAGE, "data: [DONE]\n\n").paced(2500));
            Researcher r = researcher("openai_compatible", stalling.baseUrl() + "/v1", Map.of());
            long start = System.nanoTime();
            String sse = RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + r.key())
                    .body(body("stall", true)).post("/v1/chat/completions")
                    .then().statusCode(200).extract().asString();
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(sse.contains("thinking"), sse);
            assertTrue(sse.contains("provider_timeout"), sse);
            assertTrue(!sse.contains("never"), sse);
            assertTrue(millis < 2400, "ended by the read time-out, not by the provider: " + millis + " ms");
            settleDown(r, 1);
            assertEquals(50, number("select completion_tokens from usage_logs where member_id = ?1 "
                    + "and status = 'incomplete'", r.member().id()), "all of max_tokens, as reserved");
            long reserved = number("select total_tokens from usage_logs where member_id = ?1 "
                    + "and status = 'incomplete'", r.member().id());
            assertEquals(reserved, number("select tokens_used_month from user_ai_access where id = ?1", r.accessId()));
            assertEquals(loggedCost(r.member().id()), committedCost(r));
        } finally {
            stalling.close();
        }
    }

    @Test
    void anAdminEditingAccessDuringABurstLosesNoCount() throws Exception {
        Researcher r = researcher("sandbox", null, Map.of());
        AtomicBoolean burstOver = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(9);
        Future<Integer> edits = pool.submit(() -> {
            int n = 0;
            while (!burstOver.get()) {
                Api.asAdmin().body(Map.of("can_use_advanced_features", n % 2 == 0))
                        .patch("/api/admin/user-ai-access/" + r.accessId()).then().statusCode(200);
                n++;
            }
            return n;
        });
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            int n = i;
            calls.add(pool.submit(() -> Api.as(r.member().token())
                    .body(Map.of("messages", List.of(Map.of("role", "user", "content", "count " + n))))
                    .post("/api/ai/chat").statusCode()));
        }
        int ok = 0;
        for (Future<Integer> call : calls) {
            ok += call.get() == 200 ? 1 : 0;
        }
        burstOver.set(true);
        assertTrue(edits.get() > 5, "edits ran during the burst");
        pool.shutdown();
        assertEquals(160, ok);
        settleDown(r, 160);
        assertEquals(160, number("select requests_today from user_ai_access where id = ?1", r.accessId()));
        assertBooksAgree(r, 160);
    }

    private String httpRequest(String key, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n"
                + json;
    }

    /** Sends the request on a raw socket, reads up to {@code bytes} of the answer and hangs up; true if it saw [DONE]. */
    private boolean readThenHangUp(String request, int bytes) throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            byte[] buffer = new byte[256];
            while (seen.size() < bytes) {
                int n = in.read(buffer, 0, Math.min(buffer.length, bytes - seen.size()));
                if (n < 0) {
                    break;
                }
                seen.write(buffer, 0, n);
            }
            return seen.toString(StandardCharsets.UTF_8).contains("data: [DONE]");
        }
    }
}

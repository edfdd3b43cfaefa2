package io.labgate.gateway;

import io.labgate.support.Api;
import io.labgate.support.Books;
import io.labgate.support.ProviderStubServer;
import io.labgate.support.ProviderStubServer.Reply;
import io.labgate.ledger.CallLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway against local servers that speak OpenAI's, Anthropic's and Gemini's real wire formats. */
@QuarkusTest
class ProviderChatTest {

    @Inject
    EntityManager em;

    @Inject
    CallLedger usageLog;

    ProviderStubServer stub;

    @BeforeEach
    void start() {
        stub = new ProviderStubServer();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private Api.TestMember memberOn(String provider, String baseUrl, String model) {
        Map<String, Object> setting = new HashMap<>(Map.of("name", Api.unique(provider), "provider", provider,
                "base_url", baseUrl, "api_key", "test-key-" + provider + "-000001", "model_name", model,
                "max_tokens", 500, "temperature", 0.5, "hourly_limit", 0, "daily_limit", 0, "monthly_limit", 0));
        int settingId = Api.asAdmin().body(setting).post("/api/admin/ai-settings").then().statusCode(201)
                .extract().path("id");
        int planId = Api.asAdmin().get("/api/admin/plans").then().extract().path("find { it.name == 'premium' }.id");
        Api.TestMember m = Api.newResearcher();
        Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId, "ai_settings_id", settingId))
                .post("/api/admin/user-ai-access").then().statusCode(201);
        return m;
    }

    private static Map<String, Object> ask(String text, boolean stream) {
        return Map.of("messages", List.of(Map.of("role", "user", "content", text)), "stream", stream);
    }

    private Object[] lastLog(long memberId) throws InterruptedException {
        usageLog.awaitIdle(5000);
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select status, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens, cost, error,"
                                + " (select count(*) from usage_logs where member_id = ?1) from usage_logs"
                                + " where member_id = ?1 order by id desc limit 1")
                .setParameter(1, memberId).getSingleResult());
    }

    private static String done(String sse) {
        return sse.substring(sse.indexOf("event: done\ndata: ") + "event: done\ndata: ".length()).split("\n")[0];
    }

    @Test
    void openAiAnswerIsPricedWithCachedAndReasoningTokens() throws Exception {
        stub.on("POST", "/v1/chat/completions", Reply.json(200, """
                {"id":"chatcmpl-B9MBs8","object":"chat.completion","created":1741569952,"model":"gpt-4.1-mini-2025-04-14",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"CR 0.08 is acceptable.","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":1000,"completion_tokens":500,"total_tokens":1500,
                   "prompt_tokens_details":{"cached_tokens":200,"audio_tokens":0},
                   "completion_tokens_details":{"reasoning_tokens":100,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
                 "service_tier":"default"}"""));
        Api.TestMember m = memberOn("openai", stub.baseUrl() + "/v1", "gpt-4.1-mini");
        Api.as(m.token()).body(ask("Is CR 0.08 ok?", false)).post("/api/ai/chat").then().statusCode(200)
                .body("content", equalTo("CR 0.08 is acceptable."))
                .body("model", equalTo("gpt-4.1-mini-2025-04-14"))
                .body("usage.prompt_tokens", equalTo(1000))
                .body("usage.cached_tokens", equalTo(200))
                .body("usage.reasoning_tokens", equalTo(100))
                // (800 × 0.40 + 200 × 0.10 + 500 × 1.60) / 1M
                .body("cost", equalTo(0.00114f));
        JsonPath sent = JsonPath.from(stub.last().body());
        assertEquals("Bearer test-key-openai-000001", stub.last().header("Authorization"));
        assertEquals(500, sent.getInt("max_completion_tokens"));
        assertEquals("Is CR 0.08 ok?", sent.getString("messages[0].content"));
        Books.awaitWritten();
        Api.as(m.token()).get("/api/me/access").then().body("tokens_used_month", equalTo(1500));
        Object[] log = lastLog(m.id());
        assertEquals("ok", log[0]);
        assertEquals(0, new BigDecimal("0.001140").compareTo((BigDecimal) log[5]));
    }

    @Test
    void openAiStreamAsksForUsageAndBillsTheFinalUsageChunk() throws Exception {
        String chunk = "data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}],\"usage\":null}\n\n";
        stub.on("POST", "/v1/chat/completions", Reply.sse(
                "data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}\n\n",
                chunk.formatted("Hello"), chunk.formatted(" there"),
                "data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],\"usage\":null}\n\n",
                "data: {\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":10,\"total_tokens\":29,\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0}}}\n\n",
                "data: [DONE]\n\n"));
        Api.TestMember m = memberOn("openai", stub.baseUrl() + "/v1", "gpt-4o-mini");
        String sse = Api.as(m.token()).body(ask("hi", true)).post("/api/ai/chat").then().statusCode(200).extract().asString();
        assertTrue(sse.contains("event: delta\ndata: {\"text\":\"Hello\"}"), sse);
        assertTrue(sse.contains("event: delta\ndata: {\"text\":\" there\"}"), sse);
        JsonPath summary = JsonPath.from(done(sse));
        assertEquals(29, summary.getInt("usage.total_tokens"));
        assertEquals("stop", summary.getString("finish_reason"));
        JsonPath sent = JsonPath.from(stub.last().body());
        assertTrue(sent.getBoolean("stream_options.include_usage"));
        Books.awaitWritten();
        Api.as(m.token()).get("/api/me/access").then().body("tokens_used_month", equalTo(29));
        assertEquals("ok", lastLog(m.id())[0]);
    }

    @Test
    void aStreamCutBeforeItsUsageIsSettledOnAnEstimateNotZero() throws Exception {
        stub.on("POST", "/v1/chat/completions", Reply.sse(
                "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"llama3.2\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"The consistency ratio compares your matrix with random ones\"},\"finish_reason\":null}]}\n\n"));
        Api.TestMember m = memberOn("openai_compatible", stub.baseUrl() + "/v1", "llama3.2");
        String sse = Api.as(m.token()).body(ask("What is CR?", true)).post("/api/ai/chat").then().statusCode(200)
                .extract().asString();
        JsonPath summary = JsonPath.from(done(sse));
        int completion = summary.getInt("usage.completion_tokens");
        assertTrue(completion >= 8, "estimated from the delivered text: " + completion);
        assertTrue(summary.getInt("usage.prompt_tokens") > 0);
        Books.awaitWritten();
        Api.as(m.token()).get("/api/me/access").then()
                .body("tokens_used_month", equalTo(summary.getInt("usage.total_tokens")));
        assertEquals(500, JsonPath.from(stub.last().body()).getInt("max_tokens"));
    }

    @Test
    void anthropicStreamKeepsTheLastCumulativeUsageAndCountsCacheReads() throws Exception {
        stub.on("POST", "/v1/messages", Reply.sse(
                "event: message_start\ndata: {\"type\": \"message_start\", \"message\": {\"id\": \"msg_1nZd\", \"type\": \"message\", \"role\": \"assistant\", \"content\": [], \"model\": \"claude-sonnet-4-5-20250929\", \"stop_reason\": null, \"stop_sequence\": null, \"usage\": {\"input_tokens\": 25, \"cache_read_input_tokens\": 100, \"cache_creation_input_tokens\": 0, \"output_tokens\": 1}}}\n\n",
                "event: content_block_start\ndata: {\"type\": \"content_block_start\", \"index\": 0, \"content_block\": {\"type\": \"text\", \"text\": \"\"}}\n\n",
                "event: ping\ndata: {\"type\": \"ping\"}\n\n",
                "event: content_block_delta\ndata: {\"type\": \"content_block_delta\", \"index\": 0, \"delta\": {\"type\": \"text_delta\", \"text\": \"Hello\"}}\n\n",
                "event: content_block_stop\ndata: {\"type\": \"content_block_stop\", \"index\": 0}\n\n",
                "event: message_delta\ndata: {\"type\": \"message_delta\", \"delta\": {\"stop_reason\": \"end_turn\", \"stop_sequence\":null}, \"usage\": {\"output_tokens\": 15}}\n\n",
                "event: message_stop\ndata: {\"type\": \"message_stop\"}\n\n"));
        Api.TestMember m = memberOn("anthropic", stub.baseUrl(), "claude-sonnet-4-5");
        String sse = Api.as(m.token()).body(Map.of("messages", List.of(Map.of("role", "system", "content", "Be brief"),
                Map.of("role", "user", "content", "hi")), "stream", true)).post("/api/ai/chat")
                .then().statusCode(200).extract().asString();
        JsonPath summary = JsonPath.from(done(sse));
        assertEquals(125, summary.getInt("usage.prompt_tokens"));
        assertEquals(15, summary.getInt("usage.completion_tokens"));
        assertEquals(100, summary.getInt("usage.cached_tokens"));
        // (25 × 3.00 + 100 × 0.30 + 15 × 15.00) / 1M
        assertEquals(0, new BigDecimal("0.000330").compareTo(new BigDecimal(summary.getString("cost"))));
        assertEquals("test-key-anthropic-000001", stub.last().header("x-api-key"));
        assertEquals("Be brief", JsonPath.from(stub.last().body()).getString("system"));
        Books.awaitWritten();
        Api.as(m.token()).get("/api/me/access").then().body("tokens_used_month", equalTo(140));
    }

    @Test
    void geminiStreamKeepsTheLastUsageMetadataAndBillsThoughtsAsOutput() throws Exception {
        stub.on("POST", "/v1beta/models/gemini-2.5-flash:streamGenerateContent", Reply.sse(
                "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"The\"}],\"role\":\"model\"}}],\"usageMetadata\":{\"promptTokenCount\":8,\"totalTokenCount\":8},\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"abc\"}\n\n",
                "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\" capital is Paris.\"}],\"role\":\"model\"},\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":8,\"candidatesTokenCount\":7,\"thoughtsTokenCount\":120,\"totalTokenCount\":135},\"modelVersion\":\"gemini-2.5-flash\",\"responseId\":\"abc\"}\n\n"));
        Api.TestMember m = memberOn("gemini", stub.baseUrl(), "gemini-2.5-flash");
        String sse = Api.as(m.token()).body(ask("Capital of France?", true)).post("/api/ai/chat").then().statusCode(200)
                .extract().asString();
        JsonPath summary = JsonPath.from(done(sse));
        assertEquals(8, summary.getInt("usage.prompt_tokens"));
        assertEquals(127, summary.getInt("usage.completion_tokens"));
        assertEquals(120, summary.getInt("usage.reasoning_tokens"));
        assertEquals("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", stub.last().path());
        assertEquals("user", JsonPath.from(stub.last().body()).getString("contents[0].role"));
        assertEquals(500, JsonPath.from(stub.last().body()).getInt("generationConfig.maxOutputTokens"));
    }

    @Test
    void rateLimitsAreRetriedHonouringRetryAfterAndBilledOnce() throws Exception {
        stub.on("POST", "/v1/chat/completions",
                Reply.json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}")
                        .header("retry-after-ms", "50"),
                Reply.json(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")
                        .header("x-should-retry", "true").header("retry-after", "0"),
                Reply.json(200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":2,\"total_tokens\":12}}"));
        Api.TestMember m = memberOn("openai", stub.baseUrl() + "/v1", "gpt-4o");
        Api.as(m.token()).body(ask("hi", false)).post("/api/ai/chat").then().statusCode(200).body("content", equalTo("ok"));
        assertEquals(3, stub.received().size());
        Books.awaitWritten();
        Api.as(m.token()).get("/api/me/access").then().body("tokens_used_month", equalTo(12)).body("requests_today", equalTo(1));
        Object[] log = lastLog(m.id());
        assertEquals("ok", log[0]);
        assertEquals(1L, ((Number) log[7]).longValue());
    }

    @Test
    void aRejectedKeyTellsTheMemberAndReleasesTheQuota() throws Exception {
        stub.on("POST", "/v1/chat/completions", Reply.json(401,
                "{\"error\":{\"message\":\"Incorrect API key provided: sk-proj-****SJh4.\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));
        Api.TestMember m = memberOn("openai", stub.baseUrl() + "/v1", "gpt-4o");
        Api.as(m.token()).body(ask("hi", false)).post("/api/ai/chat").then().statusCode(502)
                .body("error", equalTo("provider_key_invalid"));
        assertEquals(1, stub.received().size());
        Books.awaitWritten();
        Api.as(m.token()).get("/api/me/access").then().body("tokens_used_month", equalTo(0)).body("requests_today", equalTo(0));
        Object[] log = lastLog(m.id());
        assertEquals("error", log[0]);
        assertTrue(((String) log[6]).startsWith("auth"), (String) log[6]);

        // The super-admin sees it on the setting until the key is replaced or a connection test passes.
        Books.awaitWritten();
        int settingId = Api.as(m.token()).get("/api/me/access").then().extract().path("ai_settings.id");
        Api.asAdmin().get("/api/admin/ai-settings/" + settingId).then()
                .body("last_error", org.hamcrest.Matchers.containsString("rejected the platform's key"))
                .body("last_error", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("SJh4")))
                .body("last_error_at", org.hamcrest.Matchers.notNullValue());
        stub.on("GET", "/v1/models", Reply.json(200, "{\"object\":\"list\",\"data\":[]}"));
        Api.asAdmin().post("/api/admin/ai-settings/" + settingId + "/test-connection").then().body("success", equalTo(true));
        Api.asAdmin().get("/api/admin/ai-settings/" + settingId).then().body("last_error", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aMidStreamErrorEndsTheStreamWithAnErrorEventAndBillsWhatWasSent() throws Exception {
        stub.on("POST", "/v1/messages", Reply.sse(
                "event: message_start\ndata: {\"type\": \"message_start\", \"message\": {\"id\": \"msg_2\", \"type\": \"message\", \"role\": \"assistant\", \"content\": [], \"model\": \"claude-haiku-4-5\", \"usage\": {\"input_tokens\": 12, \"output_tokens\": 1}}}\n\n",
                "event: content_block_delta\ndata: {\"type\": \"content_block_delta\", \"index\": 0, \"delta\": {\"type\": \"text_delta\", \"text\": \"Pairwise comparisons let you rank criteria one pair at a time\"}}\n\n",
                "event: error\ndata: {\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", \"message\": \"Overloaded\"}}\n\n"));
        Api.TestMember m = memberOn("anthropic", stub.baseUrl(), "claude-haiku-4-5");
        String sse = Api.as(m.token()).body(ask("Explain", true)).post("/api/ai/chat").then().statusCode(200)
                .extract().asString();
        assertTrue(sse.contains("event: error\ndata: {\"error\":\"provider_unavailable\""), sse);
        Object[] log = lastLog(m.id());
        assertEquals("incomplete", log[0]);
        assertEquals(12, ((Number) log[1]).intValue());
        assertTrue(((Number) log[2]).intValue() >= 10, "billed for the delivered text: " + log[2]);
    }

    @Test
    void aTooLongConversationIsTheProvidersRejectionNotAnOutage() {
        stub.on("POST", "/v1/chat/completions", Reply.json(400,
                "{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens.\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}"));
        Api.TestMember m = memberOn("openai", stub.baseUrl() + "/v1", "gpt-4o");
        Api.as(m.token()).body(ask("long", false)).post("/api/ai/chat").then().statusCode(400)
                .body("error", equalTo("provider_rejected"))
                .body("message", org.hamcrest.Matchers.containsString("too long"));
    }
}

package io.labgate.providers;

import io.labgate.support.Api;
import io.labgate.support.ProviderStubServer;
import io.labgate.support.ProviderStubServer.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** test-connection against local servers that answer with each provider's real bodies and errors. */
@QuarkusTest
class ConnectionTestResourceTest {

    static final String OPENAI_MODELS = """
            {"object":"list","data":[{"id":"gpt-4.1-mini","object":"model","created":1686935002,"owned_by":"openai"},
            {"id":"gpt-4o","object":"model","created":1686935002,"owned_by":"openai","shutdown_date":null}]}""";
    static final String OPENAI_BAD_KEY = """
            {"error":{"message":"Incorrect API key provided: sk-proj-****SJh4. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""";
    static final String ANTHROPIC_MODELS = """
            {"data":[{"id":"claude-sonnet-4-5-20250929","created_at":"2025-09-29T00:00:00Z","display_name":"Claude Sonnet 4.5","type":"model"}],"first_id":"claude-sonnet-4-5-20250929","has_more":true,"last_id":"claude-sonnet-4-5-20250929"}""";
    static final String ANTHROPIC_BAD_KEY = """
            {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":"req_011CYhr1kdGzCrPHfrhibMen"}""";
    static final String ANTHROPIC_OVERLOADED = """
            {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""";
    static final String GEMINI_MODELS = """
            {"models":[{"name":"models/gemini-2.5-flash","inputTokenLimit":1048576,"outputTokenLimit":65536,"supportedGenerationMethods":["generateContent","countTokens"]}],"nextPageToken":"abc"}""";
    static final String GEMINI_BAD_KEY = """
            {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com","metadata":{"service":"generativelanguage.googleapis.com"}}]}}""";
    static final String RATE_LIMITED = """
            {"error":{"message":"Rate limit reached for gpt-4.1-mini on requests per min. Limit: 3 / min.","type":"requests","param":null,"code":"rate_limit_exceeded"}}""";
    static final String NO_CREDIT = """
            {"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}""";

    ProviderStubServer stub;

    @BeforeEach
    void start() {
        stub = new ProviderStubServer();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private int setting(String provider, String baseUrl, String key, String model) {
        Map<String, Object> body = new HashMap<>(Map.of("name", Api.unique("conn"), "provider", provider,
                "base_url", baseUrl, "model_name", model, "max_tokens", 1000, "temperature", 0.7,
                "hourly_limit", 100, "daily_limit", 1000, "monthly_limit", 10000));
        if (key != null) {
            body.put("api_key", key);
        }
        return Api.asAdmin().body(body).post("/api/admin/ai-settings").then().statusCode(201).extract().path("id");
    }

    private Response test(int id) {
        return Api.asAdmin().post("/api/admin/ai-settings/" + id + "/test-connection");
    }

    @Test
    void openAiSuccessSendsTheBearerKeyAndChecksTheModel() {
        stub.on("GET", "/v1/models", Reply.json(200, OPENAI_MODELS));
        String key = "sk-proj-openai-success-0001";
        int id = setting("openai", stub.baseUrl() + "/v1", key, "gpt-4.1-mini");
        test(id).then().statusCode(200)
                .body("success", equalTo(true)).body("is_valid", equalTo(true))
                .body("code", equalTo("model_listed"))
                .body("params.models", equalTo(2)).body("params.model", equalTo("gpt-4.1-mini"))
                .body("message", containsString("2 models available; gpt-4.1-mini is among them"))
                .body("latency_ms", greaterThanOrEqualTo(0))
                .body(not(containsString(key)));
        assertEquals("Bearer " + key, stub.last().header("Authorization"));
        assertEquals("/v1/models", stub.last().path());
    }

    @Test
    void openAiInvalidKeyIsToldApartAndTheEchoedKeyIsNotPassedOn() {
        stub.on("GET", "/v1/models", Reply.json(401, OPENAI_BAD_KEY));
        int id = setting("openai", stub.baseUrl() + "/v1", "sk-proj-wrong-key-SJh4", "gpt-4o");
        test(id).then().statusCode(200)
                .body("success", equalTo(false)).body("is_valid", equalTo(false))
                .body("code", equalTo("key_rejected")).body("params.status", equalTo(401))
                .body("message", containsString("invalid API key"))
                .body(not(containsString("SJh4")));
    }

    @Test
    void rateLimitsAndEmptyAccountsSayTheKeyWasNotChecked() {
        stub.on("GET", "/v1/models", Reply.json(429, RATE_LIMITED).header("Retry-After", "20"),
                Reply.json(429, NO_CREDIT));
        int id = setting("openai", stub.baseUrl() + "/v1", "sk-rate-limited-000001", "gpt-4o");
        test(id).then().body("success", equalTo(false))
                .body("code", equalTo("rate_limited")).body("params.retry_after_seconds", equalTo(20))
                .body("message", containsString("rate limited")).body("message", containsString("retry after 20"))
                .body("message", containsString("not checked"));
        test(id).then().body("code", equalTo("no_credit")).body("message", containsString("no credit left"));
    }

    @Test
    void anthropicUsesItsHeadersAndMapsItsErrors() {
        stub.on("GET", "/v1/models", Reply.json(200, ANTHROPIC_MODELS), Reply.json(401, ANTHROPIC_BAD_KEY),
                Reply.json(529, ANTHROPIC_OVERLOADED).header("x-should-retry", "true"));
        String key = "sk-ant-api03-test-key-000001";
        int id = setting("anthropic", stub.baseUrl(), key, "claude-sonnet-4-5");
        test(id).then().body("success", equalTo(true)).body("message", containsString("key was accepted"));
        assertEquals(key, stub.last().header("x-api-key"));
        assertEquals("2023-06-01", stub.last().header("anthropic-version"));
        assertEquals("/v1/models?limit=1", stub.last().path());
        test(id).then().body("is_valid", equalTo(false)).body("message", containsString("invalid API key"));
        test(id).then().body("is_valid", equalTo(false)).body("message", containsString("HTTP 529"))
                .body("code", equalTo("provider_failing")).body("params.status", equalTo(529))
                .body("message", containsString("overloaded"));
    }

    @Test
    void geminiBadKeyIsA400WithApiKeyInvalid() {
        stub.on("GET", "/v1beta/models", Reply.json(200, GEMINI_MODELS), Reply.json(400, GEMINI_BAD_KEY));
        String key = "AIzaSyTest-gemini-key-000001";
        int id = setting("gemini", stub.baseUrl(), key, "gemini-2.5-flash");
        test(id).then().body("success", equalTo(true));
        assertEquals(key, stub.last().header("x-goog-api-key"));
        assertEquals("/v1beta/models?pageSize=1", stub.last().path());
        test(id).then().body("success", equalTo(false)).body("is_valid", equalTo(false))
                .body("message", containsString("invalid API key"));
    }

    @Test
    void vllmWithoutAKeySendsNoAuthorizationAndItsOwn401IsAnInvalidKey() {
        stub.on("GET", "/v1/models", Reply.json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"llama3.2\",\"object\":\"model\"}]}"),
                Reply.json(401, "{\"error\": \"Unauthorized\"}"));
        int id = setting("openai_compatible", stub.baseUrl() + "/v1", null, "llama3.2");
        test(id).then().body("success", equalTo(true)).body("message", containsString("llama3.2 is among them"));
        assertEquals(null, stub.last().header("Authorization"));
        test(id).then().body("is_valid", equalTo(false)).body("message", containsString("invalid API key"));
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int id = setting("openai_compatible", "http://127.0.0.1:" + port + "/v1", "k-closed-port-0001", "m");
        test(id).then().statusCode(200)
                .body("success", equalTo(false))
                .body("code", equalTo("unreachable"))
                .body("params.base_url", equalTo("http://127.0.0.1:" + port + "/v1"))
                .body("message", containsString("Unreachable"));
    }

    @Test
    void aSlowProviderTimesOut() {
        stub.on("GET", "/v1/models", Reply.json(200, OPENAI_MODELS).delayed(3000));
        int id = setting("openai", stub.baseUrl() + "/v1", "sk-slow-provider-000001", "gpt-4o");
        test(id).then().statusCode(200)
                .body("success", equalTo(false))
                .body("code", equalTo("timed_out"))
                .body("message", containsString("timed out"));
    }

    @Test
    void aWrongBaseUrlIsExplained() {
        int id = setting("openai_compatible", stub.baseUrl(), null, "m");
        test(id).then().body("success", equalTo(false)).body("code", equalTo("no_models_endpoint"))
                .body("message", containsString("check the base URL"));
    }
}

package io.labgate.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.common.config.LabgateConfig;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Makes the cheapest authenticated call a provider offers (its models list, no tokens) and tells apart an
 * invalid key, an unreachable server, rate limiting and provider errors. {@code is_valid} is true only when
 * the provider accepted the key; when the key could not be checked (unreachable, rate limited, provider
 * error) it is false and the message says the key was not checked. Messages are ours: provider bodies can
 * echo parts of a key and are never passed through. It goes through the same client and the same failure
 * classification as AI calls ({@link ProviderHttp}), with one attempt and no retries.
 */
@ApplicationScoped
public class ConnectionTester {

    private final ProviderHttp http;
    private final ObjectMapper json;
    private final Duration maxWait;

    ConnectionTester(ProviderHttp http, ObjectMapper json, LabgateConfig config) {
        this.http = http;
        this.json = json;
        this.maxWait = config.providers().connectTimeout().plus(config.providers().readTimeout());
    }

    public ConnectionTestResult test(ProviderConnection connection) {
        long start = System.nanoTime();
        if (connection.provider() == Provider.SANDBOX) {
            return new ConnectionTestResult(true, true,
                    "Sandbox provider: offline demo generator, no network call needed", elapsedMs(start));
        }
        ProviderHttp.Answer answer;
        try {
            answer = http.probe(modelsCall(connection)).await().atMost(maxWait);
        } catch (UpstreamException e) {
            return new ConnectionTestResult(false, false, "Unreachable: " + e.getMessage() + " at "
                    + connection.baseUrl(), elapsedMs(start));
        } catch (io.smallrye.mutiny.TimeoutException e) {
            return new ConnectionTestResult(false, false, "Unreachable: no answer from " + connection.baseUrl()
                    + " in time (timed out)", elapsedMs(start));
        }
        return interpret(connection, answer, start);
    }

    /** Each provider's cheapest authenticated call: its model list. */
    private static ProviderHttp.Call modelsCall(ProviderConnection c) {
        String base = c.baseUrl().endsWith("/") ? c.baseUrl().substring(0, c.baseUrl().length() - 1) : c.baseUrl();
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        String url = switch (c.provider()) {
            case OPENAI, OPENAI_COMPATIBLE -> {
                if (c.apiKey() != null) {
                    headers.put("Authorization", "Bearer " + c.apiKey());
                }
                yield base + "/models";
            }
            case ANTHROPIC -> {
                headers.put("x-api-key", c.apiKey());
                headers.put("anthropic-version", AnthropicChatAdapter.VERSION);
                yield base + "/v1/models?limit=1";
            }
            case GEMINI -> {
                headers.put("x-goog-api-key", c.apiKey());
                yield base + "/v1beta/models?pageSize=1";
            }
            case SANDBOX -> throw new IllegalStateException("sandbox makes no call");
        };
        return new ProviderHttp.Call(c.provider(), HttpMethod.GET, url, headers, null);
    }

    private ConnectionTestResult interpret(ProviderConnection c, ProviderHttp.Answer answer, long start) {
        int status = answer.status();
        long latency = elapsedMs(start);
        if (status >= 200 && status < 300) {
            return new ConnectionTestResult(true, true, describeSuccess(c, answer.body()), latency);
        }
        UpstreamException failure = http.failure(status, answer.body());
        String message = switch (failure.kind()) {
            case AUTH -> "HTTP " + status + ": " + (status == 403
                    ? "the key is not allowed to use this API (permission denied)"
                    : "invalid API key: the provider rejected it");
            case RATE_LIMITED -> "HTTP 429: " + (failure.getMessage().contains("no credit")
                    ? "the provider account has no credit left (insufficient_quota)"
                    : "rate limited by the provider"
                    + (answer.retryAfter() == null ? "" : "; retry after " + answer.retryAfter() + " s"))
                    + "; the key was not checked";
            case UNAVAILABLE -> "HTTP " + status + ": the provider is overloaded or failing; the key was not checked";
            case REJECTED -> status == 404 ? "HTTP 404: no models endpoint at this base URL; "
                    + "check the base URL (OpenAI-compatible servers usually end with /v1)"
                    : "HTTP " + status + ": unexpected answer from the provider";
            case TIMEOUT, MALFORMED -> "HTTP " + status + ": unexpected answer from the provider";
        };
        return new ConnectionTestResult(false, false, message, latency);
    }

    private String describeSuccess(ProviderConnection c, String body) {
        try {
            JsonNode root = json.readTree(body);
            JsonNode models = c.provider() == Provider.GEMINI ? root.path("models") : root.path("data");
            if (c.provider() == Provider.OPENAI || c.provider() == Provider.OPENAI_COMPATIBLE) {
                boolean listed = false;
                for (JsonNode model : models) {
                    listed |= c.modelName().equals(model.path("id").asText());
                }
                return "Connected: " + models.size() + " models available; " + c.modelName()
                        + (listed ? " is among them" : " is not in the list — check the model name");
            }
            return "Connected: the key was accepted";
        } catch (Exception e) {
            return "Connected: the key was accepted (the model list could not be read)";
        }
    }

    static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

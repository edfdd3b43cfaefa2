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
 * error) it is false and the code says the key was not checked. Codes and messages are ours: provider bodies
 * can echo parts of a key and are never passed through. It goes through the same client and the same failure
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
            return ConnectionTestResult.passed(ConnectionTestCode.SANDBOX, Map.of(),
                    "Sandbox provider: offline demo generator, no network call needed", elapsedMs(start));
        }
        ProviderHttp.Answer answer;
        Map<String, Object> where = Map.of("base_url", connection.baseUrl());
        try {
            answer = http.probe(modelsCall(connection)).await().atMost(maxWait);
        } catch (UpstreamException e) {
            ConnectionTestCode code = e.kind() == UpstreamException.Kind.TIMEOUT
                    ? ConnectionTestCode.TIMED_OUT : ConnectionTestCode.UNREACHABLE;
            return ConnectionTestResult.failed(code, where, "Unreachable: " + e.getMessage() + " at "
                    + connection.baseUrl(), elapsedMs(start));
        } catch (io.smallrye.mutiny.TimeoutException e) {
            return ConnectionTestResult.failed(ConnectionTestCode.TIMED_OUT, where, "Unreachable: no answer from "
                    + connection.baseUrl() + " in time (timed out)", elapsedMs(start));
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
            return describeSuccess(c, answer.body(), latency);
        }
        UpstreamException failure = http.failure(status, answer.body());
        Map<String, Object> withStatus = Map.of("status", status);
        return switch (failure.kind()) {
            case AUTH -> status == 403
                    ? ConnectionTestResult.failed(ConnectionTestCode.PERMISSION_DENIED, withStatus,
                    "HTTP 403: the key is not allowed to use this API (permission denied)", latency)
                    : ConnectionTestResult.failed(ConnectionTestCode.KEY_REJECTED, withStatus,
                    "HTTP " + status + ": invalid API key: the provider rejected it", latency);
            case RATE_LIMITED -> failure.getMessage().contains("no credit")
                    ? ConnectionTestResult.failed(ConnectionTestCode.NO_CREDIT, Map.of(),
                    "HTTP 429: the provider account has no credit left (insufficient_quota); the key was not checked",
                    latency)
                    : rateLimited(answer.retryAfter(), latency);
            case UNAVAILABLE -> ConnectionTestResult.failed(ConnectionTestCode.PROVIDER_FAILING, withStatus,
                    "HTTP " + status + ": the provider is overloaded or failing; the key was not checked", latency);
            case REJECTED -> status == 404
                    ? ConnectionTestResult.failed(ConnectionTestCode.NO_MODELS_ENDPOINT, withStatus,
                    "HTTP 404: no models endpoint at this base URL; "
                            + "check the base URL (OpenAI-compatible servers usually end with /v1)", latency)
                    : unexpected(status, latency);
            case TIMEOUT, MALFORMED -> unexpected(status, latency);
        };
    }

    private static ConnectionTestResult rateLimited(String retryAfter, long latency) {
        // Retry-After may also be an HTTP date; only a number of seconds is passed on.
        Long seconds = retryAfter != null && retryAfter.trim().matches("\\d{1,9}")
                ? Long.valueOf(retryAfter.trim()) : null;
        return ConnectionTestResult.failed(ConnectionTestCode.RATE_LIMITED,
                seconds == null ? Map.of() : Map.of("retry_after_seconds", seconds),
                "HTTP 429: rate limited by the provider" + (seconds == null ? "" : "; retry after " + seconds + " s")
                        + "; the key was not checked", latency);
    }

    private static ConnectionTestResult unexpected(int status, long latency) {
        return ConnectionTestResult.failed(ConnectionTestCode.UNEXPECTED_ANSWER, Map.of("status", status),
                "HTTP " + status + ": unexpected answer from the provider", latency);
    }

    private ConnectionTestResult describeSuccess(ProviderConnection c, String body, long latency) {
        try {
            JsonNode root = json.readTree(body);
            JsonNode models = c.provider() == Provider.GEMINI ? root.path("models") : root.path("data");
            if (c.provider() == Provider.OPENAI || c.provider() == Provider.OPENAI_COMPATIBLE) {
                boolean listed = false;
                for (JsonNode model : models) {
                    listed |= c.modelName().equals(model.path("id").asText());
                }
                return ConnectionTestResult.passed(listed ? ConnectionTestCode.MODEL_LISTED
                                : ConnectionTestCode.MODEL_NOT_LISTED,
                        Map.of("models", models.size(), "model", c.modelName()),
                        "Connected: " + models.size() + " models available; " + c.modelName()
                                + (listed ? " is among them" : " is not in the list — check the model name"),
                        latency);
            }
            return ConnectionTestResult.passed(ConnectionTestCode.KEY_ACCEPTED, Map.of(),
                    "Connected: the key was accepted", latency);
        } catch (Exception e) {
            return ConnectionTestResult.passed(ConnectionTestCode.KEY_ACCEPTED, Map.of(),
                    "Connected: the key was accepted (the model list could not be read)", latency);
        }
    }

    static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

package io.labgate.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Makes the cheapest authenticated call a provider offers (its models list, no tokens) and tells apart an
 * invalid key, an unreachable server, rate limiting and provider errors. {@code is_valid} is true only when
 * the provider accepted the key; when the key could not be checked (unreachable, rate limited, provider
 * error) it is false and the message says the key was not checked. Messages are ours: provider bodies can
 * echo parts of a key and are never passed through.
 */
@ApplicationScoped
public class ConnectionTester {

    private final ProviderClients clients;
    private final ObjectMapper json;

    ConnectionTester(ProviderClients clients, ObjectMapper json) {
        this.clients = clients;
        this.json = json;
    }

    public ConnectionTestResult test(ProviderConnection connection) {
        long start = System.nanoTime();
        if (connection.provider() == Provider.SANDBOX) {
            return new ConnectionTestResult(true, true,
                    "Sandbox provider: offline demo generator, no network call needed", elapsedMs(start));
        }
        try (Response response = call(connection)) {
            return interpret(connection, response, start);
        } catch (RuntimeException e) {
            return new ConnectionTestResult(false, false, unreachable(e, connection.baseUrl()), elapsedMs(start));
        }
    }

    private Response call(ProviderConnection c) {
        return switch (c.provider()) {
            case OPENAI, OPENAI_COMPATIBLE -> clients.client(OpenAiApi.class, c.baseUrl())
                    .models(c.apiKey() == null ? null : "Bearer " + c.apiKey());
            case ANTHROPIC -> clients.client(AnthropicApi.class, c.baseUrl())
                    .models(c.apiKey(), AnthropicApi.VERSION, 1);
            case GEMINI -> clients.client(GeminiApi.class, c.baseUrl()).models(c.apiKey(), 1);
            case SANDBOX -> throw new IllegalStateException("sandbox makes no call");
        };
    }

    private ConnectionTestResult interpret(ProviderConnection c, Response response, long start) {
        int status = response.getStatus();
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        long latency = elapsedMs(start);
        if (status >= 200 && status < 300) {
            return new ConnectionTestResult(true, true, describeSuccess(c, body), latency);
        }
        if (status == 401 || status == 403 || (c.provider() == Provider.GEMINI && status == 400
                && body.contains("API_KEY_INVALID"))) {
            String what = status == 403 ? "the key is not allowed to use this API (permission denied)"
                    : "invalid API key: the provider rejected it";
            return new ConnectionTestResult(false, false, "HTTP " + status + ": " + what, latency);
        }
        if (status == 429) {
            String retry = response.getHeaderString("Retry-After");
            String reason = body.contains("insufficient_quota")
                    ? "the provider account has no credit left (insufficient_quota)"
                    : "rate limited by the provider" + (retry == null ? "" : "; retry after " + retry + " s");
            return new ConnectionTestResult(false, false, "HTTP 429: " + reason + "; the key was not checked",
                    latency);
        }
        if (status == 529 || status >= 500) {
            return new ConnectionTestResult(false, false, "HTTP " + status
                    + ": the provider is overloaded or failing; the key was not checked", latency);
        }
        if (status == 404) {
            return new ConnectionTestResult(false, false, "HTTP 404: no models endpoint at this base URL; "
                    + "check the base URL (OpenAI-compatible servers usually end with /v1)", latency);
        }
        return new ConnectionTestResult(false, false, "HTTP " + status + ": unexpected answer from the provider",
                latency);
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

    private static String unreachable(RuntimeException e, String baseUrl) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName().toLowerCase(Locale.ROOT);
            if (t instanceof UnknownHostException) {
                return "Unreachable: host not found for " + baseUrl;
            }
            if (t instanceof ConnectException || name.contains("connectexception")) {
                return "Unreachable: connection refused by " + baseUrl;
            }
            if (t instanceof TimeoutException || name.contains("timeout")) {
                return "Unreachable: no answer from " + baseUrl + " in time (timed out)";
            }
        }
        return "Unreachable: could not connect to " + baseUrl;
    }

    static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

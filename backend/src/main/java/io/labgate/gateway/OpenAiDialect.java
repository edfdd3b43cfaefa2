package io.labgate.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labgate.apikeys.ApiKeyService;
import io.labgate.common.error.ApiError;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.common.error.JsonBodyErrors;
import io.labgate.common.error.RetryableApiException;
import io.labgate.common.error.ViolationCode;
import io.labgate.common.error.ViolationPaths;
import io.labgate.common.web.ClientAddress;
import io.labgate.quota.QuotaExceededException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's Chat Completions dialect of a gateway call, for members' own tools: the request read and checked as the
 * web app's {@link ChatRequest} and taken on, the answer and errors written in OpenAI's shapes. Shared by the
 * JAX-RS resource ({@link OpenAiCompatResource}, streams) and the event-loop route ({@link OpenAiCompletionsRoute},
 * whole answers), so both take and answer the same.
 */
@ApplicationScoped
class OpenAiDialect {

    /** Request fields that arrive here as headers are named by their header in errors. */
    private static final Map<String, String> HEADER_FIELDS = Map.of(
            "session_id", "X-LabGate-Session", "context", "X-LabGate-Context");

    private final GatewayService gateway;
    private final ApiKeyService apiKeys;
    private final ClientAddress clientAddress;
    private final ObjectMapper json;
    private final Validator validator;

    OpenAiDialect(GatewayService gateway, ApiKeyService apiKeys, ClientAddress clientAddress, ObjectMapper json,
                  Validator validator) {
        this.gateway = gateway;
        this.apiKeys = apiKeys;
        this.clientAddress = clientAddress;
        this.json = json;
        this.validator = validator;
    }

    /** A call taken on: its quota is reserved, so it must be answered or streamed. */
    record Accepted(ChatRequest request, boolean includeUsage, GatewayService.PreparedCall prepared) {
    }

    /** Authenticates, reads and checks the body, and takes the call on; {@link ApiException} when it is refused. */
    Accepted accept(JsonNode body, HttpServerRequest http) {
        long memberId = authenticate(http.getHeader("Authorization"));
        if (body == null || body.isNull()) {
            throw ApiException.invalid("body", ViolationCode.REQUIRED, "a JSON body is required");
        }
        if (!body.isObject()) {
            throw new ApiException(400, ErrorCode.MALFORMED_JSON, "The request body has the wrong shape");
        }
        ChatRequest request = chatRequest(body, http);
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
        CallOrigin origin = new CallOrigin("api", clientAddress.of(http), http.getHeader("User-Agent"));
        return new Accepted(request, includeUsage, gateway.prepare(memberId, RequestType.CHATBOT, request, origin));
    }

    long authenticate(String authorization) {
        String key = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        return apiKeys.authenticate(key).orElseThrow(() -> new ApiException(401, "invalid_api_key",
                "Invalid or revoked LabGate API key; create one in LabGate under 'My API keys'"));
    }

    /** An error in OpenAI's shape, so the SDKs raise their usual exceptions; {@code retryAfterSeconds} may be null. */
    record Error(int status, ObjectNode body, Long retryAfterSeconds) {
    }

    Error error(ApiException e) {
        ObjectNode body = json.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", e.getMessage());
        error.put("type", switch (e.status()) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 400 -> "invalid_request_error";
            default -> "api_error";
        });
        error.put("param", e.violations().isEmpty() ? null : e.violations().getFirst().field());
        // OpenAI's SDKs know one code for a spent quota; the limit that was hit is in the message.
        error.put("code", e instanceof QuotaExceededException ? ErrorCode.QUOTA_EXCEEDED.wireName() : e.code());
        return new Error(e.status(), body, e instanceof RetryableApiException retryable
                ? (long) retryable.retryAfterSeconds() : null);
    }

    ObjectNode completion(ChatResponse response) {
        ObjectNode body = json.createObjectNode();
        body.put("id", response.id());
        body.put("object", "chat.completion");
        body.put("created", System.currentTimeMillis() / 1000);
        body.put("model", response.model());
        ArrayNode choices = body.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", response.content());
        choice.put("finish_reason", "stop");
        body.set("usage", usage(json, response.usage().promptTokens(), response.usage().completionTokens(),
                response.usage().cachedTokens(), response.usage().reasoningTokens()));
        return body;
    }

    static ObjectNode usage(ObjectMapper json, long prompt, long completion, long cached, long reasoning) {
        ObjectNode usage = json.createObjectNode();
        usage.put("prompt_tokens", prompt);
        usage.put("completion_tokens", completion);
        usage.put("total_tokens", prompt + completion);
        usage.putObject("prompt_tokens_details").put("cached_tokens", cached);
        usage.putObject("completion_tokens_details").put("reasoning_tokens", reasoning);
        return usage;
    }

    /**
     * OpenAI's body as the web app's {@link ChatRequest}, bound by the same JSON mapper and checked by the same
     * constraints, so both doors take the same types, ranges, counts and sizes. Only OpenAI's spellings are
     * translated first (a {@code developer} role, content as text parts, {@code max_completion_tokens}); errors
     * name the field as this client sent it, headers as headers.
     */
    private ChatRequest chatRequest(JsonNode body, HttpServerRequest http) {
        boolean completionTokens = body.hasNonNull("max_completion_tokens");
        ObjectNode translated = json.createObjectNode();
        translated.set("messages", messages(body.get("messages")));
        translated.set("max_tokens", body.get(completionTokens ? "max_completion_tokens" : "max_tokens"));
        translated.set("temperature", body.get("temperature"));
        translated.set("stream", body.get("stream"));
        translated.put("session_id", http.getHeader("X-LabGate-Session"));
        translated.put("context", http.getHeader("X-LabGate-Context"));
        Map<String, String> asSent = completionTokens ? Map.of("max_tokens", "max_completion_tokens") : Map.of();
        ChatRequest request;
        try {
            request = json.treeToValue(translated, ChatRequest.class);
        } catch (JsonProcessingException e) {
            throw renamed(JsonBodyErrors.of(e), asSent);
        }
        List<ApiError.Violation> violations = validator.validate(request).stream()
                .map(v -> ApiError.Violation.of(ViolationPaths.ofBean(v), v))
                .sorted(Comparator.comparing(ApiError.Violation::field))
                .toList();
        if (!violations.isEmpty()) {
            throw renamed(ApiException.invalid(violations), asSent);
        }
        return request;
    }

    /** Violations of fields that arrived under another name (a header, OpenAI's newer parameter) use that name. */
    private static ApiException renamed(ApiException e, Map<String, String> asSent) {
        if (e.violations().isEmpty()) {
            return e;
        }
        return ApiException.invalid(e.violations().stream()
                .map(v -> {
                    String field = asSent.getOrDefault(v.field(), HEADER_FIELDS.getOrDefault(v.field(), v.field()));
                    return new ApiError.Violation(field, v.code(), v.params(), v.message());
                })
                .toList());
    }

    /**
     * Messages with OpenAI's spellings translated: {@code developer} is a system message, content given as parts is
     * their text. Anything else is left for the binding and the constraints to judge, as on the web app's door.
     */
    private JsonNode messages(JsonNode messages) {
        if (messages == null || !messages.isArray()) {
            return messages;
        }
        ArrayNode translated = json.createArrayNode();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            if (!m.isObject()) {
                translated.add(m);
                continue;
            }
            ObjectNode message = translated.addObject();
            JsonNode role = m.get("role");
            message.set("role", role != null && "developer".equals(role.asText()) ? json.getNodeFactory().textNode("system") : role);
            message.set("content", text(m.get("content"), i));
        }
        return translated;
    }

    /** Content given as parts becomes their text; only text parts are supported. */
    private JsonNode text(JsonNode content, int index) {
        if (content == null || !content.isArray()) {
            return content;
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode part : content) {
            if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                throw ApiException.invalid("messages[" + index + "].content", ViolationCode.NOT_ONE_OF,
                        Map.of("allowed", List.of("text")), "only text parts are supported");
            }
            out.append(part.path("text").asText());
        }
        return json.getNodeFactory().textNode(out.toString());
    }
}

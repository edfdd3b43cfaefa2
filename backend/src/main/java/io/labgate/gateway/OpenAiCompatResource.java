package io.labgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labgate.apikeys.ApiKeyService;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.quota.QuotaExceededException;
import io.labgate.common.error.RetryableApiException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import io.labgate.common.error.ApiError;
import io.labgate.common.error.ViolationPaths;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI-compatible endpoint for members' own tools (notebooks, the OpenAI SDKs), authenticated by a
 * member API key {@code Authorization: Bearer lg-…}. Metered exactly like the web app. The model is the one
 * of the member's provider setting, whatever the client names. Errors use OpenAI's error shape.
 */
@Path("/v1")
@PermitAll
@RunOnVirtualThread
public class OpenAiCompatResource {

    private final GatewayService gateway;
    private final ApiKeyService apiKeys;
    private final MemberRouteResolver routes;
    private final ClientAddress clientAddress;
    private final ObjectMapper json;
    private final Validator validator;

    /** Request fields that arrive here as headers are named by their header in errors. */
    private static final Map<String, String> HEADER_FIELDS = Map.of(
            "session_id", "X-LabGate-Session", "context", "X-LabGate-Context");

    OpenAiCompatResource(GatewayService gateway, ApiKeyService apiKeys, MemberRouteResolver routes,
                         ClientAddress clientAddress, ObjectMapper json, Validator validator) {
        this.validator = validator;
        this.gateway = gateway;
        this.apiKeys = apiKeys;
        this.routes = routes;
        this.clientAddress = clientAddress;
        this.json = json;
    }

    @GET
    @Path("/models")
    public ObjectNode models(@Context HttpHeaders headers) {
        long memberId = authenticate(headers);
        MemberRoute route = routes.resolve(memberId, RequestType.CHATBOT);
        ObjectNode list = json.createObjectNode().put("object", "list");
        list.putArray("data").addObject()
                .put("id", route.connection().modelName())
                .put("object", "model")
                .put("created", 0)
                .put("owned_by", route.connection().provider().wireName());
        return list;
    }

    @POST
    @Path("/chat/completions")
    public Response chatCompletions(JsonNode body, @Context HttpServerRequest http, @Context HttpHeaders headers) {
        long memberId = authenticate(headers);
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("body", "must be a JSON object");
        }
        boolean stream = body.path("stream").asBoolean(false);
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
        ChatRequest request = new ChatRequest(messages(body.get("messages")), stream, maxTokens(body),
                body.hasNonNull("temperature") ? body.get("temperature").decimalValue() : null,
                headers.getHeaderString("X-LabGate-Session"), headers.getHeaderString("X-LabGate-Context"));
        validate(request);
        CallOrigin origin = new CallOrigin("api", clientAddress.of(http), headers.getHeaderString("User-Agent"));
        GatewayService.PreparedCall prepared = gateway.prepare(memberId, RequestType.CHATBOT, request, origin);
        if (!stream) {
            return Response.ok(completion(gateway.complete(prepared))).build();
        }
        return Response.ok(new OpenAiSseStream(gateway.stream(prepared), http.response(), json, prepared.id(),
                        prepared.call().model(), includeUsage))
                .type("text/event-stream").header("Cache-Control", "no-cache").build();
    }

    /** OpenAI's error shape, so the SDKs raise their usual exceptions. */
    @ServerExceptionMapper
    public Response openAiError(ApiException e) {
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
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(body);
        if (e instanceof RetryableApiException retryable) {
            response.header("Retry-After", retryable.retryAfterSeconds());
        }
        return response.build();
    }

    /** The same rules as the web app's body (ChatRequest's constraints), with headers named as headers. */
    private void validate(ChatRequest request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations.stream()
                    .map(v -> new ApiError.Violation(field(v), v.getMessage()))
                    .sorted(Comparator.comparing(ApiError.Violation::field))
                    .toList());
        }
    }

    private static String field(ConstraintViolation<?> violation) {
        String field = ViolationPaths.ofBean(violation);
        return HEADER_FIELDS.getOrDefault(field, field);
    }

    private long authenticate(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String key = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        return apiKeys.authenticate(key).orElseThrow(() -> new ApiException(401, "invalid_api_key",
                "Invalid or revoked LabGate API key; create one in LabGate under 'My API keys'"));
    }

    private static List<ChatRequest.Message> messages(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw ApiException.invalid("messages", "must contain at least one message");
        }
        List<ChatRequest.Message> messages = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode m = node.get(i);
            String role = m.path("role").asText("");
            if ("developer".equals(role)) {
                role = "system";
            }
            if (!role.matches("system|user|assistant")) {
                throw ApiException.invalid("messages[" + i + "].role", "must be system, user or assistant");
            }
            String content = text(m.get("content"));
            if (content == null || content.isEmpty()) {
                throw ApiException.invalid("messages[" + i + "].content", "must be non-empty text");
            }
            messages.add(new ChatRequest.Message(role, content));
        }
        return messages;
    }

    /** Content is a string or an array of parts; only text parts are supported. */
    private static String text(JsonNode content) {
        if (content == null || content.isNull()) {
            return null;
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) {
            StringBuilder out = new StringBuilder();
            for (JsonNode part : content) {
                if (!"text".equals(part.path("type").asText())) {
                    throw ApiException.invalid("messages.content", "only text parts are supported");
                }
                out.append(part.path("text").asText());
            }
            return out.toString();
        }
        return null;
    }

    private static Integer maxTokens(JsonNode body) {
        JsonNode value = body.hasNonNull("max_completion_tokens") ? body.get("max_completion_tokens")
                : body.get("max_tokens");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || value.asInt() < 1) {
            throw ApiException.invalid("max_tokens", "must be a positive integer");
        }
        return value.asInt();
    }

    private ObjectNode completion(ChatResponse response) {
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

}

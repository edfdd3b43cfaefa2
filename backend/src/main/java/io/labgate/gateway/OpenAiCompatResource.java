package io.labgate.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labgate.apikeys.ApiKeyService;
import io.labgate.common.web.ClientAddress;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.quota.QuotaExceededException;
import io.labgate.common.error.RetryableApiException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import io.labgate.common.error.ApiError;
import io.labgate.common.error.ApiExceptionMappers;
import io.labgate.common.error.JsonBodyErrors;
import io.labgate.common.error.ViolationCode;
import io.labgate.common.error.ViolationPaths;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

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
        if (body == null || body.isNull()) {
            throw ApiException.invalid("body", ViolationCode.REQUIRED, "a JSON body is required");
        }
        if (!body.isObject()) {
            throw new ApiException(400, ErrorCode.MALFORMED_JSON, "The request body has the wrong shape");
        }
        ChatRequest request = chatRequest(body, headers);
        boolean includeUsage = body.path("stream_options").path("include_usage").asBoolean(false);
        CallOrigin origin = new CallOrigin("api", clientAddress.of(http), headers.getHeaderString("User-Agent"));
        GatewayService.PreparedCall prepared = gateway.prepare(memberId, RequestType.CHATBOT, request, origin);
        if (!request.streaming()) {
            return Response.ok(completion(gateway.complete(prepared))).build();
        }
        return Response.ok(new OpenAiSseStream(gateway.stream(prepared), http.response(), json, prepared.id(),
                        prepared.call().model(), includeUsage))
                .type("text/event-stream").header("Cache-Control", "no-cache").build();
    }

    /** A body that is not JSON (or not of a JSON type a field takes), in OpenAI's shape. */
    @ServerExceptionMapper
    public Response malformedBody(JsonProcessingException e) {
        return openAiError(JsonBodyErrors.of(e));
    }

    /** JAX-RS's own refusals (a body it could not read, a wrong content type), in OpenAI's shape. */
    @ServerExceptionMapper
    public Response refused(WebApplicationException e) {
        return openAiError(ApiExceptionMappers.of(e));
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

    /**
     * OpenAI's body as the web app's {@link ChatRequest}, bound by the same JSON mapper and checked by the same
     * constraints, so both doors take the same types, ranges, counts and sizes. Only OpenAI's spellings are
     * translated first (a {@code developer} role, content as text parts, {@code max_completion_tokens}); errors
     * name the field as this client sent it, headers as headers.
     */
    private ChatRequest chatRequest(JsonNode body, HttpHeaders headers) {
        boolean completionTokens = body.hasNonNull("max_completion_tokens");
        ObjectNode translated = json.createObjectNode();
        translated.set("messages", messages(body.get("messages")));
        translated.set("max_tokens", body.get(completionTokens ? "max_completion_tokens" : "max_tokens"));
        translated.set("temperature", body.get("temperature"));
        translated.set("stream", body.get("stream"));
        translated.put("session_id", headers.getHeaderString("X-LabGate-Session"));
        translated.put("context", headers.getHeaderString("X-LabGate-Context"));
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

    private long authenticate(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String key = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        return apiKeys.authenticate(key).orElseThrow(() -> new ApiException(401, "invalid_api_key",
                "Invalid or revoked LabGate API key; create one in LabGate under 'My API keys'"));
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

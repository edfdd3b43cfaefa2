package io.labgate.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labgate.common.config.LabgateConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gemini generateContent / streamGenerateContent?alt=sse. Every chunk carries cumulative usageMetadata
 * (the last one counts); the stream ends when the connection closes. promptTokenCount includes cached
 * content; thinking tokens are billed as output and counted as reasoning.
 */
@Singleton
public class GeminiChatAdapter extends JsonAdapterSupport {

    GeminiChatAdapter(ProviderHttp http, ObjectMapper json, LabgateConfig config) {
        super(http, json, config);
    }

    @Override
    public boolean serves(Provider provider) {
        return provider == Provider.GEMINI;
    }

    @Override
    public Uni<ChatResult> complete(ProviderConnection connection, ChatCall call) {
        return answer(request(connection, call, false)).map(root -> result(root, call));
    }

    private ChatResult result(JsonNode root, ChatCall call) {
        JsonNode candidate = root.path("candidates").path(0);
        return new ChatResult(text(candidate), root.path("modelVersion").asText(call.model()),
                usage(root.path("usageMetadata")), candidate.path("finishReason").asText(null));
    }

    @Override
    public Multi<StreamEvent> stream(ProviderConnection connection, ChatCall call) {
        return SseParser.parse(http.stream(request(connection, call, true)))
                .onItem().transformToIterable(event -> {
                    JsonNode chunk = read(event.data());
                    if (chunk.has("error")) {
                        throw new UpstreamException(UpstreamException.Kind.UNAVAILABLE, 200,
                                "the provider reported an error mid-stream");
                    }
                    List<StreamEvent> out = new ArrayList<>(3);
                    JsonNode candidate = chunk.path("candidates").path(0);
                    String text = text(candidate);
                    if (!text.isEmpty()) {
                        out.add(new StreamEvent.Delta(text));
                    }
                    if (candidate.hasNonNull("finishReason")) {
                        out.add(new StreamEvent.Finish(candidate.get("finishReason").asText()));
                    }
                    TokenUsage usage = usage(chunk.path("usageMetadata"));
                    if (usage != null) {
                        out.add(new StreamEvent.Usage(usage, chunk.path("modelVersion").asText(call.model())));
                    }
                    return out;
                });
    }

    private static String text(JsonNode candidate) {
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (!part.path("thought").asBoolean(false)) {
                text.append(part.path("text").asText(""));
            }
        }
        return text.toString();
    }

    static TokenUsage usage(JsonNode u) {
        if (u == null || u.isMissingNode() || u.isNull()) {
            return null;
        }
        long thoughts = u.path("thoughtsTokenCount").asLong();
        return new TokenUsage(u.path("promptTokenCount").asLong(), u.path("candidatesTokenCount").asLong() + thoughts,
                u.path("cachedContentTokenCount").asLong(), 0, thoughts);
    }

    private ProviderHttp.Call request(ProviderConnection c, ChatCall call, boolean stream) {
        ObjectNode body = object();
        String system = call.messages().stream().filter(m -> "system".equals(m.role())).map(ChatMessage::content)
                .collect(Collectors.joining("\n\n"));
        if (!system.isEmpty()) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", system);
        }
        ArrayNode contents = body.putArray("contents");
        call.messages().stream().filter(m -> !"system".equals(m.role())).forEach(m -> contents.addObject()
                .put("role", "assistant".equals(m.role()) ? "model" : "user")
                .putArray("parts").addObject().put("text", m.content()));
        ObjectNode generation = body.putObject("generationConfig");
        generation.put("maxOutputTokens", call.maxTokens());
        if (call.temperature() != null) {
            generation.put("temperature", call.temperature());
        }
        String model = URLEncoder.encode(call.model(), StandardCharsets.UTF_8);
        String url = trimSlash(c.baseUrl()) + "/v1beta/models/" + model
                + (stream ? ":streamGenerateContent?alt=sse" : ":generateContent");
        return new ProviderHttp.Call(c.provider(), HttpMethod.POST, url, Map.of("x-goog-api-key", c.apiKey()),
                write(body));
    }
}

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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI Chat Completions, and OpenAI-compatible servers (vLLM, Ollama). Streams always ask for
 * {@code stream_options.include_usage}; usage arrives in the last chunk (choices empty). Cached input is
 * inside prompt_tokens and reasoning inside completion_tokens, as OpenAI bills them.
 */
@Singleton
public class OpenAiChatAdapter extends JsonAdapterSupport {

    OpenAiChatAdapter(ProviderHttp http, ObjectMapper json, LabgateConfig config) {
        super(http, json, config);
    }

    @Override
    public boolean serves(Provider provider) {
        return provider == Provider.OPENAI || provider == Provider.OPENAI_COMPATIBLE;
    }

    @Override
    public Uni<ChatResult> complete(ProviderConnection connection, ChatCall call) {
        return answer(request(connection, call, false)).map(root -> result(root, call));
    }

    private ChatResult result(JsonNode root, ChatCall call) {
        JsonNode choice = root.path("choices").path(0);
        if (choice.isMissingNode()) {
            throw new UpstreamException(UpstreamException.Kind.MALFORMED, 200, "the answer has no choices");
        }
        return new ChatResult(choice.path("message").path("content").asText(""),
                root.path("model").asText(call.model()), usage(root.path("usage")),
                choice.path("finish_reason").asText(null));
    }

    @Override
    public Multi<StreamEvent> stream(ProviderConnection connection, ChatCall call) {
        return SseParser.parse(http.stream(request(connection, call, true)))
                .select().where(event -> !"[DONE]".equals(event.data()))
                .onItem().transformToIterable(event -> events(event, call));
    }

    private List<StreamEvent> events(SseEvent event, ChatCall call) {
        JsonNode chunk = read(event.data());
        if (chunk.has("error")) {
            throw new UpstreamException(UpstreamException.Kind.UNAVAILABLE, 200, "the provider reported an error mid-stream");
        }
        List<StreamEvent> out = new ArrayList<>(2);
        JsonNode choice = chunk.path("choices").path(0);
        String text = choice.path("delta").path("content").asText("");
        if (!text.isEmpty()) {
            out.add(new StreamEvent.Delta(text));
        }
        if (choice.hasNonNull("finish_reason")) {
            out.add(new StreamEvent.Finish(choice.get("finish_reason").asText()));
        }
        if (chunk.hasNonNull("usage")) {
            out.add(new StreamEvent.Usage(usage(chunk.get("usage")), chunk.path("model").asText(call.model())));
        }
        return out;
    }

    static TokenUsage usage(JsonNode u) {
        if (u == null || u.isMissingNode() || u.isNull()) {
            return null;
        }
        return new TokenUsage(u.path("prompt_tokens").asLong(), u.path("completion_tokens").asLong(),
                u.path("prompt_tokens_details").path("cached_tokens").asLong(), 0,
                u.path("completion_tokens_details").path("reasoning_tokens").asLong());
    }

    private ProviderHttp.Call request(ProviderConnection c, ChatCall call, boolean stream) {
        ObjectNode body = object();
        body.put("model", call.model());
        ArrayNode messages = body.putArray("messages");
        call.messages().forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
        // OpenAI's current name for the output budget; self-hosted servers still speak max_tokens.
        body.put(c.provider() == Provider.OPENAI ? "max_completion_tokens" : "max_tokens", call.maxTokens());
        if (call.temperature() != null) {
            body.put("temperature", call.temperature());
        }
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        Map<String, String> headers = new HashMap<>();
        if (c.apiKey() != null) {
            headers.put("Authorization", "Bearer " + c.apiKey());
        }
        if (stream) {
            headers.put("Accept", "text/event-stream");
        }
        return new ProviderHttp.Call(c.provider(), HttpMethod.POST, trimSlash(c.baseUrl()) + "/chat/completions",
                headers, write(body));
    }
}

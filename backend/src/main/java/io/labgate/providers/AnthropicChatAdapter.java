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

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Anthropic Messages. Anthropic reports {@code input_tokens} without cached input; cache reads and writes
 * come apart and are added in here. In a stream, message_start carries the input usage and message_delta
 * the cumulative output — the last value counts, nothing is summed.
 */
@Singleton
public class AnthropicChatAdapter extends JsonAdapterSupport {

    /** Anthropic's API version header, for calls and connection tests alike. */
    static final String VERSION = "2023-06-01";

    AnthropicChatAdapter(ProviderHttp http, ObjectMapper json, LabgateConfig config) {
        super(http, json, config);
    }

    @Override
    public boolean serves(Provider provider) {
        return provider == Provider.ANTHROPIC;
    }

    @Override
    public Uni<ChatResult> complete(ProviderConnection connection, ChatCall call) {
        return answer(request(connection, call, false)).map(root -> result(root, call));
    }

    private ChatResult result(JsonNode root, ChatCall call) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : root.path("content")) {
            if ("text".equals(block.path("type").asText())) {
                text.append(block.path("text").asText());
            }
        }
        return new ChatResult(text.toString(), root.path("model").asText(call.model()),
                new UsageState().start(root.path("usage")).current(), root.path("stop_reason").asText(null));
    }

    @Override
    public Multi<StreamEvent> stream(ProviderConnection connection, ChatCall call) {
        UsageState usage = new UsageState();
        String[] model = {call.model()};
        return SseParser.parse(http.stream(request(connection, call, true)))
                .onItem().transformToIterable(event -> {
                    JsonNode data = read(event.data());
                    return switch (data.path("type").asText()) {
                        case "message_start" -> {
                            model[0] = data.path("message").path("model").asText(model[0]);
                            usage.start(data.path("message").path("usage"));
                            yield List.<StreamEvent>of(new StreamEvent.Usage(usage.current(), model[0]));
                        }
                        case "content_block_delta" -> "text_delta".equals(data.path("delta").path("type").asText())
                                ? List.<StreamEvent>of(new StreamEvent.Delta(data.path("delta").path("text").asText()))
                                : List.<StreamEvent>of();
                        case "message_delta" -> {
                            usage.delta(data.path("usage"));
                            String stop = data.path("delta").path("stop_reason").asText(null);
                            yield stop == null ? List.<StreamEvent>of(new StreamEvent.Usage(usage.current(), model[0]))
                                    : List.of(new StreamEvent.Finish(stop), new StreamEvent.Usage(usage.current(), model[0]));
                        }
                        case "error" -> throw new UpstreamException(UpstreamException.Kind.UNAVAILABLE, 200,
                                "the provider reported " + data.path("error").path("type").asText("an error") + " mid-stream");
                        default -> List.<StreamEvent>of();
                    };
                });
    }

    /** Anthropic's usage fields, last value wins, normalised to {@link TokenUsage}. */
    static final class UsageState {
        private long input;
        private long cacheRead;
        private long cacheWrite;
        private long output;

        UsageState start(JsonNode u) {
            input = u.path("input_tokens").asLong(input);
            cacheRead = u.path("cache_read_input_tokens").asLong(cacheRead);
            cacheWrite = u.path("cache_creation_input_tokens").asLong(cacheWrite);
            output = u.path("output_tokens").asLong(output);
            return this;
        }

        void delta(JsonNode u) {
            if (u.hasNonNull("input_tokens")) {
                input = u.get("input_tokens").asLong();
            }
            if (u.hasNonNull("cache_read_input_tokens")) {
                cacheRead = u.get("cache_read_input_tokens").asLong();
            }
            if (u.hasNonNull("cache_creation_input_tokens")) {
                cacheWrite = u.get("cache_creation_input_tokens").asLong();
            }
            if (u.hasNonNull("output_tokens")) {
                output = u.get("output_tokens").asLong();
            }
        }

        TokenUsage current() {
            return new TokenUsage(input + cacheRead + cacheWrite, output, cacheRead, cacheWrite, 0);
        }
    }

    private ProviderHttp.Call request(ProviderConnection c, ChatCall call, boolean stream) {
        ObjectNode body = object();
        body.put("model", call.model());
        body.put("max_tokens", call.maxTokens());
        String system = call.messages().stream().filter(m -> "system".equals(m.role())).map(ChatMessage::content)
                .collect(Collectors.joining("\n\n"));
        if (!system.isEmpty()) {
            body.put("system", system);
        }
        ArrayNode messages = body.putArray("messages");
        call.messages().stream().filter(m -> !"system".equals(m.role()))
                .forEach(m -> messages.addObject().put("role", m.role()).put("content", m.content()));
        if (call.temperature() != null) {
            body.put("temperature", call.temperature().min(java.math.BigDecimal.ONE));
        }
        if (stream) {
            body.put("stream", true);
        }
        return new ProviderHttp.Call(c.provider(), HttpMethod.POST, trimSlash(c.baseUrl()) + "/v1/messages",
                Map.of("x-api-key", c.apiKey(), "anthropic-version", VERSION), write(body));
    }
}

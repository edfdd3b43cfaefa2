package io.labgate.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.common.error.ApiError;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerResponse;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The web app's stream: {@code delta} events with text, then {@code done} with usage and cost, or {@code error}. */
final class SseStream extends GatewayStreamOutput {

    private final ObjectMapper json;
    private final RequestType type;

    SseStream(Multi<GatewayService.StreamItem> items, HttpServerResponse connection, ObjectMapper json,
              RequestType type) {
        super(items, connection);
        this.json = json;
        this.type = type;
    }

    @Override
    protected String item(GatewayService.StreamItem item) {
        return switch (item) {
            case GatewayService.StreamItem.Text t -> delta(t.text());
            case GatewayService.StreamItem.Done d -> event("done", summary(d.summary()));
            case GatewayService.StreamItem.Failed f -> event("error",
                    new ApiError(f.error().code(), f.error().getMessage(), f.error().violations()));
        };
    }

    private Map<String, Object> summary(GatewayService.StreamSummary s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", s.id());
        body.put("model", s.model());
        body.put("usage", ChatResponse.UsageView.of(s.usage()));
        body.put("cost", s.cost());
        body.put("finish_reason", s.finishReason());
        body.put("request_type", type.wireName());
        return body;
    }

    /** As event("delta", {"text": …}) would write it, without a serializer per piece of text. */
    private static String delta(String text) {
        StringBuilder out = new StringBuilder(text.length() + 32).append("event: delta\ndata: {\"text\":\"");
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        return out.append("\"}\n\n").toString();
    }

    private String event(String name, Object data) {
        try {
            return "event: " + name + "\ndata: " + json.writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

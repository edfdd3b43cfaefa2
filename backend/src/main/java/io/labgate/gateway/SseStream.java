package io.labgate.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.common.error.ApiError;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerResponse;

import java.io.IOException;
import java.io.OutputStream;
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
    protected void item(OutputStream out, GatewayService.StreamItem item) throws IOException {
        switch (item) {
            case GatewayService.StreamItem.Text t -> event(out, "delta", Map.of("text", t.text()));
            case GatewayService.StreamItem.Done d -> event(out, "done", summary(d.summary()));
            case GatewayService.StreamItem.Failed f -> event(out, "error",
                    new ApiError(f.error().code(), f.error().getMessage(), f.error().violations()));
        }
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

    private void event(OutputStream out, String name, Object data) throws IOException {
        frame(out, "event: " + name + "\ndata: " + json.writeValueAsString(data) + "\n\n");
    }
}

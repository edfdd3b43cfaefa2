package io.labgate.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.common.error.ApiError;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a gateway stream as Server-Sent Events, flushing each event as it arrives. When the client goes
 * away the write fails; cancelling the upstream subscription then settles what was used.
 */
final class SseStream implements StreamingOutput {

    private static final Logger LOG = Logger.getLogger(SseStream.class);

    private final Multi<GatewayService.StreamItem> items;
    private final ObjectMapper json;
    private final RequestType type;

    SseStream(Multi<GatewayService.StreamItem> items, ObjectMapper json, RequestType type) {
        this.items = items;
        this.json = json;
        this.type = type;
    }

    @Override
    public void write(OutputStream out) {
        try {
            writeEvents(out);
        } catch (IOException clientGone) {
            // The client went away; closing the stream cancelled the call, which settles what was used.
            LOG.debugf("Stream client disconnected: %s", clientGone.getMessage());
        }
    }

    private void writeEvents(OutputStream out) throws IOException {
        // Closing the stream cancels the upstream subscription (client gone → settle what was used).
        try (Stream<GatewayService.StreamItem> stream = items.subscribe().asStream()) {
            Iterator<GatewayService.StreamItem> iterator = stream.iterator();
            while (iterator.hasNext()) {
                GatewayService.StreamItem item = iterator.next();
                switch (item) {
                    case GatewayService.StreamItem.Text t -> event(out, "delta", Map.of("text", t.text()));
                    case GatewayService.StreamItem.Done d -> event(out, "done", summary(d.summary()));
                    case GatewayService.StreamItem.Failed f -> event(out, "error",
                            new ApiError(f.error().code(), f.error().getMessage(), f.error().violations()));
                }
            }
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
        String frame = "event: " + name + "\ndata: " + json.writeValueAsString(data) + "\n\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

}

package io.labgate.gateway;

import io.labgate.providers.TokenUsage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.stream.Stream;

/** A gateway stream in OpenAI's chat.completion.chunk format, ending with {@code data: [DONE]}. */
final class OpenAiSseStream implements StreamingOutput {

    private static final Logger LOG = Logger.getLogger(OpenAiSseStream.class);

    private final Multi<GatewayService.StreamItem> items;
    private final ObjectMapper json;
    private final String id;
    private final String model;
    private final boolean includeUsage;
    private final long created = System.currentTimeMillis() / 1000;

    OpenAiSseStream(Multi<GatewayService.StreamItem> items, ObjectMapper json, String id, String model,
                    boolean includeUsage) {
        this.items = items;
        this.json = json;
        this.id = id;
        this.model = model;
        this.includeUsage = includeUsage;
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
        boolean first = true;
        try (Stream<GatewayService.StreamItem> stream = items.subscribe().asStream()) {
            Iterator<GatewayService.StreamItem> iterator = stream.iterator();
            while (iterator.hasNext()) {
                switch (iterator.next()) {
                    case GatewayService.StreamItem.Text t -> {
                        ObjectNode chunk = chunk();
                        ObjectNode delta = chunk.withArray("choices").addObject().put("index", 0)
                                .putObject("delta");
                        if (first) {
                            delta.put("role", "assistant");
                            first = false;
                        }
                        delta.put("content", t.text());
                        ((ObjectNode) chunk.get("choices").get(0)).putNull("finish_reason");
                        send(out, chunk);
                    }
                    case GatewayService.StreamItem.Done d -> {
                        ObjectNode last = chunk();
                        ObjectNode choice = last.withArray("choices").addObject().put("index", 0);
                        choice.putObject("delta");
                        choice.put("finish_reason", d.summary().finishReason() == null ? "stop"
                                : d.summary().finishReason());
                        send(out, last);
                        if (includeUsage) {
                            ObjectNode usageChunk = chunk();
                            usageChunk.putArray("choices");
                            TokenUsage u = d.summary().usage();
                            usageChunk.set("usage", OpenAiCompatResource.usage(json, u.promptTokens(),
                                    u.completionTokens(), u.cachedTokens(), u.reasoningTokens()));
                            send(out, usageChunk);
                        }
                    }
                    case GatewayService.StreamItem.Failed f -> {
                        ObjectNode error = json.createObjectNode();
                        error.putObject("error").put("message", f.error().getMessage())
                                .put("type", "api_error").put("code", f.error().code());
                        send(out, error);
                    }
                }
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private ObjectNode chunk() {
        ObjectNode chunk = json.createObjectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        return chunk;
    }

    private void send(OutputStream out, ObjectNode data) throws IOException {
        out.write(("data: " + json.writeValueAsString(data) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}

package io.labgate.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labgate.providers.TokenUsage;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerResponse;

import java.io.UncheckedIOException;

/** A gateway stream in OpenAI's chat.completion.chunk format, ending with {@code data: [DONE]}. */
final class OpenAiSseStream extends GatewayStreamOutput {

    private final ObjectMapper json;
    private final String id;
    private final String model;
    private final boolean includeUsage;
    private final long created = System.currentTimeMillis() / 1000;
    /** Every chunk up to its choices, written once: a delta then costs only its text's escaping. */
    private final String chunkStart;
    private boolean first = true;

    OpenAiSseStream(Multi<GatewayService.StreamItem> items, HttpServerResponse connection, ObjectMapper json,
                    String id, String model, boolean includeUsage) {
        super(items, connection);
        this.json = json;
        this.id = id;
        this.model = model;
        this.includeUsage = includeUsage;
        StringBuilder start = new StringBuilder("data: {\"id\":");
        quoted(start, id);
        start.append(",\"object\":\"chat.completion.chunk\",\"created\":").append(created).append(",\"model\":");
        quoted(start, model);
        this.chunkStart = start.append(",\"choices\":[{\"index\":0,\"delta\":{").toString();
    }

    @Override
    protected String item(GatewayService.StreamItem item) {
        StringBuilder out = new StringBuilder();
        switch (item) {
            case GatewayService.StreamItem.Text t -> {
                // As chunk() would serialize it: {"id",…,"choices":[{"index":0,"delta":{…},"finish_reason":null}]}
                out.append(chunkStart);
                if (first) {
                    out.append("\"role\":\"assistant\",");
                    first = false;
                }
                out.append("\"content\":");
                quoted(out, t.text());
                out.append("},\"finish_reason\":null}]}\n\n");
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
                    usageChunk.set("usage", OpenAiDialect.usage(json, u.promptTokens(),
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
        return out.toString();
    }

    @Override
    protected String end() {
        return "data: [DONE]\n\n";
    }

    private ObjectNode chunk() {
        ObjectNode chunk = json.createObjectNode();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        return chunk;
    }

    private static void quoted(StringBuilder out, String text) {
        out.append('"');
        JsonStringEncoder.getInstance().quoteAsString(text, out);
        out.append('"');
    }

    private void send(StringBuilder out, ObjectNode data) {
        try {
            out.append("data: ").append(json.writeValueAsString(data)).append("\n\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

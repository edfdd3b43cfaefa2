package io.labgate.providers;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a byte stream into Server-Sent Events as bytes arrive (no buffering of the whole body). Handles
 * events split across network chunks, CRLF line ends, comments and multi-line data.
 */
final class SseParser {

    private final StringBuilder pending = new StringBuilder();
    private String event;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    static Multi<SseEvent> parse(Multi<Buffer> body) {
        SseParser parser = new SseParser();
        return body.onItem().transformToIterable(chunk -> parser.feed(chunk.toString(StandardCharsets.UTF_8)))
                .onCompletion().switchTo(() -> Multi.createFrom().iterable(parser.finish()));
    }

    List<SseEvent> feed(String text) {
        pending.append(text);
        List<SseEvent> out = new ArrayList<>();
        int newline;
        while ((newline = pending.indexOf("\n")) >= 0) {
            String line = pending.substring(0, newline);
            pending.delete(0, newline + 1);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            line(line, out);
        }
        return out;
    }

    List<SseEvent> finish() {
        List<SseEvent> out = new ArrayList<>();
        if (!pending.isEmpty()) {
            line(pending.toString(), out);
            pending.setLength(0);
        }
        line("", out);
        return out;
    }

    private void line(String line, List<SseEvent> out) {
        if (line.isEmpty()) {
            if (hasData) {
                out.add(new SseEvent(event, data.toString()));
            }
            event = null;
            data.setLength(0);
            hasData = false;
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> event = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            default -> { }
        }
    }
}

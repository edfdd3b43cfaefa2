package io.labgate.providers;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a byte stream into Server-Sent Events as bytes arrive (no buffering of the whole body). Handles
 * events split across network chunks, CRLF line ends, comments and multi-line data.
 *
 * <p>Bytes are kept until a whole line is in and only then decoded: a chunk can end inside a multi-byte
 * UTF-8 character (Korean text always takes three bytes), and a {@code \n} byte never occurs inside one.
 */
final class SseParser {

    private byte[] pending = new byte[1024];
    private int pendingLength;
    private String event;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;

    static Multi<SseEvent> parse(Multi<Buffer> body) {
        SseParser parser = new SseParser();
        return body.onItem().transformToIterable(chunk -> parser.feed(chunk.getBytes()))
                .onCompletion().switchTo(() -> Multi.createFrom().iterable(parser.finish()));
    }

    List<SseEvent> feed(byte[] chunk) {
        if (pendingLength + chunk.length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + chunk.length));
        }
        System.arraycopy(chunk, 0, pending, pendingLength, chunk.length);
        int scanFrom = pendingLength;
        pendingLength += chunk.length;

        List<SseEvent> out = new ArrayList<>();
        int lineStart = 0;
        for (int i = scanFrom; i < pendingLength; i++) {
            if (pending[i] == '\n') {
                int lineEnd = i > lineStart && pending[i - 1] == '\r' ? i - 1 : i;
                line(new String(pending, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8), out);
                lineStart = i + 1;
            }
        }
        if (lineStart > 0) {
            System.arraycopy(pending, lineStart, pending, 0, pendingLength - lineStart);
            pendingLength -= lineStart;
        }
        return out;
    }

    List<SseEvent> finish() {
        List<SseEvent> out = new ArrayList<>();
        if (pendingLength > 0) {
            line(new String(pending, 0, pendingLength, StandardCharsets.UTF_8), out);
            pendingLength = 0;
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

package io.labgate.providers;

import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The SSE reader against byte streams cut the way a network cuts them. */
class SseParserTest {

    private static List<SseEvent> parse(byte[]... chunks) {
        return SseParser.parse(Multi.createFrom().iterable(Arrays.stream(chunks).map(Buffer::buffer).toList()))
                .collect().asList().await().indefinitely();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code bytes} cut after each of the given offsets. */
    private static byte[][] cut(byte[] bytes, int... offsets) {
        List<byte[]> chunks = new ArrayList<>();
        int from = 0;
        for (int offset : offsets) {
            chunks.add(Arrays.copyOfRange(bytes, from, offset));
            from = offset;
        }
        chunks.add(Arrays.copyOfRange(bytes, from, bytes.length));
        return chunks.toArray(byte[][]::new);
    }

    @Test
    void aHangulCharacterSplitAcrossChunksArrivesWhole() {
        byte[] frame = utf8("data: {\"content\":\"안녕하세요\"}\n\n");
        int start = utf8("data: {\"content\":\"안").length;
        assertEquals(3, utf8("녕").length);

        // After the first byte of 녕, and after its second byte.
        for (int split = start + 1; split <= start + 2; split++) {
            List<SseEvent> events = parse(cut(frame, split));
            assertEquals(List.of(new SseEvent(null, "{\"content\":\"안녕하세요\"}")), events, "split at " + split);
        }
    }

    @Test
    void everyByteInItsOwnChunkStillGivesTheSameEvents() {
        String stream = ": keep-alive comment\r\n"
                + "event: message_start\r\n"
                + "data: {\"text\":\"연구 노트 📓\"}\r\n"
                + "\r\n"
                + "data: 첫째 줄\n"
                + "data: 둘째 줄\n"
                + "\n"
                + "event: ping\n"
                + "data:\n"
                + "\n"
                + "data: 끝";
        List<SseEvent> expected = List.of(
                new SseEvent("message_start", "{\"text\":\"연구 노트 📓\"}"),
                new SseEvent(null, "첫째 줄\n둘째 줄"),
                new SseEvent("ping", ""),
                new SseEvent(null, "끝"));
        byte[] bytes = utf8(stream);
        assertEquals(expected, parse(bytes));

        byte[][] oneByteEach = new byte[bytes.length][];
        for (int i = 0; i < bytes.length; i++) {
            oneByteEach[i] = new byte[] {bytes[i]};
        }
        assertEquals(expected, parse(oneByteEach));
    }

    @Test
    void anEventSplitAcrossManyChunksIsEmittedOnceItsBlankLineArrives() {
        byte[] bytes = utf8("data: {\"delta\":\"가나다\"}\n\ndata: {\"delta\":\"라마\"}\n\n");
        // Cut inside the first line, between the event's two newlines, and after two of 마's three bytes.
        int betweenNewlines = utf8("data: {\"delta\":\"가나다\"}\n").length;
        int insideMa = utf8("data: {\"delta\":\"가나다\"}\n\ndata: {\"delta\":\"라").length + 2;
        List<SseEvent> events = parse(cut(bytes, 9, betweenNewlines, insideMa));
        assertEquals(List.of(new SseEvent(null, "{\"delta\":\"가나다\"}"), new SseEvent(null, "{\"delta\":\"라마\"}")),
                events);
    }
}

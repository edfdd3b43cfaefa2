package io.labgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The delta frames, written without a serializer per piece, are the JSON a serializer would have written. */
class StreamFramesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TEXTS = {"일관성 비율은 0.1 미만", "\"quoted\" \\ back\\slash", "line\nbreak\ttab\r",
            "\u0000\u0001\u001f control", "emoji 🧪 and </script>", "", "한"};

    @Test
    void openAiChunksCarryTheTextExactlyAndTheRoleOnlyFirst() throws Exception {
        OpenAiSseStream stream = new OpenAiSseStream(Multi.createFrom().empty(), null, JSON, "chat-\"7\"",
                "gpt-4o-mini", true);
        boolean first = true;
        for (String text : TEXTS) {
            String frame = stream.item(new GatewayService.StreamItem.Text(text));
            assertTrue(frame.startsWith("data: ") && frame.endsWith("\n\n") && frame.indexOf('\n') == frame.length() - 2,
                    "one SSE data line: " + frame);
            JsonNode chunk = JSON.readTree(frame.substring(6));
            assertEquals("chat-\"7\"", chunk.get("id").asText());
            assertEquals("chat.completion.chunk", chunk.get("object").asText());
            assertTrue(chunk.get("created").isNumber());
            assertEquals("gpt-4o-mini", chunk.get("model").asText());
            JsonNode choice = chunk.get("choices").get(0);
            assertEquals(0, choice.get("index").asInt());
            assertTrue(choice.get("finish_reason").isNull());
            assertEquals(text, choice.get("delta").get("content").asText());
            assertEquals(first, choice.get("delta").has("role"));
            if (first) {
                assertEquals("assistant", choice.get("delta").get("role").asText());
            }
            first = false;
        }
    }

    @Test
    void webAppDeltasCarryTheTextExactly() throws Exception {
        SseStream stream = new SseStream(Multi.createFrom().empty(), null, JSON, RequestType.CHATBOT);
        for (String text : TEXTS) {
            String frame = stream.item(new GatewayService.StreamItem.Text(text));
            assertTrue(frame.startsWith("event: delta\ndata: ") && frame.endsWith("\n\n"), frame);
            String data = frame.substring("event: delta\ndata: ".length(), frame.length() - 2);
            assertTrue(data.indexOf('\n') < 0, "one data line: " + frame);
            assertEquals(JSON.writeValueAsString(java.util.Map.of("text", text)), data);
        }
    }
}

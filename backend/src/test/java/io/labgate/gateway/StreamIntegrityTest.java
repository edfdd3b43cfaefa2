package io.labgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.support.Api;
import io.labgate.support.ProviderStubServer;
import io.labgate.support.Researchers;
import io.labgate.support.ProviderStubServer.Reply;
import io.labgate.ledger.CallLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a provider streams reaches the member, the usage log and the prompt log intact, and no further. */
@QuarkusTest
class StreamIntegrityTest {

    private static final String CHUNK = "data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\","
            + "\"created\":1741569952,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},"
            + "\"finish_reason\":null}],\"usage\":null}\n\n";

    @Inject
    EntityManager em;

    @Inject
    CallLedger usageLog;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/v1/chat/completions")
    URL completions;

    ProviderStubServer stub;

    @BeforeEach
    void start() {
        stub = new ProviderStubServer();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private record Researcher(long memberId, String key) {
    }

    /** A member on an OpenAI setting that points at the stub, with an API key for /v1. */
    private Researcher researcherOnStub() {
        Researchers.Researcher r = Researchers.on(Map.of("name", Api.unique("integrity"), "provider", "openai",
                "base_url", stub.baseUrl() + "/v1", "api_key", "sk-integrity-test-000001", "model_name", "gpt-4o-mini",
                "max_tokens", 500), "premium");
        return new Researcher(r.member().id(), r.key());
    }

    private HttpResponse<InputStream> openStream(Researcher r, String prompt) throws Exception {
        String body = json.writeValueAsString(Map.of("model", "gpt-4o-mini", "stream", true,
                "messages", List.of(Map.of("role", "user", "content", prompt))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(completions.toString()))
                .header("Authorization", "Bearer " + r.key()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        return response;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void koreanSplitInsideACharacterAcrossTwoWritesArrivesIntactEverywhere() throws Exception {
        String answer = "안녕하세요, 연구자님. 쌍대비교 행렬의 일관성 비율은 0.08입니다.";
        String chunk = CHUNK.formatted(answer);
        byte[] first = utf8(chunk);
        // Cut after the first of 녕's three bytes: neither write is valid UTF-8 on its own.
        int cut = utf8(chunk.substring(0, chunk.indexOf('녕'))).length + 1;
        stub.on("POST", "/v1/chat/completions", Reply.sseBytes(
                Arrays.copyOfRange(first, 0, cut),
                Arrays.copyOfRange(first, cut, first.length),
                utf8("data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,"
                        + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":null}\n\n"),
                utf8("data: {\"id\":\"chatcmpl-7\",\"object\":\"chat.completion.chunk\",\"created\":1741569952,"
                        + "\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":14,"
                        + "\"completion_tokens\":22,\"total_tokens\":36}}\n\n"),
                utf8("data: [DONE]\n\n")).paced(30));
        Researcher r = researcherOnStub();

        StringBuilder streamed = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                openStream(r, "일관성 비율을 설명해 주세요").body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data: {")) {
                    JsonNode data = json.readTree(line.substring("data: ".length()));
                    streamed.append(data.path("choices").path(0).path("delta").path("content").asText(""));
                }
            }
        }
        assertEquals(5, stub.framesWritten(), "the answer came in two writes, then finish, usage and [DONE]");
        assertEquals(answer, streamed.toString());

        usageLog.awaitIdle(10_000);
        Object[] usage = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select status, response, prompt, total_tokens from usage_logs where member_id = ?1")
                .setParameter(1, r.memberId()).getSingleResult());
        assertEquals("ok", usage[0]);
        assertEquals(answer, usage[1]);
        assertEquals("일관성 비율을 설명해 주세요", usage[2]);
        assertEquals(36, ((Number) usage[3]).intValue());
        Object[] prompt = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select ai_response, user_prompt, source from prompt_logs where member_id = ?1")
                .setParameter(1, r.memberId()).getSingleResult());
        assertEquals(answer, prompt[0]);
        assertEquals("일관성 비율을 설명해 주세요", prompt[1]);
        assertEquals("api", prompt[2]);
    }

    @Test
    void whenTheMemberDisconnectsTheProviderRequestIsAbortedToo() throws Exception {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            frames.add(CHUNK.formatted("토큰" + i + " "));
        }
        // 100 frames at 50 ms: five seconds of generation if nobody stops it.
        stub.on("POST", "/v1/chat/completions", Reply.sse(frames.toArray(String[]::new)).paced(50));
        Researcher r = researcherOnStub();

        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                openStream(r, "길게 답해 주세요").body(), StandardCharsets.UTF_8))) {
            int read = 0;
            while (read < 2) {
                String line = lines.readLine();
                assertNotNull(line, "the stream ended early");
                if (line.startsWith("data: {")) {
                    read++;
                }
            }
        }
        // The member left after two frames; the provider must find its connection closed soon after, not
        // generate (and bill) the remaining seconds for nobody.
        int written = stub.writeFailed().get(3, TimeUnit.SECONDS);
        assertTrue(written < 30, "the provider kept generating for " + written + " of 100 frames");
        Thread.sleep(500);
        assertEquals(written, stub.framesWritten(), "nothing more was written, by this request or a retry");
        assertEquals(1, stub.received().size());
    }
}

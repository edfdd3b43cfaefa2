package io.labgate.gateway;

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
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * More concurrent streams than any thread pool has threads: each stream waits for its provider on a virtual
 * thread, so every one completes with all its frames and the server keeps answering meanwhile.
 */
@QuarkusTest
class ManyStreamsTest {

    private static final int STREAMS = 1000;
    private static final int DELTAS = 8;
    private static final int MEMBERS = 10;
    private static final long RAMP_MILLIS = 2000;

    @TestHTTPResource("/")
    URL root;

    @Inject
    EntityManager em;

    @Inject
    CallLedger usageLog;

    @Test
    void aThousandConcurrentStreamsAllCompleteAndHealthAnswersThroughout() throws Exception {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < DELTAS; i++) {
            frames.add("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                    + "\"delta\":{\"content\":\"t" + i + " \"},\"finish_reason\":null}]}\n\n");
        }
        frames.add("data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":8,\"total_tokens\":18}}\n\n");
        frames.add("data: [DONE]\n\n");
        try (ProviderStubServer stub = new ProviderStubServer()) {
            // A model producing a token every 300 ms: each stream lasts about 3 s, longer than the ramp of starts.
            stub.on("POST", "/v1/chat/completions", Reply.sse(frames.toArray(String[]::new)).paced(300));
            // A class of researchers on one provider setting, each with a notebook key.
            Map<String, Object> setting = Map.of("provider", "openai_compatible", "base_url", stub.baseUrl() + "/v1",
                    "api_key", "sk-many-streams-0001", "model_name", "m");
            Researchers.Researcher first = Researchers.on(setting, "enterprise");
            List<Long> members = new ArrayList<>(List.of(first.member().id()));
            List<String> keys = new ArrayList<>(List.of(first.key()));
            int planId = Api.asAdmin().get("/api/admin/plans").then().extract()
                    .path("find { it.name == 'enterprise' }.id");
            for (int i = 1; i < MEMBERS; i++) {
                Api.TestMember m = Api.newResearcher();
                Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId, "ai_settings_id", first.settingId()))
                        .post("/api/admin/user-ai-access").then().statusCode(201);
                members.add(m.id());
                keys.add(Api.as(m.token()).body(Map.of("name", "many")).post("/api/me/api-keys")
                        .then().statusCode(201).extract().path("key"));
            }

            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .connectTimeout(Duration.ofSeconds(30)).build();

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong slowestHealthMillis = new AtomicLong();
            AtomicLong healthChecks = new AtomicLong();
            AtomicLong healthFailures = new AtomicLong();
            Thread health = Thread.ofVirtual().start(() -> {
                HttpRequest ready = HttpRequest.newBuilder(URI.create(root + "q/health/ready"))
                        .timeout(Duration.ofSeconds(10)).build();
                while (running.get()) {
                    long start = System.nanoTime();
                    try {
                        int status = client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) {
                            healthFailures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        healthFailures.incrementAndGet();
                    }
                    healthChecks.incrementAndGet();
                    slowestHealthMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });

            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                HttpRequest stream = HttpRequest.newBuilder(URI.create(root + "v1/chat/completions"))
                        .header("Authorization", "Bearer " + keys.get(i % MEMBERS))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(120))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"stream\":true,\"messages\":"
                                + "[{\"role\":\"user\",\"content\":\"hello\"}]}")).build();
                calls.add(client.sendAsync(stream, HttpResponse.BodyHandlers.ofString()));
                if (i % 10 == 9) {
                    Thread.sleep(RAMP_MILLIS * 10 / STREAMS); // all started within the ramp, all still running
                }
            }
            int complete = 0;
            List<String> failures = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                HttpResponse<String> response = call.get(180, TimeUnit.SECONDS);
                String body = response.body();
                long deltas = body.lines().filter(l -> l.contains("\"content\":\"t")).count();
                if (response.statusCode() == 200 && deltas == DELTAS && body.contains("data: [DONE]")) {
                    complete++;
                } else if (failures.size() < 3) {
                    failures.add(response.statusCode() + " " + body.substring(0, Math.min(300, body.length())));
                }
            }
            running.set(false);
            health.join();

            assertEquals(STREAMS, complete, "every stream completes with all its frames: " + failures);
            assertTrue(healthChecks.get() > 5, "health was probed during the streams");
            assertEquals(0, healthFailures.get(), "health answered throughout");
            assertTrue(slowestHealthMillis.get() < 5_000, "slowest health answer " + slowestHealthMillis.get() + " ms");
            usageLog.awaitIdle(30_000);
            long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "select count(*) from usage_logs where member_id in (?1) and status = 'ok' and total_tokens = 18")
                    .setParameter(1, members).getSingleResult()).longValue());
            assertEquals(STREAMS, rows, "every stream is logged once, as the provider reported it");
        }
    }
}

package io.labgate.providers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.common.config.LabgateConfig;
import io.labgate.support.ProviderStubServer;
import io.labgate.support.ProviderStubServer.Reply;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.netty.channel.ConnectTimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider HTTP client against real sockets, each test with its own settings (short time-outs, a small
 * pool), so the failure modes are quick to provoke.
 */
class ProviderHttpTest {

    private static Vertx vertx;

    private ProviderStubServer stub;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.closeAndAwait();
    }

    @BeforeEach
    void startStub() {
        stub = new ProviderStubServer();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    /** The application's own settings mapping, with the given provider settings over its defaults. */
    private static ProviderHttp http(String... providerSettings) {
        Map<String, String> values = new HashMap<>();
        values.put("labgate.data-dir", "target/provider-http-test");
        values.put("labgate.usage.reset-cron", "0 0 0 * * ?");
        for (int i = 0; i < providerSettings.length; i += 2) {
            values.put("labgate.providers." + providerSettings[i], providerSettings[i + 1]);
        }
        LabgateConfig config = new SmallRyeConfigBuilder().withMapping(LabgateConfig.class)
                .withSources(new PropertiesConfigSource(values, "provider-http-test", 500))
                .build().getConfigMapping(LabgateConfig.class);
        return new ProviderHttp(vertx, new ObjectMapper(), config);
    }

    private static ProviderHttp.Call call(String url) {
        return new ProviderHttp.Call(Provider.OPENAI, HttpMethod.POST, url, Map.of(), "{\"model\":\"gpt-4o\"}");
    }

    private static UpstreamException failureOf(Uni<?> uni) {
        Throwable failure = assertThrows(Throwable.class, () -> uni.await().atMost(Duration.ofSeconds(20)));
        return assertInstanceOf(UpstreamException.class, failure);
    }

    @Test
    void aConnectTimeOutIsAnUnavailableProviderAndIsRetried() throws Exception {
        // A listener whose accept queue is full: the kernel drops further SYNs, so connecting times out.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = new ArrayList<>();
            try {
                fill(full, queued);
                ProviderHttp http = http("connect-timeout", "PT0.3S", "max-retries", "1", "retry-budget", "PT5S");
                long start = System.nanoTime();
                UpstreamException failure = failureOf(http.fetch(call("http://127.0.0.1:" + full.getLocalPort()
                        + "/v1/chat/completions")));
                long elapsedMs = (System.nanoTime() - start) / 1_000_000;
                assertEquals(UpstreamException.Kind.UNAVAILABLE, failure.kind());
                assertEquals("could not connect to openai: connecting timed out", failure.getMessage());
                assertTrue(elapsedMs >= 600, "two attempts of 300 ms each, took " + elapsedMs + " ms");
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }

    private static void fill(ServerSocket server, List<Socket> queued) throws IOException {
        for (int i = 0; i < 20; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(server.getLocalSocketAddress(), 200);
                queued.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                return;
            }
        }
        throw new IllegalStateException("the accept queue never filled up");
    }

    @Test
    void noAnswerAfterTheRequestWasSentIsATimeOutAndIsNotRetried() {
        stub.on("POST", "/v1/chat/completions", Reply.json(200, "{\"choices\":[]}").delayed(1500));
        ProviderHttp http = http("read-timeout", "PT0.3S", "max-retries", "2");
        UpstreamException failure = failureOf(http.fetch(call(stub.baseUrl() + "/v1/chat/completions")));
        assertEquals(UpstreamException.Kind.TIMEOUT, failure.kind());
        assertEquals(1, stub.received().size(), "the provider may be doing the work: asked once only");
    }

    @Test
    void aTimeOutIsATimeOutOnlyOnceTheRequestWasSent() {
        ProviderHttp.Call call = call("http://127.0.0.1:1/v1/chat/completions");
        // Netty's connect time-out is a ConnectException whose name says "timeout": nothing was sent.
        RuntimeException connect = ProviderHttp.transportFailure(
                new ConnectTimeoutException("connection timed out after 5000 ms: /203.0.113.9:443"), call, false);
        ProviderHttp.UpstreamRetry retry = assertInstanceOf(ProviderHttp.UpstreamRetry.class, connect);
        assertEquals(UpstreamException.Kind.UNAVAILABLE, retry.failure.kind());
        // Waiting for a pooled connection that never came: nothing was sent either.
        RuntimeException pool = ProviderHttp.transportFailure(new TimeoutException("no connection in time"), call, false);
        assertEquals(UpstreamException.Kind.UNAVAILABLE,
                assertInstanceOf(ProviderHttp.UpstreamRetry.class, pool).failure.kind());
        // The same kind of time-out once the request was out is the provider not answering.
        RuntimeException read = ProviderHttp.transportFailure(new TimeoutException("idle"), call, true);
        assertEquals(UpstreamException.Kind.TIMEOUT, assertInstanceOf(UpstreamException.class, read).kind());
    }

    @Test
    void leavingBeforeTheAnswerBeganAbortsTheRequest() throws Exception {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            frames.add("data: {\"n\":" + i + "}\n\n");
        }
        stub.on("POST", "/v1/chat/completions", Reply.sse(frames.toArray(String[]::new)).delayed(1000).paced(50));
        ProviderHttp http = http();
        Cancellable subscription = http.stream(call(stub.baseUrl() + "/v1/chat/completions")).subscribe()
                .with(chunk -> { }, failure -> { });
        long deadline = System.currentTimeMillis() + 5000;
        while (stub.received().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, stub.received().size());
        subscription.cancel();
        // The provider, still thinking, finds the connection gone when it starts to answer.
        int written = stub.writeFailed().get(5, TimeUnit.SECONDS);
        assertTrue(written < 5, "wrote " + written + " of 20 frames to nobody");
    }

    @Test
    void callsBeyondThePoolWaitBrieflyAndBeyondItsQueueFailAtOnce() throws Exception {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            frames.add("data: {\"n\":" + i + "}\n\n");
        }
        stub.on("POST", "/v1/chat/completions", Reply.sse(frames.toArray(String[]::new)).paced(100));
        stub.on("POST", "/v1/embeddings", Reply.json(200, "{\"data\":[]}"));
        ProviderHttp http = http("max-connections", "1", "connect-timeout", "PT2S", "max-retries", "0");
        String embeddings = stub.baseUrl() + "/v1/embeddings";

        // The only connection is busy with a five-second stream.
        CompletableFuture<String> firstChunk = new CompletableFuture<>();
        Cancellable busy = http.stream(call(stub.baseUrl() + "/v1/chat/completions")).subscribe()
                .with(chunk -> firstChunk.complete(chunk.toString()), firstChunk::completeExceptionally);
        try {
            assertEquals("data: {\"n\":0}\n\n", firstChunk.get(5, TimeUnit.SECONDS));
            // One call may wait in the queue (as many as there are connections) ...
            long start = System.nanoTime();
            CompletableFuture<String> waiting = http.fetch(call(embeddings)).subscribeAsCompletionStage();
            Thread.sleep(200);
            // ... a call beyond that fails at once ...
            long beyond = System.nanoTime();
            UpstreamException tooBusy = failureOf(http.fetch(call(embeddings)));
            long beyondMs = (System.nanoTime() - beyond) / 1_000_000;
            assertEquals(UpstreamException.Kind.UNAVAILABLE, tooBusy.kind());
            assertTrue(beyondMs < 1000, "turned away without waiting for the connect time-out: " + beyondMs);
            assertFalse(waiting.isDone(), "the queued call is still waiting");
            // ... and the queued one gives up after the connect time-out instead of waiting for ever.
            ExecutionException gaveUp = assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(UpstreamException.Kind.UNAVAILABLE,
                    assertInstanceOf(UpstreamException.class, gaveUp.getCause()).kind());
            assertTrue(elapsedMs >= 1900 && elapsedMs < 5000, "gave up after the connect time-out: " + elapsedMs);
            assertEquals(1, stub.received().size(), "neither call reached the provider");
        } finally {
            busy.cancel();
        }
    }
}

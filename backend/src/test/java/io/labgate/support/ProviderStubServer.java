package io.labgate.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server that answers like a provider does — bodies, status codes, headers and streaming
 * sequences copied from the providers' wire formats — so adapters are tested against real HTTP, not mocks.
 * Program it per test with {@link #on}; it records every request it receives.
 */
public final class ProviderStubServer implements AutoCloseable {

    /** One programmed answer. Streams are written frame by frame and flushed. */
    public record Reply(int status, Map<String, String> headers, List<byte[]> frames, long delayMillis,
                        long frameDelayMillis) {

        public static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), List.of(utf8(body)), 0, 0);
        }

        /**
         * Server-Sent Events: each frame is written as-is and flushed (include "data: …\n\n" yourself). A stream
         * cut short is simply one whose frames stop early, e.g. before the usage chunk and [DONE].
         */
        public static Reply sse(String... frames) {
            return sseBytes(Arrays.stream(frames).map(ProviderStubServer::utf8).toArray(byte[][]::new));
        }

        /** Server-Sent Events as raw bytes, e.g. split inside a multi-byte character like a network can. */
        public static Reply sseBytes(byte[]... frames) {
            return new Reply(200, Map.of("Content-Type", "text/event-stream"), List.of(frames), 0, 0);
        }

        public Reply header(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, all, frames, delayMillis, frameDelayMillis);
        }

        public Reply delayed(long millis) {
            return new Reply(status, headers, frames, millis, frameDelayMillis);
        }

        /** Waits between stream frames, like a model producing tokens. */
        public Reply paced(long millis) {
            return new Reply(status, headers, frames, delayMillis, millis);
        }
    }

    public record Received(String method, String path, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final Map<String, List<Reply>> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger framesWritten = new AtomicInteger();
    private final CompletableFuture<Integer> writeFailed = new CompletableFuture<>();

    public ProviderStubServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * Answers {@code method path} (path without query) with the replies in order; the last one repeats.
     */
    public ProviderStubServer on(String method, String path, Reply... replies) {
        routes.put(method + " " + path, List.of(replies));
        hits.put(method + " " + path, new AtomicInteger());
        return this;
    }

    public List<Received> received() {
        return Collections.unmodifiableList(new ArrayList<>(received));
    }

    public Received last() {
        return received.getLast();
    }

    /** Stream frames written and flushed so far, over all requests. */
    public int framesWritten() {
        return framesWritten.get();
    }

    /**
     * Completes when a write to a client first fails (the client closed the connection), with the number of
     * stream frames that answer had written until then. Never completes while every client reads to the end.
     */
    public CompletableFuture<Integer> writeFailed() {
        return writeFailed;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), query == null ? path : path + "?" + query, headers,
                body));

        String key = exchange.getRequestMethod() + " " + path;
        List<Reply> replies = routes.get(key);
        if (replies == null) {
            byte[] missing = ("{\"error\":{\"message\":\"no stub for " + key + "\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, missing.length);
            exchange.getResponseBody().write(missing);
            exchange.close();
            return;
        }
        int n = hits.get(key).getAndIncrement();
        Reply reply = replies.get(Math.min(n, replies.size() - 1));
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        boolean streaming = reply.headers().getOrDefault("Content-Type", "").startsWith("text/event-stream");
        int written = 0;
        try {
            if (!streaming) {
                byte[] bytes = concat(reply.frames());
                exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    exchange.getResponseBody().write(bytes);
                }
            } else {
                exchange.sendResponseHeaders(reply.status(), 0);
                OutputStream out = exchange.getResponseBody();
                for (byte[] frame : reply.frames()) {
                    out.write(frame);
                    out.flush();
                    written++;
                    framesWritten.incrementAndGet();
                    if (reply.frameDelayMillis() > 0) {
                        try {
                            Thread.sleep(reply.frameDelayMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            }
            exchange.close();
        } catch (IOException clientGone) {
            writeFailed.complete(written);
            exchange.close();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        parts.forEach(all::writeBytes);
        return all.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

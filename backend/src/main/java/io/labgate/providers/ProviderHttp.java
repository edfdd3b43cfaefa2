package io.labgate.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.common.config.LabgateConfig;
import io.labgate.common.threads.ContextFree;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

/**
 * Calls a provider over HTTP with the retry rules every adapter shares: 408, 409, 429, 5xx and 529 (and a
 * call that could not get a connection) are retried with backoff, honouring {@code Retry-After-Ms},
 * {@code Retry-After} and Gemini's {@code RetryInfo}, within a bounded number of attempts and a bounded total
 * wait. Nothing is retried once a response was accepted or after a time-out (the provider may have done the
 * work), so a call is never billed twice. The body of a successful response is left unread, for streaming.
 *
 * <p>The one transport to providers, for AI calls and connection tests ({@link #probe}) alike, with one failure
 * classification ({@link #failure}). Vert.x's HTTP client rather than the REST Client: streamed answers need the
 * status and headers first and then the raw bytes as they arrive.
 */
@ApplicationScoped
public class ProviderHttp {

    private static final Logger LOG = Logger.getLogger(ProviderHttp.class);

    private final HttpClient client;
    private final ObjectMapper json;
    private final LabgateConfig.Providers config;

    ProviderHttp(Vertx vertx, ObjectMapper json, LabgateConfig config) {
        this.config = config.providers();
        this.json = json;
        // A stream keeps its connection until the answer ends, so the pool must be as large as the number of
        // concurrent streams. The wait queue is bounded, and each waiting call gives up after connect-timeout.
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) this.config.connectTimeout().toMillis())
                        .setKeepAlive(true)
                        .setTryUseCompression(false),
                new PoolOptions()
                        .setHttp1MaxSize(this.config.maxConnections())
                        .setMaxWaitQueueSize(this.config.maxConnections()));
    }

    /** A provider request; {@code url} is absolute. */
    public record Call(Provider provider, HttpMethod method, String url, Map<String, String> headers, String body) {

        @Override
        public String toString() {
            return "Call[" + provider.wireName() + " " + method + " " + url + "]";
        }
    }

    /** The response once the status is a success; its body is for {@link #fetch} or {@link #stream} to read. */
    private Uni<HttpClientResponse> open(Call call) {
        return attempt(call, 0, 0);
    }

    /** For non-streaming calls: the whole body of a successful answer. */
    public Uni<String> fetch(Call call) {
        return open(call).flatMap(response -> response.body()
                        .ifNoItem().after(config.readTimeout()).failWith(() -> new UpstreamException(
                                UpstreamException.Kind.TIMEOUT, 0, "the provider stopped sending mid-answer")))
                .map(Buffer::toString);
    }

    /**
     * For streamed calls: the body of a successful answer as it arrives. Cancelling it (the member went away,
     * or an adapter gave up on the stream) resets the request, which closes the connection, so the provider
     * stops generating an answer nobody reads; left alone, Vert.x would read the rest and throw it away.
     */
    public Multi<Buffer> stream(Call call) {
        // Vert.x stops a request's idle timer once the headers arrive: a provider stalling mid-stream is timed
        // out here, between any two pieces of the body, and the request is reset like any abandoned one.
        // Built when the answer begins, on the event loop, without a thread context: every piece passes through it.
        return open(call).onItem().transformToMulti(response -> ContextFree.build(() -> response.toMulti()
                .onCancellation().invoke(() -> abort(response))
                .ifNoItem().after(config.readTimeout()).failWith(() -> new UpstreamException(
                        UpstreamException.Kind.TIMEOUT, 0, "the provider stopped sending mid-answer"))));
    }

    private Uni<HttpClientResponse> attempt(Call call, int attempt, long waitedMillis) {
        RequestOptions options = options(call);
        options.putHeader("Content-Type", "application/json");
        Uni<HttpClientResponse> response = client.request(options)
                .onFailure().transform(failure -> transportFailure(failure, call, false))
                .flatMap(request -> allowedPeer(request, call))
                .flatMap(request -> send(request, call));
        return response
                .flatMap(r -> r.statusCode() < 300 ? Uni.createFrom().item(r) : failed(call, r))
                .onFailure(UpstreamRetry.class).recoverWithUni(retry -> {
                    UpstreamRetry r = (UpstreamRetry) retry;
                    long delay = Math.max(1, r.delayMillis >= 0 ? r.delayMillis : backoff(attempt));
                    if (attempt >= config.maxRetries() || waitedMillis + delay > config.retryBudget().toMillis()) {
                        return Uni.createFrom().failure(r.failure);
                    }
                    LOG.debugf("Retrying %s after %d ms (attempt %d): %s", call, delay, attempt + 1,
                            r.failure.getMessage());
                    return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(delay))
                            .flatMap(ignored -> attempt(call, attempt + 1, waitedMillis + delay));
                });
    }

    /**
     * The connection is open and nothing is sent yet: a peer at a link-local or metadata address (whatever name led
     * there) gets no request, so no key. Not retried: the name would lead there again.
     */
    private static Uni<HttpClientRequest> allowedPeer(HttpClientRequest request, Call call) {
        var peer = request.connection().remoteAddress();
        if (peer != null && peer.hostAddress() != null && ProviderDestination.forbidden(peer.hostAddress())) {
            abort(request);
            return Uni.createFrom().failure(new UpstreamException(UpstreamException.Kind.UNAVAILABLE, 0,
                    "refused to send to " + call.provider().wireName() + ": its address is link-local or a metadata service"));
        }
        return Uni.createFrom().item(request);
    }

    private static Uni<HttpClientResponse> send(HttpClientRequest request, Call call) {
        Uni<HttpClientResponse> sent = call.body() == null ? request.send() : request.send(Buffer.buffer(call.body()));
        return sent
                .onFailure().transform(failure -> transportFailure(failure, call, true))
                // The member left before the answer began: abort it rather than leave it running.
                .onCancellation().invoke(() -> abort(request));
    }

    /** Resets a request nobody waits for; the reset's own failure is expected and has no one to go to. */
    private static void abort(HttpClientRequest request) {
        try {
            request.exceptionHandler(ignored -> { });
        } catch (IllegalStateException alreadySent) {
            // the response is on its way; its own handler is set below, when there is one
        }
        request.reset();
    }

    private static void abort(HttpClientResponse response) {
        try {
            response.exceptionHandler(ignored -> { });
        } catch (IllegalStateException ended) {
            // nothing left to fail
        }
        response.request().reset();
    }

    private Uni<HttpClientResponse> failed(Call call, HttpClientResponse response) {
        return response.body().map(Buffer::toString).onFailure().recoverWithItem("")
                .flatMap(body -> Uni.createFrom().failure(classify(call.provider(), response, body)));
    }

    /** What a failed status means; retryable failures are wrapped with their delay. */
    RuntimeException classify(Provider provider, HttpClientResponse response, String body) {
        int status = response.statusCode();
        UpstreamException failure = failure(status, body);
        if (failure.kind() == UpstreamException.Kind.AUTH || body.contains("insufficient_quota")) {
            return failure;
        }
        boolean retryable = status == 408 || status == 409 || status == 429 || status >= 500;
        String shouldRetry = response.getHeader("x-should-retry");
        if ("false".equalsIgnoreCase(shouldRetry)) {
            retryable = false;
        } else if ("true".equalsIgnoreCase(shouldRetry)) {
            retryable = true;
        }
        return retryable ? new UpstreamRetry(failure, retryDelay(response, body)) : failure;
    }

    /**
     * The one place a provider's failed answer is classified, for calls and connection tests alike: the key
     * rejected (401, 403, Gemini's 400 API_KEY_INVALID), no credit or rate limited (429), failing (5xx, 529,
     * 408, 409), or the request itself rejected (other 4xx).
     */
    public UpstreamException failure(int status, String body) {
        if (status == 401 || status == 403 || (status == 400 && body.contains("API_KEY_INVALID"))) {
            return new UpstreamException(UpstreamException.Kind.AUTH, status, "HTTP " + status
                    + ": the provider rejected the platform's key");
        }
        if (status == 429 && body.contains("insufficient_quota")) {
            return new UpstreamException(UpstreamException.Kind.RATE_LIMITED, status,
                    "HTTP 429: the provider account has no credit left");
        }
        if (status == 429) {
            return new UpstreamException(UpstreamException.Kind.RATE_LIMITED, status, "HTTP 429: rate limited by the provider");
        }
        if (status >= 500 || status == 408 || status == 409) {
            return new UpstreamException(UpstreamException.Kind.UNAVAILABLE, status, "HTTP " + status + " from the provider");
        }
        return new UpstreamException(UpstreamException.Kind.REJECTED, status, rejection(status, body));
    }

    /** A provider's answer as it came: status, body and the Retry-After header (connection tests read it whole). */
    public record Answer(int status, String body, String retryAfter) {
    }

    /**
     * One attempt and no retries — a connection test must show the first answer — through the same client and
     * transport classification as calls: any HTTP status is an answer; no answer fails with an UpstreamException.
     */
    public Uni<Answer> probe(Call call) {
        RequestOptions options = options(call);
        return client.request(options)
                .onFailure().transform(failure -> unwrap(transportFailure(failure, call, false)))
                .flatMap(request -> allowedPeer(request, call))
                .flatMap(request -> request.send()
                        .onFailure().transform(failure -> unwrap(transportFailure(failure, call, true))))
                .flatMap(response -> response.body().map(Buffer::toString)
                        .map(body -> new Answer(response.statusCode(), body, response.getHeader("retry-after"))));
    }

    private RequestOptions options(Call call) {
        RequestOptions options = new RequestOptions()
                .setMethod(call.method())
                .setAbsoluteURI(call.url())
                // Bounds the wait for a pooled connection as well as the connect itself.
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.readTimeout().toMillis());
        call.headers().forEach((k, v) -> {
            if (v != null) {
                options.addHeader(k, v);
            }
        });
        return options;
    }

    private static RuntimeException unwrap(RuntimeException failure) {
        return failure instanceof UpstreamRetry retry ? retry.failure : failure;
    }

    /** A short reason for a 4xx, taken from the provider's error type only (messages can echo keys). */
    private String rejection(int status, String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            String code = error.path("code").asText(error.path("type").asText(error.path("status").asText("")));
            if (body.contains("context_length_exceeded") || body.contains("prompt is too long")
                    || body.contains("exceeds the maximum number of tokens")) {
                return "the conversation is too long for this model";
            }
            return "HTTP " + status + (code.isBlank() ? "" : " (" + code + ")");
        } catch (Exception e) {
            return "HTTP " + status;
        }
    }

    private long retryDelay(HttpClientResponse response, String body) {
        String ms = response.getHeader("retry-after-ms");
        if (ms != null) {
            try {
                return (long) Double.parseDouble(ms);
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        String after = response.getHeader("retry-after");
        if (after != null) {
            try {
                return (long) (Double.parseDouble(after) * 1000);
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime when = ZonedDateTime.parse(after, DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Math.max(0, Duration.between(ZonedDateTime.now(when.getZone()), when).toMillis());
                } catch (Exception ignored) {
                    // fall through
                }
            }
        }
        int retryInfo = body.indexOf("\"retryDelay\"");
        if (retryInfo >= 0) {
            String tail = body.substring(retryInfo).replaceAll("(?s)^\"retryDelay\"\\s*:\\s*\"([0-9.]+)s\".*", "$1");
            try {
                return (long) (Double.parseDouble(tail) * 1000);
            } catch (NumberFormatException ignored) {
                // fall through
            }
        }
        return -1;
    }

    private static long backoff(int attempt) {
        long base = Math.min(8000, 500L << attempt);
        return base - ThreadLocalRandom.current().nextLong(base / 4 + 1);
    }

    /**
     * What a failure without an HTTP status means. {@code sent} is false while a connection is being obtained:
     * then nothing reached the provider, whatever the failure (refused, a connect time-out — Netty's
     * ConnectTimeoutException is a ConnectException — or no pooled connection in time), so it is UNAVAILABLE
     * and may be retried without billing twice. Only a time-out once the request was sent is a TIMEOUT.
     */
    static RuntimeException transportFailure(Throwable failure, Call call, boolean sent) {
        if (failure instanceof UpstreamException || failure instanceof UpstreamRetry) {
            return (RuntimeException) failure;
        }
        String provider = call.provider().wireName();
        if (causedBy(failure, UnknownHostException.class)) {
            return new UpstreamException(UpstreamException.Kind.UNAVAILABLE, 0, "could not connect to " + provider
                    + ": host not found");
        }
        boolean noConnection = causedBy(failure, ConnectException.class)
                || causedBy(failure, ConnectionPoolTooBusyException.class);
        if (!sent || noConnection) {
            if (noConnection || timedOut(failure)) {
                String why = timedOut(failure) ? "connecting timed out" : "connection refused";
                return new UpstreamRetry(new UpstreamException(UpstreamException.Kind.UNAVAILABLE, 0,
                        "could not connect to " + provider + ": " + why), -1);
            }
            return new UpstreamException(UpstreamException.Kind.UNAVAILABLE, 0, "connection to " + provider + " failed");
        }
        if (timedOut(failure)) {
            return new UpstreamException(UpstreamException.Kind.TIMEOUT, 0, "no answer in time from " + provider
                    + " (timed out)");
        }
        return new UpstreamException(UpstreamException.Kind.UNAVAILABLE, 0, "connection to " + provider + " failed");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException
                    || t.getClass().getSimpleName().toLowerCase(Locale.ROOT).contains("timeout")) {
                return true;
            }
        }
        return false;
    }

    /** Internal: a failure worth another attempt after {@code delayMillis} (-1 = backoff). */
    static final class UpstreamRetry extends RuntimeException {
        final UpstreamException failure;
        final long delayMillis;

        UpstreamRetry(UpstreamException failure, long delayMillis) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
            this.delayMillis = delayMillis;
        }
    }
}

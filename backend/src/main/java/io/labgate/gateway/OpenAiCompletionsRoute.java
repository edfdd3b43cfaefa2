package io.labgate.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ApiExceptionMappers;
import io.labgate.common.threads.WouldBlock;
import io.quarkus.virtual.threads.VirtualThreads;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.concurrent.ExecutorService;

/**
 * Whole (non-streamed) answers of {@code POST /v1/chat/completions}, on the event loop that received the request:
 * the key, the member's route and the quota are checked in memory, the provider is called without a thread
 * waiting for it, and the answer is booked and written where it arrives. Only a step that must read PostgreSQL
 * (a cache to fill, a lease to grant) moves the call to a virtual thread ({@link WouldBlock}). This is the
 * gateway's hot path: it leaves out the JAX-RS layer, whose resource ({@link OpenAiCompatResource}) answers
 * streams and anything this route passes on — HTTP/2, a body that is not a JSON object, a content type other
 * than JSON — with the same checks and errors ({@link OpenAiDialect}).
 */
@ApplicationScoped
class OpenAiCompletionsRoute {

    private static final Logger LOG = Logger.getLogger(OpenAiCompletionsRoute.class);

    private final OpenAiDialect dialect;
    private final GatewayService gateway;
    private final ObjectMapper json;
    private final ExecutorService virtualThreads;
    private final CallMetrics metrics;

    OpenAiCompletionsRoute(OpenAiDialect dialect, GatewayService gateway, ObjectMapper json, CallMetrics metrics,
                           @VirtualThreads ExecutorService virtualThreads) {
        this.metrics = metrics;
        this.dialect = dialect;
        this.gateway = gateway;
        this.json = json;
        this.virtualThreads = virtualThreads;
    }

    /** After {@link GatewayBodies} has read the body. */
    void install(@Observes Router router) {
        router.post("/v1/chat/completions").order(-9).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        JsonNode body = wholeAnswerCall(ctx);
        if (body == null) {
            ctx.next();
            return;
        }
        WouldBlock.orElseOn(virtualThreads, metrics::moved, () -> dialect.accept(body, ctx.request()))
                .flatMap(call -> gateway.answer(call.prepared()))
                .subscribe().with(
                        answer -> send(ctx.response(), 200, dialect.completion(answer), null),
                        failure -> fail(ctx.response(), failure));
    }

    /** The body, when this is a JSON call for a whole answer this route takes; null to pass it on. */
    private JsonNode wholeAnswerCall(RoutingContext ctx) {
        String type = ctx.request().getHeader("Content-Type");
        RequestBody body = ctx.body();
        if (ctx.request().version() == HttpVersion.HTTP_2 || type == null
                || !type.regionMatches(true, 0, "application/json", 0, 16) || body == null || body.isEmpty()) {
            return null;
        }
        try {
            JsonNode parsed = json.readTree(body.buffer().getBytes());
            JsonNode stream = parsed == null ? null : parsed.get("stream");
            boolean whole = stream == null || stream.isNull() || (stream.isBoolean() && !stream.booleanValue());
            return parsed != null && parsed.isObject() && whole ? parsed : null;
        } catch (IOException malformed) {
            return null; // the resource names what is wrong with it
        }
    }

    private void fail(HttpServerResponse response, Throwable failure) {
        OpenAiDialect.Error openAi = dialect.error(failure instanceof ApiException api ? api
                : ApiExceptionMappers.internalError(failure));
        send(response, openAi.status(), openAi.body(), openAi.retryAfterSeconds());
    }

    private void send(HttpServerResponse response, int status, ObjectNode body, Long retryAfterSeconds) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (response.closed()) {
            return; // the member went away; the call is booked all the same
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/json;charset=UTF-8");
        if (retryAfterSeconds != null) {
            response.putHeader("Retry-After", Long.toString(retryAfterSeconds));
        }
        try {
            response.end(Buffer.buffer(bytes));
        } catch (IllegalStateException closedMeanwhile) {
            LOG.debugf("Client went away before its answer: %s", closedMeanwhile.getMessage());
        }
    }
}

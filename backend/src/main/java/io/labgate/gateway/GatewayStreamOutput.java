package io.labgate.gateway;

import io.labgate.common.threads.ContextFree;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes a gateway stream to the client as it arrives, one frame per item, in the dialect a subclass chooses.
 * Frames are written to the connection by the thread the provider's bytes arrive on (an event loop), not
 * handed to the request's virtual thread and back: the virtual thread only waits for the end and watches the
 * connection. A client that goes away is noticed on the next write or, while the provider is still thinking,
 * by that watch; either way the stream is cancelled, which aborts the upstream call and settles what was used.
 */
abstract class GatewayStreamOutput implements StreamingOutput {

    private static final Logger LOG = Logger.getLogger(GatewayStreamOutput.class);
    private static final long CONNECTION_CHECK_MILLIS = 100;

    private final Multi<GatewayService.StreamItem> items;
    private final HttpServerResponse connection;

    GatewayStreamOutput(Multi<GatewayService.StreamItem> items, HttpServerResponse connection) {
        this.items = items;
        this.connection = connection;
    }

    /**
     * Runs on the request's virtual thread. The framework has put the status and headers on the connection;
     * it ends the response when this returns (closing {@code out}, to which nothing is written here).
     */
    @Override
    public final void write(OutputStream out) {
        connection.setChunked(true);
        CompletableFuture<Void> ended = new CompletableFuture<>();
        AtomicReference<Cancellable> subscription = new AtomicReference<>();
        AtomicBoolean clientGone = new AtomicBoolean();
        // Items already recover provider failures into a Failed item; anything else still ends the stream.
        subscription.set(ContextFree.build(() -> items.subscribe().with(item -> {
            if (!send(item(item))) {
                clientGone.set(true);
                cancel(subscription);
                ended.complete(null);
            }
        }, failure -> {
            LOG.errorf("Gateway stream failed unexpectedly: %s", failure.getClass().getSimpleName());
            finish(ended);
        }, () -> finish(ended))));
        try {
            while (true) {
                try {
                    ended.get(CONNECTION_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                    if (clientGone.get()) {
                        cancel(subscription); // again: the client may have gone before the subscription was known
                    }
                    return;
                } catch (TimeoutException stillStreaming) {
                    if (connection.closed()) {
                        LOG.debug("Stream client disconnected while waiting for the provider");
                        cancel(subscription);
                        return;
                    }
                }
            }
        } catch (ExecutionException impossible) {
            cancel(subscription);
        } catch (InterruptedException e) {
            cancel(subscription);
            Thread.currentThread().interrupt();
        }
    }

    private void finish(CompletableFuture<Void> ended) {
        String last = end();
        if (last != null) {
            send(last);
        }
        ended.complete(null);
    }

    /** Writes frames; false when the client has gone away. Safe from any thread: Vert.x orders the writes. */
    private boolean send(String frames) {
        if (connection.closed()) {
            LOG.debug("Stream client disconnected");
            return false;
        }
        try {
            connection.write(Buffer.buffer(frames.getBytes(StandardCharsets.UTF_8)));
            return true;
        } catch (IllegalStateException closedMeanwhile) {
            LOG.debugf("Stream client disconnected: %s", closedMeanwhile.getMessage());
            return false;
        }
    }

    private static void cancel(AtomicReference<Cancellable> subscription) {
        Cancellable s = subscription.get();
        if (s != null) {
            s.cancel();
        }
    }

    /** The frames for one item. */
    protected abstract String item(GatewayService.StreamItem item);

    /** What closes the stream, if the dialect has something. */
    protected String end() {
        return null;
    }
}

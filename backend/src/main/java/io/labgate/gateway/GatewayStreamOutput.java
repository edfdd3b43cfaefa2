package io.labgate.gateway;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes a gateway stream to the client as it arrives, one flushed frame per item, in the dialect a subclass
 * chooses. A client that goes away is noticed on the next write or, while the provider is still thinking,
 * by watching the connection; either way the stream is cancelled, which aborts the upstream call and
 * settles what was used.
 */
abstract class GatewayStreamOutput implements StreamingOutput {

    private static final Logger LOG = Logger.getLogger(GatewayStreamOutput.class);
    private static final Object END = new Object();
    private static final long CONNECTION_CHECK_MILLIS = 100;

    private final Multi<GatewayService.StreamItem> items;
    private final HttpServerResponse connection;

    GatewayStreamOutput(Multi<GatewayService.StreamItem> items, HttpServerResponse connection) {
        this.items = items;
        this.connection = connection;
    }

    @Override
    public final void write(OutputStream out) {
        BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        // Items already recover provider failures into a Failed item; anything else still ends the stream.
        Cancellable subscription = items.subscribe().with(queue::add, failure -> {
            LOG.errorf("Gateway stream failed unexpectedly: %s", failure.getClass().getSimpleName());
            queue.add(END);
        }, () -> queue.add(END));
        try {
            while (true) {
                Object next = queue.poll(CONNECTION_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (next == null) {
                    if (connection.closed()) {
                        throw new IOException("connection closed while waiting for the provider");
                    }
                    continue;
                }
                if (next == END) {
                    end(out);
                    return;
                }
                item(out, (GatewayService.StreamItem) next);
                if (connection.closed()) {
                    throw new IOException("connection closed");
                }
            }
        } catch (IOException clientGone) {
            LOG.debugf("Stream client disconnected: %s", clientGone.getMessage());
            subscription.cancel();
        } catch (InterruptedException e) {
            subscription.cancel();
            Thread.currentThread().interrupt();
        }
    }

    /** Writes the frames for one item. */
    protected abstract void item(OutputStream out, GatewayService.StreamItem item) throws IOException;

    /** Writes what closes the stream, if the dialect has something. */
    protected void end(OutputStream out) throws IOException {
    }

    protected static void frame(OutputStream out, String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}

package io.labgate.gateway;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * Writes a gateway stream to the client as it arrives, one flushed frame per item, in the dialect a subclass
 * chooses. When the client goes away the write fails; closing the stream then cancels the upstream call,
 * which settles what was used.
 */
abstract class GatewayStreamOutput implements StreamingOutput {

    private static final Logger LOG = Logger.getLogger(GatewayStreamOutput.class);

    private final Multi<GatewayService.StreamItem> items;

    GatewayStreamOutput(Multi<GatewayService.StreamItem> items) {
        this.items = items;
    }

    @Override
    public final void write(OutputStream out) {
        try (Stream<GatewayService.StreamItem> stream = items.subscribe().asStream()) {
            var iterator = stream.iterator();
            while (iterator.hasNext()) {
                item(out, iterator.next());
            }
            end(out);
        } catch (IOException clientGone) {
            LOG.debugf("Stream client disconnected: %s", clientGone.getMessage());
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

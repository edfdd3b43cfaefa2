package io.labgate.providers;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Speaks one provider's wire format. Adapters own retries of transient upstream failures. */
public interface ProviderAdapter {

    boolean serves(Provider provider);

    /**
     * The whole answer, without holding a thread while the provider works; fails with an
     * {@link UpstreamException} (a TIMEOUT once the request was sent and no complete answer came in time).
     */
    Uni<ChatResult> complete(ProviderConnection connection, ChatCall call);

    /** Streams as the provider sends; no buffering of the whole answer. */
    Multi<StreamEvent> stream(ProviderConnection connection, ChatCall call);
}

package io.labgate.providers;

import io.smallrye.mutiny.Multi;

/** Speaks one provider's wire format. Adapters own retries of transient upstream failures. */
public interface ProviderAdapter {

    boolean serves(Provider provider);

    ChatResult complete(ProviderConnection connection, ChatCall call);

    /** Streams as the provider sends; no buffering of the whole answer. */
    Multi<StreamEvent> stream(ProviderConnection connection, ChatCall call);
}

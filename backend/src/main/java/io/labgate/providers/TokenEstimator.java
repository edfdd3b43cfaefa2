package io.labgate.providers;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Pre-call token estimates with o200k_base (bundled in jtokkit, offline). Exact for current OpenAI models,
 * an estimate for others; the reservation is settled to the provider's reported usage afterwards.
 */
@ApplicationScoped
public class TokenEstimator {

    /** Role and boundary tokens per message, and the reply primer, as OpenAI's counting guide describes. */
    private static final int PER_MESSAGE = 3;
    private static final int REPLY_PRIMER = 3;

    private final Encoding encoding;

    TokenEstimator() {
        EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
        this.encoding = registry.getEncoding(EncodingType.O200K_BASE);
    }

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    public int promptTokens(List<ChatMessage> messages) {
        int total = REPLY_PRIMER;
        for (ChatMessage message : messages) {
            total += PER_MESSAGE + count(message.role()) + count(message.content());
        }
        return total;
    }
}

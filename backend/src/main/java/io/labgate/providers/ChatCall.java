package io.labgate.providers;

import java.math.BigDecimal;
import java.util.List;

/** The one internal request shape every provider adapter takes. */
public record ChatCall(String model, List<ChatMessage> messages, int maxTokens, BigDecimal temperature) {
}

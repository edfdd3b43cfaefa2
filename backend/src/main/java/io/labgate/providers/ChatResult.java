package io.labgate.providers;

/** A finished answer: text, the model that produced it and the usage the provider reported. */
public record ChatResult(String content, String model, TokenUsage usage, String finishReason) {
}

package io.labgate.providers;

/** What a streaming adapter emits: text as it arrives, then (if the provider sent it) the final usage. */
public sealed interface StreamEvent {

    record Delta(String text) implements StreamEvent {
    }

    /** Usage so far; providers that report cumulative usage emit several — the last one counts. */
    record Usage(TokenUsage usage, String model) implements StreamEvent {
    }

    record Finish(String reason) implements StreamEvent {
    }
}

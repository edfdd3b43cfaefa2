package io.labgate.providers;

/** One Server-Sent Event as a provider sent it: the optional {@code event:} name and the joined data. */
public record SseEvent(String event, String data) {
}

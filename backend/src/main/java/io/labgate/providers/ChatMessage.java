package io.labgate.providers;

/** One message of a conversation: role system, user or assistant. */
public record ChatMessage(String role, String content) {
}

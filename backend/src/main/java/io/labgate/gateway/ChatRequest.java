package io.labgate.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * Body of POST /api/ai/chat, /analysis and /generation. {@code session_id} and {@code context} label the entry
 * in the prompt log (defaults: one session per channel and day; the feature's name).
 */
public record ChatRequest(
        @NotEmpty(message = "must contain at least one message") @Size(max = 200, message = "at most 200 messages")
        List<@NotNull(message = "must not be null") @Valid Message> messages,
        Boolean stream,
        @Min(value = 1, message = "must be at least 1") @Max(value = 1_000_000, message = "is too large")
        Integer maxTokens,
        @DecimalMin(value = "0", message = "must be between 0 and 2")
        @DecimalMax(value = "2", message = "must be between 0 and 2") BigDecimal temperature,
        @Size(max = 100, message = "is too long")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String sessionId,
        @Size(max = 50, message = "is too long")
        @Pattern(regexp = "[\\p{L}\\p{N} _.-]*", message = "may contain letters, digits, spaces, '_', '.' and '-'")
        String context) {

    public record Message(
            @NotNull(message = "is required")
            @Pattern(regexp = "system|user|assistant", message = "must be system, user or assistant") String role,
            @NotNull(message = "is required") @Size(min = 1, message = "must not be empty")
            @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters") String content) {
    }

    public boolean streaming() {
        return Boolean.TRUE.equals(stream);
    }
}

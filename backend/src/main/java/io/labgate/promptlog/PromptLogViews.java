package io.labgate.promptlog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

public final class PromptLogViews {

    private PromptLogViews() {
    }

    /** What a client's prompt logger sends; {@code client_id} is its idempotency key. */
    public record CreateRequest(
            @NotNull(message = "is required") OffsetDateTime timestamp,
            @NotBlank(message = "is required") @Size(max = 100_000, message = "is too long") String userPrompt,
            @Size(max = 200_000, message = "is too long") String aiResponse,
            @Size(max = 50, message = "is too long")
            @Pattern(regexp = "[\\p{L}\\p{N} _.-]*", message = "may contain letters, digits, spaces, '_', '.' and '-'")
            String context,
            @NotBlank(message = "is required") @Size(max = 100, message = "is too long") String sessionId,
            @Size(max = 100, message = "is too long") String clientId) {
    }

    /** {@code model} and the token counts are null for entries sent by a client's logger. */
    public record EntryView(Long id, Long memberId, String sessionId, String clientId, String context,
                            String userPrompt, String aiResponse, String source, String model, Integer promptTokens,
                            Integer completionTokens, OffsetDateTime timestamp) {

        static EntryView of(PromptLogEntry e) {
            return new EntryView(e.id, e.memberId, e.sessionId, e.clientId, e.context, e.userPrompt, e.aiResponse,
                    e.source, e.model, e.promptTokens, e.completionTokens, e.loggedAt);
        }
    }

    public record SessionView(Long memberId, String sessionId, long count, OffsetDateTime start, OffsetDateTime end) {
    }
}

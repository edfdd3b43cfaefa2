package io.labgate.alerts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Create or replace an alert rule. Left out: thresholds 80 and 100, every plan and setting, in-app only. */
public record AlertRuleRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "is too long") String name,
        @NotNull(message = "is required")
        @Pattern(regexp = "member_tokens|member_requests|member_cost|setting_requests|provider_key_rejected"
                + "|provider_error_rate|usage_backlog", message = "is not a known metric") String metric,
        @Schema(description = "Percentages, 1 to 100", defaultValue = "[80, 100]")
        @Size(min = 1, max = 5, message = "must hold 1 to 5 thresholds")
        List<@NotNull(message = "must not be null") @Min(value = 1, message = "must be between 1 and 100")
        @Max(value = 100, message = "must be between 1 and 100") Integer> thresholds,
        @Schema(description = "Only members on this plan") @Positive(message = "must be a valid id") Long planId,
        @Schema(description = "Only this provider setting, and members on it")
        @Positive(message = "must be a valid id") Long aiSettingsId,
        @Schema(description = "provider_error_rate: fewest calls in the span for a rate to count", defaultValue = "10")
        @Min(value = 1, message = "must be at least 1") @Max(value = 1_000_000, message = "is too large")
        Integer minCalls,
        @Schema(description = "E-mail and webhook channels; the notification centre always hears")
        @Size(max = 20, message = "at most 20 channels")
        List<@NotNull(message = "must not be null") @Positive(message = "must be a valid id") Long> channelIds,
        Boolean enabled) {

    public AlertRuleRequest {
        thresholds = thresholds == null ? List.of(80, 100) : thresholds;
        minCalls = minCalls == null ? 10 : minCalls;
        channelIds = channelIds == null ? List.of() : channelIds;
    }
}

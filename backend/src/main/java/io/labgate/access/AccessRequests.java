package io.labgate.access;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

public final class AccessRequests {

    private AccessRequests() {
    }

    public record Create(@NotNull(message = "is required") @Positive(message = "must be a valid id") Long userId,
                         @NotNull(message = "is required") @Positive(message = "must be a valid id") Long aiPlanId,
                         @Positive(message = "must be a valid id") Long aiSettingsId,
                         Boolean isEnabled,
                         Boolean canUseAdvancedFeatures,
                         @Schema(description = "The member's own monthly cost budget in USD (0: none); left out: the plan's")
                         @DecimalMin(value = "0", message = "must not be negative")
                         @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimals")
                         BigDecimal monthlyBudgetUsd) {
    }

    /** PATCH: only the fields present change; {@code ai_settings_id: 0} removes the setting. */
    public record Update(@Positive(message = "must be a valid id") Long aiPlanId,
                         @jakarta.validation.constraints.PositiveOrZero(message = "must be a valid id")
                         Long aiSettingsId,
                         Boolean isEnabled,
                         Boolean canUseAdvancedFeatures,
                         @Schema(description = "The member's own monthly cost budget in USD (0: none)")
                         @DecimalMin(value = "0", message = "must not be negative")
                         @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimals")
                         BigDecimal monthlyBudgetUsd,
                         @Schema(description = "true: drop the member's own budget, the plan's applies")
                         Boolean followPlanBudget) {
    }

    public record BulkAssign(
            @NotEmpty(message = "must name at least one member") @Size(max = 1000, message = "at most 1000 members")
            List<@NotNull(message = "must not be null") @Positive(message = "must be a valid id") Long> userIds,
            @NotNull(message = "is required") @Positive(message = "must be a valid id") Long aiPlanId,
            @Positive(message = "must be a valid id") Long aiSettingsId) {
    }

    /** How many members now have the plan: {@code created} got access, {@code updated} had it already. */
    public record BulkAssignResult(int assigned, int created, int updated) {
    }
}

package io.labgate.plans;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/** Create or replace a plan; {@code features} is a list or an object of flags (see {@link FeaturesInput}). */
public record PlanRequest(
        @NotBlank(message = "is required")
        @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,49}", message = "must be 1–50 lower-case letters, digits, '_' or '-'")
        String name,
        @NotBlank(message = "is required") @Size(max = 100, message = "is too long") String displayName,
        @NotNull(message = "is required") @DecimalMin(value = "0", message = "must not be negative")
        @DecimalMax(value = "9999999999", message = "is too large")
        @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimals") BigDecimal monthlyCost,
        @NotNull(message = "is required") @PositiveOrZero(message = "must not be negative")
        Long monthlyTokenLimit,
        @NotNull(message = "is required") @PositiveOrZero(message = "must not be negative")
        @Max(value = 10_000_000, message = "is too large") Integer dailyRequestLimit,
        @NotNull(message = "is required") @JsonDeserialize(using = FeaturesInput.class)
        @Schema(description = "A list of features, or an object of flags: {\"chatbot\": true, \"analysis\": false}")
        List<@NotNull(message = "must not be null")
        @Pattern(regexp = "chatbot|analysis|generation|advanced",
                message = "must be one of chatbot, analysis, generation, advanced") String> features,
        Boolean isActive,
        @Schema(description = "Monthly cost budget in USD; 0 or left out: none", defaultValue = "0")
        @DecimalMin(value = "0", message = "must not be negative")
        @DecimalMax(value = "9999999999", message = "is too large")
        @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimals") BigDecimal monthlyBudgetUsd,
        @Schema(description = "Share of the budget, in percent, at which members are warned", defaultValue = "80")
        @Min(value = 1, message = "must be between 1 and 100") @Max(value = 100, message = "must be between 1 and 100")
        Integer budgetSoftPercent) {

    public PlanRequest {
        monthlyBudgetUsd = monthlyBudgetUsd == null ? BigDecimal.ZERO : monthlyBudgetUsd;
        budgetSoftPercent = budgetSoftPercent == null ? 80 : budgetSoftPercent;
    }
}

package io.labgate.providers;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Create or replace a provider setting. A blank {@code api_key} on update keeps the stored key. */
public record AiSettingRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "is too long") String name,
        @NotNull(message = "is required")
        @Pattern(regexp = "openai|anthropic|gemini|openai_compatible|sandbox",
                message = "must be one of openai, anthropic, gemini, openai_compatible, sandbox") String provider,
        @Size(max = 500, message = "is too long") String baseUrl,
        @Size(max = 500, message = "is too long") String apiKey,
        @NotBlank(message = "is required") @Size(max = 200, message = "is too long") String modelName,
        @NotNull(message = "is required") @Min(value = 1, message = "must be at least 1")
        @Max(value = 1_000_000, message = "must be at most 1000000") Integer maxTokens,
        @NotNull(message = "is required") @DecimalMin(value = "0", message = "must be between 0 and 2")
        @DecimalMax(value = "2", message = "must be between 0 and 2") BigDecimal temperature,
        @NotNull(message = "is required") @PositiveOrZero(message = "must not be negative") Integer hourlyLimit,
        @NotNull(message = "is required") @PositiveOrZero(message = "must not be negative") Integer dailyLimit,
        @NotNull(message = "is required") @PositiveOrZero(message = "must not be negative") Integer monthlyLimit,
        Boolean isActive) {

    /** Keeps the key out of any log line that prints the request. */
    @Override
    public String toString() {
        return "AiSettingRequest[name=" + name + ", provider=" + provider + ", modelName=" + modelName + "]";
    }
}

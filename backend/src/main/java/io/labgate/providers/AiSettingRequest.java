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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * Create or replace a provider setting. A blank {@code api_key} on update keeps the stored key. Limits and
 * generation settings left out take the defaults of the user's data model.
 */
public record AiSettingRequest(
        @NotBlank(message = "is required") @Size(max = 100, message = "is too long") String name,
        @NotNull(message = "is required")
        @Pattern(regexp = "openai|anthropic|gemini|openai_compatible|sandbox",
                message = "must be one of openai, anthropic, gemini, openai_compatible, sandbox") String provider,
        @Size(max = 500, message = "is too long") String baseUrl,
        @Size(max = 500, message = "is too long") String apiKey,
        @NotBlank(message = "is required") @Size(max = 200, message = "is too long") String modelName,
        @Schema(defaultValue = "" + DEFAULT_MAX_TOKENS) @Min(value = 1, message = "must be at least 1")
        @Max(value = 1_000_000, message = "must be at most 1000000") Integer maxTokens,
        @Schema(defaultValue = DEFAULT_TEMPERATURE) @DecimalMin(value = "0", message = "must be between 0 and 2")
        @DecimalMax(value = "2", message = "must be between 0 and 2") BigDecimal temperature,
        @Schema(defaultValue = "" + DEFAULT_HOURLY_LIMIT)
        @PositiveOrZero(message = "must not be negative") Integer hourlyLimit,
        @Schema(defaultValue = "" + DEFAULT_DAILY_LIMIT)
        @PositiveOrZero(message = "must not be negative") Integer dailyLimit,
        @Schema(defaultValue = "" + DEFAULT_MONTHLY_LIMIT)
        @PositiveOrZero(message = "must not be negative") Integer monthlyLimit,
        Boolean isActive) {

    static final int DEFAULT_MAX_TOKENS = 1000;
    static final String DEFAULT_TEMPERATURE = "0.7";
    static final int DEFAULT_HOURLY_LIMIT = 100;
    static final int DEFAULT_DAILY_LIMIT = 1000;
    static final int DEFAULT_MONTHLY_LIMIT = 10000;

    public AiSettingRequest {
        maxTokens = maxTokens == null ? DEFAULT_MAX_TOKENS : maxTokens;
        temperature = temperature == null ? new BigDecimal(DEFAULT_TEMPERATURE) : temperature;
        hourlyLimit = hourlyLimit == null ? DEFAULT_HOURLY_LIMIT : hourlyLimit;
        dailyLimit = dailyLimit == null ? DEFAULT_DAILY_LIMIT : dailyLimit;
        monthlyLimit = monthlyLimit == null ? DEFAULT_MONTHLY_LIMIT : monthlyLimit;
    }

    /** Keeps the key out of any log line that prints the request. */
    @Override
    public String toString() {
        return "AiSettingRequest[name=" + name + ", provider=" + provider + ", modelName=" + modelName + "]";
    }
}

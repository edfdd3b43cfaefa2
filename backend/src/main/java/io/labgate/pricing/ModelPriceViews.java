package io.labgate.pricing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

public final class ModelPriceViews {

    private ModelPriceViews() {
    }

    /** USD per one million tokens. */
    public record Request(
            @NotNull(message = "is required")
            @Pattern(regexp = "openai|anthropic|gemini|openai_compatible",
                    message = "must be one of openai, anthropic, gemini, openai_compatible") String provider,
            @NotBlank(message = "is required") @Size(max = 200, message = "is too long") String model,
            @NotNull(message = "is required") @DecimalMin(value = "0", message = "must not be negative")
            @DecimalMax(value = "100000", message = "is implausibly large") BigDecimal inputPerMtok,
            @NotNull(message = "is required") @DecimalMin(value = "0", message = "must not be negative")
            @DecimalMax(value = "100000", message = "is implausibly large") BigDecimal outputPerMtok,
            @DecimalMin(value = "0", message = "must not be negative") BigDecimal cachedInputPerMtok,
            @DecimalMin(value = "0", message = "must not be negative") BigDecimal cacheWritePerMtok,
            @Size(max = 300, message = "is too long") String source) {
    }

    public record View(Long id, String provider, String model, BigDecimal inputPerMtok, BigDecimal outputPerMtok,
                       BigDecimal cachedInputPerMtok, BigDecimal cacheWritePerMtok, String source,
                       LocalDate sourceDate, OffsetDateTime updatedAt) {

        static View of(ModelPrice p) {
            return new View(p.id, p.provider, p.model, p.inputPerMtok, p.outputPerMtok, p.cachedInputPerMtok,
                    p.cacheWritePerMtok, p.source, p.sourceDate, p.updatedAt);
        }
    }
}

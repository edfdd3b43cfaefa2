package io.labgate.pricing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

public final class ModelPriceViews {

    /**
     * A model id as providers spell them: gpt-4o-mini, models/gemini-2.5-flash, meta-llama/llama-3.1-8b:free.
     * Empty passes here so that a missing model is only "required".
     */
    static final String MODEL_ID = "([A-Za-z0-9][A-Za-z0-9._:/@+-]*)?";

    private ModelPriceViews() {
    }

    /**
     * USD per one million tokens. The column is NUMERIC(12, 6): six decimals at most (a seventh would be rounded
     * away silently), and a cap far above any real price so that a slipped digit is refused rather than billed.
     */
    @Schema(name = "ModelPriceRequest")
    public record Request(
            @NotNull(message = "is required")
            @Pattern(regexp = "openai|anthropic|gemini|openai_compatible",
                    message = "must be one of openai, anthropic, gemini, openai_compatible") String provider,
            @NotBlank(message = "is required") @Size(max = 200, message = "is too long")
            @Pattern(regexp = MODEL_ID, message = "must be a model id: letters, digits and . _ : / @ + -") String model,
            @NotNull(message = "is required") @DecimalMin(value = "0", message = "must not be negative")
            @DecimalMax(value = "100000", message = "is implausibly large")
            @Digits(integer = 12, fraction = 6, message = "has too many decimals") BigDecimal inputPerMtok,
            @NotNull(message = "is required") @DecimalMin(value = "0", message = "must not be negative")
            @DecimalMax(value = "100000", message = "is implausibly large")
            @Digits(integer = 12, fraction = 6, message = "has too many decimals") BigDecimal outputPerMtok,
            @DecimalMin(value = "0", message = "must not be negative")
            @DecimalMax(value = "100000", message = "is implausibly large")
            @Digits(integer = 12, fraction = 6, message = "has too many decimals") BigDecimal cachedInputPerMtok,
            @DecimalMin(value = "0", message = "must not be negative")
            @DecimalMax(value = "100000", message = "is implausibly large")
            @Digits(integer = 12, fraction = 6, message = "has too many decimals") BigDecimal cacheWritePerMtok,
            @Size(max = 300, message = "is too long") String source) {
    }

    @Schema(name = "ModelPriceView")
    public record View(Long id, String provider, String model, BigDecimal inputPerMtok, BigDecimal outputPerMtok,
                       BigDecimal cachedInputPerMtok, BigDecimal cacheWritePerMtok, String source,
                       LocalDate sourceDate, OffsetDateTime updatedAt) {

        static View of(ModelPrice p) {
            return new View(p.id, p.provider, p.model, p.inputPerMtok, p.outputPerMtok, p.cachedInputPerMtok,
                    p.cacheWritePerMtok, p.source, p.sourceDate, p.updatedAt);
        }
    }

    /** A model that provider settings call and no price row matches: its calls cost null (unknown). */
    public record UnpricedModel(String provider, String model, List<UnpricedSetting> settings) {
    }

    /** A provider setting that calls an unpriced model, and how many members it serves. */
    public record UnpricedSetting(long id, String name, boolean isActive, long members) {
    }
}

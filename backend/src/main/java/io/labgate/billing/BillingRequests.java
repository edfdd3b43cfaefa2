package io.labgate.billing;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

public final class BillingRequests {

    private BillingRequests() {
    }

    /** PUT: the month's rate and whether its statements add VAT (left out: no VAT). */
    public record ExchangeRateRequest(
            @Schema(description = "KRW per 1 USD, e.g. 1385.5")
            @NotNull(message = "is required")
            @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
            @Digits(integer = 8, fraction = 4, message = "must have at most 4 decimals")
            BigDecimal krwPerUsd,
            @Schema(description = "add the VAT line (labgate.billing.vat-percent, 10 %)") Boolean applyVat) {
    }

    public record ReopenRequest(
            @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters")
            String reason) {
    }
}

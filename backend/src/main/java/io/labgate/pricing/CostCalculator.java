package io.labgate.pricing;

import io.labgate.providers.TokenUsage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Cost of one call from normalised usage: uncached input at the input price, cache reads at the cached
 * price (input price when none is set), cache writes at the write price (input price when none is set),
 * output — reasoning included — at the output price. Six decimals (whole micro-USD), rounded up: what the usage
 * log shows is what the monthly budget counts (budgets/BudgetCosts), and a cost is never under-counted.
 */
public final class CostCalculator {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private CostCalculator() {
    }

    public static BigDecimal cost(ModelPrice price, TokenUsage usage) {
        long uncached = Math.max(0, usage.promptTokens() - usage.cachedTokens() - usage.cacheWriteTokens());
        BigDecimal cachedPrice = price.cachedInputPerMtok != null ? price.cachedInputPerMtok : price.inputPerMtok;
        BigDecimal writePrice = price.cacheWritePerMtok != null ? price.cacheWritePerMtok : price.inputPerMtok;
        BigDecimal micro = price.inputPerMtok.multiply(BigDecimal.valueOf(uncached))
                .add(cachedPrice.multiply(BigDecimal.valueOf(usage.cachedTokens())))
                .add(writePrice.multiply(BigDecimal.valueOf(usage.cacheWriteTokens())))
                .add(price.outputPerMtok.multiply(BigDecimal.valueOf(usage.completionTokens())));
        return micro.divide(MILLION, MathContext.DECIMAL128).setScale(6, RoundingMode.CEILING);
    }
}

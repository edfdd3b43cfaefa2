package io.labgate.budgets;

import io.labgate.common.money.MicroUsd;
import io.labgate.pricing.PricingService;
import io.labgate.providers.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;

/**
 * What a call counts against a monthly budget, in whole micro-USD: the most it may cost (reserved before the call)
 * and what it cost (settled after). A priced call counts its price (the usage row's cost, which is rounded up to
 * a micro-USD, so both agree to the micro-USD); a call of a model without a price counts at
 * {@code labgate.budgets.fallback-usd-per-mtok} for every token, never as free.
 */
@ApplicationScoped
public class BudgetCosts {

    private final PricingService pricing;
    private final BudgetConfig config;

    BudgetCosts(PricingService pricing, BudgetConfig config) {
        this.pricing = pricing;
        this.config = config;
    }

    /**
     * The most a call may cost: the prompt estimate as uncached input and the output budget ({@code max_tokens})
     * as output, at the configured model's price.
     */
    public long maxMicros(String provider, String model, long promptTokens, long maxOutputTokens) {
        TokenUsage most = new TokenUsage(promptTokens, maxOutputTokens, 0, 0, 0);
        return micros(pricing.cost(provider, model, most).orElse(null), most);
    }

    /** What a call cost: {@code cost} as its usage row keeps it, or null for an unpriced model. */
    public long micros(BigDecimal cost, TokenUsage usage) {
        if (cost != null) {
            return MicroUsd.ceil(cost);
        }
        return MicroUsd.ceil(BigDecimal.valueOf(usage.totalTokens()).multiply(config.fallbackUsdPerMtok())
                .movePointLeft(6));
    }
}

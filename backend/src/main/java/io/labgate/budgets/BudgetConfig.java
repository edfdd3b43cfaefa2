package io.labgate.budgets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;

/** Money budgets: how calls of models without a price count against them. */
@ConfigMapping(prefix = "labgate.budgets")
public interface BudgetConfig {

    /**
     * USD per 1M tokens (input and output alike) for calls whose model has no price (their cost is null in the
     * usage log): a budget counts them at this rate rather than as free.
     */
    @WithDefault("10")
    BigDecimal fallbackUsdPerMtok();
}

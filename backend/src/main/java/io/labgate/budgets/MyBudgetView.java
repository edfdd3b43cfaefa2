package io.labgate.budgets;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * GET /api/me/budget: the caller's monthly cost budget and what they have spent of it this month.
 * {@code monthly_budget_usd}, {@code left_usd} and {@code percent} are null when there is no budget;
 * {@code source} says whose budget it is (member: their own, plan: their plan's).
 */
public record MyBudgetView(BigDecimal monthlyBudgetUsd, int softPercent, String source, BigDecimal spentUsd,
                           BigDecimal leftUsd, BigDecimal percent, long unpricedCalls,
                           BigDecimal fallbackUsdPerMtok, OffsetDateTime resetsAt, String timeZone) {
}

package io.labgate.budgets;

import io.labgate.common.money.MicroUsd;

import java.math.BigDecimal;

/**
 * A member's monthly cost budget: their own where one is set, else their plan's; {@code usd} 0 means none. The
 * warning share is the plan's. This is the one place that says which budget applies.
 */
public record MemberBudget(BigDecimal usd, int softPercent, Source source) {

    public enum Source { MEMBER, PLAN }

    public static MemberBudget of(BigDecimal memberOverride, BigDecimal planBudget, int planSoftPercent) {
        return memberOverride != null
                ? new MemberBudget(memberOverride, planSoftPercent, Source.MEMBER)
                : new MemberBudget(planBudget == null ? BigDecimal.ZERO : planBudget, planSoftPercent, Source.PLAN);
    }

    public boolean limited() {
        return usd.signum() > 0;
    }

    /** The budget as the quota enforces it, in micro-USD; 0: none. */
    public long micros() {
        return limited() ? MicroUsd.floor(usd) : 0;
    }
}

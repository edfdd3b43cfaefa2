package io.labgate.plans;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

public record PlanView(Long id, String name, String displayName, BigDecimal monthlyCost, long monthlyTokenLimit,
                       int dailyRequestLimit, List<String> features, boolean isActive, long membersCount,
                       BigDecimal monthlyBudgetUsd, int budgetSoftPercent,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static PlanView of(Plan p, long membersCount) {
        return new PlanView(p.id, p.name, p.displayName, p.monthlyCost, p.monthlyTokenLimit, p.dailyRequestLimit,
                List.copyOf(p.features), p.isActive, membersCount, p.monthlyBudgetUsd, p.budgetSoftPercent, p.createdAt, p.updatedAt);
    }
}

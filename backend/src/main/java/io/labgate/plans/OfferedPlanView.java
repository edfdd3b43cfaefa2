package io.labgate.plans;

import java.math.BigDecimal;
import java.util.List;

/** A plan as a member sees it: what it includes and costs, nothing about who is on it. */
public record OfferedPlanView(String name, String displayName, BigDecimal monthlyCost, long monthlyTokenLimit,
                              int dailyRequestLimit, List<String> features) {

    static OfferedPlanView of(Plan p) {
        return new OfferedPlanView(p.name, p.displayName, p.monthlyCost, p.monthlyTokenLimit, p.dailyRequestLimit,
                List.copyOf(p.features));
    }
}

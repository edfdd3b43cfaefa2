package io.labgate.access;

import io.labgate.quota.MemberUsage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A member's access as the admin's Users tab and the member's own page show it, counters as of today. */
public record AccessView(Long id, MemberRef user, PlanRef plan, SettingRef aiSettings, boolean isEnabled,
                         boolean canUseAdvancedFeatures, long tokensUsedToday, long tokensUsedMonth,
                         int requestsToday, LocalDate lastResetDate, String assignedBy, OffsetDateTime assignedAt,
                         OffsetDateTime updatedAt, BigDecimal monthlyBudgetUsd) {

    public record MemberRef(Long id, String username, String email, String firstName, String lastName) {
    }

    public record PlanRef(Long id, String name, String displayName, long monthlyTokenLimit,
                          int dailyRequestLimit, java.util.List<String> features, BigDecimal monthlyBudgetUsd,
                          int budgetSoftPercent) {
    }

    public record SettingRef(Long id, String name, String provider, String modelName, boolean isActive) {
    }

    /** The counters as they stand {@code today}: a day or month that has ended shows zero. */
    static AccessView of(UserAiAccess a, LocalDate today) {
        var m = a.member;
        MemberUsage usage = MemberUsage.asOf(today, a.lastResetDate, a.requestsToday, a.tokensUsedToday,
                a.tokensUsedMonth);
        var p = a.plan;
        var s = a.aiSetting;
        return new AccessView(a.id,
                new MemberRef(m.id, m.username, m.email, m.firstName, m.lastName),
                new PlanRef(p.id, p.name, p.displayName, p.monthlyTokenLimit, p.dailyRequestLimit,
                        java.util.List.copyOf(p.features), p.monthlyBudgetUsd, p.budgetSoftPercent),
                s == null ? null : new SettingRef(s.id, s.name, s.provider, s.modelName, s.isActive),
                a.isEnabled, a.canUseAdvancedFeatures, usage.tokensToday(), usage.tokensMonth(), usage.requestsToday(),
                a.lastResetDate, a.assignedBy == null ? null : a.assignedBy.username, a.assignedAt, a.updatedAt,
                a.monthlyBudgetUsd);
    }
}

package io.labgate.access;

import io.labgate.members.Member;
import io.labgate.plans.Plan;
import io.labgate.providers.AiSetting;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The user's UserAIAccess: one per member, their plan, provider setting and usage counters. The counters are
 * read-only here: calls in flight change them with targeted updates ({@link io.labgate.quota.QuotaService}),
 * and an admin's edit of the row must never write back the values it read.
 */
@Entity
@Table(name = "user_ai_access")
public class UserAiAccess {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    public Member member;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "ai_settings_id")
    public AiSetting aiSetting;

    @Column(name = "is_enabled")
    public boolean isEnabled = true;

    @Column(name = "can_use_advanced_features")
    public boolean canUseAdvancedFeatures;

    @Column(name = "tokens_used_today", updatable = false)
    public long tokensUsedToday;

    @Column(name = "tokens_used_month", updatable = false)
    public long tokensUsedMonth;

    @Column(name = "requests_today", updatable = false)
    public int requestsToday;

    @Column(name = "last_reset_date", updatable = false)
    public LocalDate lastResetDate;

    /** The member's own monthly cost budget in USD, over the plan's; null: the plan's (0: none). */
    @Column(name = "monthly_budget_usd")
    public java.math.BigDecimal monthlyBudgetUsd;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assigned_by")
    public Member assignedBy;

    @Column(name = "assigned_at")
    public OffsetDateTime assignedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}

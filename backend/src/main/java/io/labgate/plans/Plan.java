package io.labgate.plans;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The user's AIServicePlan: what a member may use and what it costs per month. */
@Entity
@Table(name = "plans")
public class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "monthly_cost")
    public BigDecimal monthlyCost;

    @Column(name = "monthly_token_limit")
    public long monthlyTokenLimit;

    @Column(name = "daily_request_limit")
    public int dailyRequestLimit;

    /** Monthly cost budget in USD; 0 means none. A member's own budget overrides it (access). */
    @Column(name = "monthly_budget_usd")
    public BigDecimal monthlyBudgetUsd = BigDecimal.ZERO;

    /** The share of the budget, in percent, at which members on the plan are warned. */
    @Column(name = "budget_soft_percent")
    public int budgetSoftPercent = 80;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> features = new ArrayList<>();

    @Column(name = "is_active")
    public boolean isActive = true;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean includes(String feature) {
        return features.contains(feature);
    }
}

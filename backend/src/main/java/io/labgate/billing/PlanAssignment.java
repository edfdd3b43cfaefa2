package io.labgate.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A period in which a member held a plan, with the monthly fee it had when the period began. Open (no end) while
 * the member still holds it. The member's and the plan's names are copies, so the period outlives both.
 */
@Entity
@Table(name = "plan_assignments")
public class PlanAssignment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "member_id")
    public long memberId;

    public String username;

    @Column(name = "first_name")
    public String firstName = "";

    @Column(name = "last_name")
    public String lastName = "";

    public String email = "";

    @Column(name = "plan_id")
    public Long planId;

    @Column(name = "plan_name")
    public String planName;

    @Column(name = "plan_display_name")
    public String planDisplayName;

    @Column(name = "monthly_fee")
    public BigDecimal monthlyFee;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;
}

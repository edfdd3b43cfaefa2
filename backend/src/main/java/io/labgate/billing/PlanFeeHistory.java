package io.labgate.billing;

import io.labgate.members.Member;
import io.labgate.members.MemberDeleting;
import io.labgate.members.MemberRepository;
import io.labgate.plans.Plan;
import io.labgate.plans.PlanRepository;
import io.labgate.plans.PlanRepriced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The one writer of the plan-fee history statements are billed from: which plan each member held when, at what
 * fee. The access service tells it what a member now holds; a plan's new price and a member's deletion reach it
 * as events. Every change ends the open period at this instant and, when the member still holds a plan, begins
 * the next one at the same instant, at the plan's fee as it is now; nothing written is ever rewritten, so a later
 * price never reaches an earlier month.
 */
@ApplicationScoped
public class PlanFeeHistory {

    private final PlanAssignmentRepository periods;
    private final MemberRepository members;
    private final PlanRepository plans;
    private final Clock clock;

    PlanFeeHistory(PlanAssignmentRepository periods, MemberRepository members, PlanRepository plans, Clock clock) {
        this.periods = periods;
        this.members = members;
        this.plans = plans;
        this.clock = clock;
    }

    /**
     * The member's access now stands at {@code plan}, enabled or not. Nothing is written when the open period is
     * already this plan at its current fee.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holds(Member member, Plan plan, boolean enabled) {
        Optional<PlanAssignment> open = periods.open(member.id);
        if (enabled && open.isPresent() && Objects.equals(open.get().planId, plan.id)
                && open.get().monthlyFee.compareTo(plan.monthlyCost) == 0) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        periods.end(member.id, now);
        if (enabled) {
            begin(member.id, member.username, member.firstName, member.lastName, member.email, plan, now);
        }
    }

    /** The member's access was removed: they hold no plan from now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removed(long memberId) {
        periods.end(memberId, OffsetDateTime.now(clock));
    }

    /** A deleted member holds nothing from now; their periods keep the names they had at the end. */
    void memberDeleting(@Observes MemberDeleting event) {
        periods.end(event.memberId(), OffsetDateTime.now(clock));
        Member member = members.findById(event.memberId());
        if (member != null) {
            periods.update("username = ?1, firstName = ?2, lastName = ?3, email = ?4 where memberId = ?5",
                    member.username, member.firstName, member.lastName, member.email, member.id);
        }
    }

    /** Everyone on the plan pays its new fee from now; what they held before keeps the fee it had. */
    void planRepriced(@Observes PlanRepriced event) {
        Plan plan = plans.findById(event.planId());
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (PlanAssignment held : periods.openOnPlan(event.planId())) {
            periods.end(held.memberId, now);
            begin(held.memberId, held.username, held.firstName, held.lastName, held.email, plan, now);
        }
    }

    private void begin(long memberId, String username, String firstName, String lastName, String email, Plan plan,
                       OffsetDateTime at) {
        PlanAssignment period = new PlanAssignment();
        period.memberId = memberId;
        period.username = username;
        period.firstName = firstName;
        period.lastName = lastName;
        period.email = email;
        period.planId = plan.id;
        period.planName = plan.name;
        period.planDisplayName = plan.displayName;
        period.monthlyFee = plan.monthlyCost;
        period.startedAt = at;
        periods.persist(period);
    }
}

package io.labgate.plans;

import io.labgate.audit.AuditService;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class PlanService {

    private final PlanRepository repository;
    private final AuditService audit;
    private final Clock clock;
    private final Event<PlanRepriced> repriced;

    PlanService(PlanRepository repository, AuditService audit, Clock clock, Event<PlanRepriced> repriced) {
        this.repriced = repriced;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<PlanView> list() {
        Map<Long, Long> counts = repository.membersPerPlan();
        return repository.listByCost().stream().map(p -> PlanView.of(p, counts.getOrDefault(p.id, 0L))).toList();
    }

    /** The active plans, cheapest first: what a member may ask to be moved to. */
    @Transactional
    public List<OfferedPlanView> offered() {
        return repository.listActiveByCost().stream().map(OfferedPlanView::of).toList();
    }

    @Transactional
    public PlanView get(long id) {
        return view(find(id));
    }

    @Transactional
    public PlanView create(PlanRequest request) {
        if (repository.nameTaken(request.name(), null)) {
            throw ApiException.duplicate("name", "A plan with this name already exists");
        }
        Plan plan = new Plan();
        plan.createdAt = OffsetDateTime.now(clock);
        apply(plan, request);
        repository.persist(plan);
        PlanView view = view(plan);
        audit.record("plan.create", "plan", plan.id, null, view);
        return view;
    }

    @Transactional
    public PlanView update(long id, PlanRequest request) {
        Plan plan = find(id);
        if (repository.nameTaken(request.name(), id)) {
            throw ApiException.duplicate("name", "A plan with this name already exists");
        }
        PlanView before = view(plan);
        BigDecimal fee = plan.monthlyCost;
        apply(plan, request);
        if (fee.compareTo(plan.monthlyCost) != 0) {
            repriced.fire(new PlanRepriced(id));
        }
        PlanView after = view(plan);
        audit.record("plan.update", "plan", id, before, after);
        return after;
    }

    @Transactional
    public void delete(long id) {
        Plan plan = find(id);
        PlanView before = view(plan);
        if (before.membersCount() > 0) {
            throw ApiException.conflict(ErrorCode.PLAN_IN_USE, before.membersCount()
                    + " member(s) are on this plan; move them to another plan or deactivate it instead",
                    Map.of("members", before.membersCount()));
        }
        repository.delete(plan);
        audit.record("plan.delete", "plan", id, before, null);
    }

    public Plan find(long id) {
        return repository.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("plan", id));
    }

    private PlanView view(Plan plan) {
        return PlanView.of(plan, plan.id == null ? 0 : repository.membersPerPlan().getOrDefault(plan.id, 0L));
    }

    private void apply(Plan plan, PlanRequest request) {
        plan.name = request.name();
        plan.displayName = request.displayName().trim();
        plan.monthlyCost = request.monthlyCost();
        plan.monthlyTokenLimit = request.monthlyTokenLimit();
        plan.dailyRequestLimit = request.dailyRequestLimit();
        plan.features = new ArrayList<>(new LinkedHashSet<>(request.features()));
        plan.isActive = request.isActive() == null || request.isActive();
        plan.monthlyBudgetUsd = request.monthlyBudgetUsd();
        plan.budgetSoftPercent = request.budgetSoftPercent();
        plan.updatedAt = OffsetDateTime.now(clock);
    }
}

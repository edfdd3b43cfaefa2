package io.labgate.access;

import io.labgate.audit.AuditService;
import io.labgate.billing.PlanFeeHistory;
import io.labgate.common.security.CurrentMember;
import io.labgate.common.error.ApiError;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.common.error.ViolationCode;
import io.labgate.common.paging.PageRequest;
import io.labgate.common.paging.PageResponse;
import io.labgate.members.Member;
import io.labgate.members.MemberRepository;
import io.labgate.members.MemberView;
import io.labgate.plans.Plan;
import io.labgate.plans.PlanService;
import io.labgate.providers.AiSetting;
import io.labgate.providers.AiSettingService;
import io.labgate.quota.MyUsageService;
import io.labgate.quota.PendingUsage;
import io.labgate.quota.QuotaService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which members may use AI, on which plan and provider setting. */
@ApplicationScoped
public class AccessService {

    private final AccessRepository repository;
    private final MemberRepository members;
    private final PlanService plans;
    private final AiSettingService settings;
    private final AuditService audit;
    private final CurrentMember currentMember;
    private final QuotaService quota;
    private final PendingUsage pending;
    private final MyUsageService usage;
    private final Clock clock;
    private final PlanFeeHistory feeHistory;

    AccessService(AccessRepository repository, MemberRepository members, PlanService plans,
                  AiSettingService settings, AuditService audit, CurrentMember currentMember, QuotaService quota,
                  PendingUsage pending, MyUsageService usage, Clock clock, PlanFeeHistory feeHistory) {
        this.feeHistory = feeHistory;
        this.quota = quota;
        this.usage = usage;
        this.pending = pending;
        this.repository = repository;
        this.members = members;
        this.plans = plans;
        this.settings = settings;
        this.audit = audit;
        this.currentMember = currentMember;
        this.clock = clock;
    }

    /** Researchers with or without access, and anyone else who has it; see {@link AccessRepository.ListFilter}. */
    @Transactional
    public PageResponse<MemberAccessView> list(String q, Long planId, Boolean enabled, Boolean assigned,
                                               PageRequest page) {
        var filter = new AccessRepository.ListFilter(q, planId, enabled, assigned);
        List<Member> listed = repository.listedMembers(filter, page.page, page.size);
        Map<Long, UserAiAccess> accessByMember = listed.isEmpty() ? Map.of()
                : repository.findFetchedByMembers(listed.stream().map(m -> m.id).toList()).stream()
                .collect(Collectors.toMap(a -> a.member.id, Function.identity()));
        List<MemberAccessView> items = listed.stream().map(m -> new MemberAccessView(MemberView.of(m),
                accessByMember.containsKey(m.id) ? view(accessByMember.get(m.id)) : null)).toList();
        return new PageResponse<>(items, repository.countListed(filter), page.page, page.size);
    }

    /** A member's access and usage windows for their page, read after their ended calls are booked. */
    public MemberAccessDetail forMember(long memberId) {
        pending.awaitMember(memberId);
        AccessView access = QuarkusTransaction.joiningExisting().call(() -> {
            if (members.findByIdOptional(memberId).isEmpty()) {
                throw ApiException.notFound("member", memberId);
            }
            return repository.findByMember(memberId).map(this::view).orElse(null);
        });
        return new MemberAccessDetail(access, access == null ? List.of() : usage.forMember(memberId).windows());
    }

    @Transactional
    public AccessView get(long id) {
        return view(find(id));
    }

    /** The member's own access, read after their ended calls are booked (see PendingUsage). */
    public AccessView getForMember(long memberId) {
        pending.awaitMember(memberId);
        return QuarkusTransaction.joiningExisting().call(() -> repository.findByMember(memberId).map(this::view)
                .orElseThrow(() -> new ApiException(404, ErrorCode.NOT_FOUND,
                        "No AI access has been assigned to you yet", Map.of("resource", "access"))));
    }

    @Transactional
    public AccessView create(AccessRequests.Create request) {
        Member member = members.findByIdOptional(request.userId()).orElseThrow(() ->
                ApiException.invalid(List.of(unknownId("user_id", "member", request.userId()))));
        if (repository.findByMember(member.id).isPresent()) {
            throw ApiException.duplicate("user_id", "This member already has AI access; edit it instead");
        }
        UserAiAccess access = newAccess(member, planFor("ai_plan_id", request.aiPlanId()),
                settingFor("ai_settings_id", request.aiSettingsId()));
        if (request.isEnabled() != null) {
            access.isEnabled = request.isEnabled();
        }
        if (request.canUseAdvancedFeatures() != null) {
            access.canUseAdvancedFeatures = request.canUseAdvancedFeatures();
        }
        access.monthlyBudgetUsd = request.monthlyBudgetUsd();
        repository.persist(access);
        feeHistory.holds(member, access.plan, access.isEnabled);
        AccessView view = view(access);
        audit.record("access.create", "user_ai_access", access.id, null, view);
        return view;
    }

    @Transactional
    public AccessView update(long id, AccessRequests.Update request) {
        UserAiAccess access = find(id);
        AccessView before = view(access);
        if (request.aiPlanId() != null) {
            access.plan = planFor("ai_plan_id", request.aiPlanId());
        }
        if (request.aiSettingsId() != null) {
            access.aiSetting = request.aiSettingsId() == 0 ? null : settingFor("ai_settings_id",
                    request.aiSettingsId());
        }
        if (request.isEnabled() != null) {
            access.isEnabled = request.isEnabled();
        }
        if (request.canUseAdvancedFeatures() != null) {
            access.canUseAdvancedFeatures = request.canUseAdvancedFeatures();
        }
        if (Boolean.TRUE.equals(request.followPlanBudget())) {
            access.monthlyBudgetUsd = null;
        } else if (request.monthlyBudgetUsd() != null) {
            access.monthlyBudgetUsd = request.monthlyBudgetUsd();
        }
        access.updatedAt = OffsetDateTime.now(clock);
        feeHistory.holds(access.member, access.plan, access.isEnabled);
        AccessView after = view(access);
        audit.record("access.update", "user_ai_access", id, before, after);
        return after;
    }

    @Transactional
    public void delete(long id) {
        UserAiAccess access = find(id);
        AccessView before = view(access);
        feeHistory.removed(access.member.id);
        repository.delete(access);
        audit.record("access.delete", "user_ai_access", id, before, null);
    }

    /**
     * Gives every listed member the plan (and setting), creating or updating their access. All or nothing:
     * any unknown id fails the whole request before anything is written.
     */
    @Transactional
    public AccessRequests.BulkAssignResult bulkAssign(AccessRequests.BulkAssign request) {
        Set<Long> ids = new LinkedHashSet<>(request.userIds());
        Plan plan = planFor("ai_plan_id", request.aiPlanId());
        AiSetting setting = settingFor("ai_settings_id", request.aiSettingsId());
        Map<Long, Member> found = members.list("id in ?1", ids).stream()
                .collect(Collectors.toMap(m -> m.id, Function.identity()));
        List<Long> unknown = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            List<ApiError.Violation> violations = unknown.stream()
                    .map(id -> unknownId("user_ids", "member", id)).toList();
            throw new ApiException(404, ErrorCode.NOT_FOUND, "Unknown member id(s): " + unknown
                    + "; nobody was assigned", Map.of("resource", "member"), violations);
        }
        Map<Long, UserAiAccess> existing = repository.findByMembers(ids).stream()
                .collect(Collectors.toMap(a -> a.member.id, Function.identity()));
        List<UserAiAccess> changed = new ArrayList<>();
        for (Long id : ids) {
            UserAiAccess access = existing.get(id);
            if (access == null) {
                access = newAccess(found.get(id), plan, setting);
                repository.persist(access);
            } else {
                access.plan = plan;
                access.aiSetting = setting;
                access.isEnabled = true;
                access.assignedBy = assigner();
                access.assignedAt = OffsetDateTime.now(clock);
                access.updatedAt = access.assignedAt;
            }
            feeHistory.holds(found.get(id), plan, true);
            changed.add(access);
        }
        for (UserAiAccess access : changed) {
            audit.record("access.bulk_assign", "user_ai_access", access.id, null, view(access));
        }
        return new AccessRequests.BulkAssignResult(ids.size(), ids.size() - existing.size(), existing.size());
    }

    @Transactional
    public AccessView resetUsage(long id) {
        UserAiAccess access = find(id);
        AccessView before = view(access);
        quota.resetMemberCounters(id);
        repository.getEntityManager().refresh(access);
        AccessView after = view(access);
        audit.record("access.reset_usage", "user_ai_access", id, before, after);
        return after;
    }

    private AccessView view(UserAiAccess access) {
        return AccessView.of(access, LocalDate.now(clock));
    }

    private UserAiAccess find(long id) {
        return repository.findFetched(id).orElseThrow(() -> ApiException.notFound("access", id));
    }

    private UserAiAccess newAccess(Member member, Plan plan, AiSetting setting) {
        UserAiAccess access = new UserAiAccess();
        access.member = member;
        access.plan = plan;
        access.aiSetting = setting;
        access.isEnabled = true;
        access.lastResetDate = LocalDate.now(clock);
        access.assignedBy = assigner();
        access.assignedAt = OffsetDateTime.now(clock);
        access.updatedAt = access.assignedAt;
        return access;
    }

    private Member assigner() {
        Long id = currentMember.idOrNull();
        return id == null ? null : members.findById(id);
    }

    private Plan planFor(String field, Long id) {
        try {
            return plans.find(id);
        } catch (ApiException e) {
            throw new ApiException(404, ErrorCode.NOT_FOUND, "Plan " + id + " was not found",
                    Map.of("resource", "plan", "id", id), List.of(unknownId(field, "plan", id)));
        }
    }

    private AiSetting settingFor(String field, Long id) {
        if (id == null) {
            return null;
        }
        try {
            return settings.find(id);
        } catch (ApiException e) {
            throw new ApiException(404, ErrorCode.NOT_FOUND, "Provider setting " + id + " was not found",
                    Map.of("resource", "ai_setting", "id", id), List.of(unknownId(field, "ai_setting", id)));
        }
    }

    private static ApiError.Violation unknownId(String field, String resource, long id) {
        return new ApiError.Violation(field, ViolationCode.NOT_FOUND, Map.of("id", id),
                resource + " " + id + " does not exist");
    }
}

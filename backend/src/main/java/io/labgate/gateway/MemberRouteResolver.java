package io.labgate.gateway;

import io.labgate.common.threads.WouldBlock;
import io.labgate.access.AccessRepository;
import io.labgate.access.UserAiAccess;
import io.labgate.budgets.MemberBudget;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.plans.Plan;
import io.labgate.plans.PlanRepository;
import io.labgate.providers.AiSetting;
import io.labgate.providers.AiSettingService;
import io.labgate.quota.QuotaService;
import jakarta.enterprise.context.ApplicationScoped;
import io.labgate.audit.AdminChange;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import java.util.Comparator;

/**
 * Checks that a member may use a feature now, and says exactly why not when they may not. Routes that pass
 * are kept (every call needs one; they change only when an admin changes something): an admin change drops
 * them on every replica when it commits (ChangeBroadcast); {@code ROUTE_TTL} only bounds a missed notice.
 */
@ApplicationScoped
public class MemberRouteResolver {

    private static final long ROUTE_TTL_NANOS = Duration.ofSeconds(30).toNanos();

    private final AccessRepository accessRepository;
    private final PlanRepository plans;
    private final AiSettingService settings;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    /** A route that passed the checks, with what the feature check needs. */
    private record Cached(MemberRoute route, List<String> features, long loadedAt) {
    }

    MemberRouteResolver(AccessRepository accessRepository, PlanRepository plans, AiSettingService settings) {
        this.accessRepository = accessRepository;
        this.plans = plans;
        this.settings = settings;
    }

    void onAdminChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AdminChange change) {
        cache.clear();
    }

    public MemberRoute resolve(long memberId, RequestType type) {
        Cached cached = cache.get(memberId);
        if (cached != null && System.nanoTime() - cached.loadedAt() < ROUTE_TTL_NANOS
                && cached.features().contains(type.feature())) {
            return cached.route();
        }
        WouldBlock.ifOnEventLoop();
        return QuarkusTransaction.joiningExisting().call(() -> load(memberId, type));
    }

    private MemberRoute load(long memberId, RequestType type) {
        UserAiAccess access = accessRepository.findByMember(memberId).orElseThrow(() ->
                new ApiException(403, "no_access", "AI features have not been assigned to you yet; ask the administrator"));
        if (!access.isEnabled) {
            throw new ApiException(403, "access_disabled", "Your AI access is disabled; ask the administrator");
        }
        if (!access.member.isActive) {
            throw new ApiException(403, "account_inactive", "Your account is deactivated");
        }
        Plan plan = access.plan;
        if (!plan.includes(type.feature())) {
            List<String> includedIn = plans.listAll().stream()
                    .filter(p -> p.isActive && p.includes(type.feature()))
                    .sorted(Comparator.comparing(p -> p.monthlyCost))
                    .map(p -> p.displayName)
                    .toList();
            throw new ApiException(403, ErrorCode.FEATURE_NOT_IN_PLAN, "Your plan (" + plan.displayName
                    + ") does not include " + type.wireName()
                    + (includedIn.isEmpty() ? "" : "; it is included in " + includedIn.getFirst()),
                    Map.of("feature", type.wireName(), "plan", plan.displayName, "plans", includedIn));
        }
        AiSetting setting = access.aiSetting;
        if (setting == null) {
            throw new ApiException(403, "no_provider", "No AI provider has been assigned to you yet; ask the administrator");
        }
        if (!setting.isActive) {
            throw new ApiException(403, ErrorCode.PROVIDER_INACTIVE, "The AI provider assigned to you ("
                    + setting.name + ") is currently deactivated; ask the administrator", Map.of("setting", setting.name));
        }
        long budgetMicros = MemberBudget.of(access.monthlyBudgetUsd, plan.monthlyBudgetUsd, plan.budgetSoftPercent)
                .micros();
        MemberRoute route = new MemberRoute(memberId, access.id, plan.id, settings.connection(setting.id),
                setting.maxTokens, setting.temperature, new QuotaService.Limits(plan.monthlyTokenLimit,
                plan.dailyRequestLimit, setting.hourlyLimit, setting.dailyLimit, setting.monthlyLimit, budgetMicros));
        cache.put(memberId, new Cached(route, List.copyOf(plan.features), System.nanoTime()));
        return route;
    }
}

package io.labgate.gateway;

import io.labgate.access.AccessRepository;
import io.labgate.access.UserAiAccess;
import io.labgate.audit.AdminChange;
import io.labgate.budgets.MemberBudget;
import io.labgate.common.cache.ReadCache;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.common.threads.WouldBlock;
import io.labgate.plans.Plan;
import io.labgate.plans.PlanRepository;
import io.labgate.providers.AiSetting;
import io.labgate.providers.AiSettingService;
import io.labgate.quota.QuotaService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.virtual.threads.VirtualThreads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Checks that a member may use a feature now, and says exactly why not when they may not. Routes that pass
 * are kept (every call needs one; they change only when an admin changes something): an admin change drops
 * them on every replica when it commits (ChangeBroadcast); the cache's ages only bound a missed notice.
 */
@ApplicationScoped
public class MemberRouteResolver {

    private static final Duration REFRESH_AFTER = Duration.ofSeconds(30);
    private static final Duration EXPIRE_AFTER = Duration.ofMinutes(2);

    private final AccessRepository accessRepository;
    private final PlanRepository plans;
    private final AiSettingService settings;
    /** Members' routes that passed the checks; a member who may not call has none here. */
    private final ReadCache<Long, Cached> cache;

    /** A route that passed the checks, with what the feature check needs. */
    private record Cached(MemberRoute route, List<String> features) {
    }

    MemberRouteResolver(AccessRepository accessRepository, PlanRepository plans, AiSettingService settings,
                        @VirtualThreads ExecutorService virtualThreads) {
        this.cache = ReadCache.ofDatabase(REFRESH_AFTER, EXPIRE_AFTER, 100_000, virtualThreads, this::passing);
        this.accessRepository = accessRepository;
        this.plans = plans;
        this.settings = settings;
    }

    void onAdminChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AdminChange change) {
        cache.clear();
    }

    public MemberRoute resolve(long memberId, RequestType type) {
        Cached cached = cache.get(memberId);
        if (cached != null && cached.features().contains(type.feature())) {
            return cached.route();
        }
        // Refused: read again, to say exactly why.
        WouldBlock.ifOnEventLoop();
        return QuarkusTransaction.joiningExisting().call(() -> load(memberId, type)).route();
    }

    /** The member's route when it passes the checks that do not depend on the feature; null when it does not. */
    private Cached passing(long memberId) {
        try {
            return load(memberId, null);
        } catch (ApiException refused) {
            return null;
        }
    }

    /** The route, or the first reason the member may not call ({@code type} null: for any feature of the plan). */
    private Cached load(long memberId, RequestType type) {
        UserAiAccess access = accessRepository.findByMember(memberId).orElseThrow(() ->
                new ApiException(403, "no_access", "AI features have not been assigned to you yet; ask the administrator"));
        if (!access.isEnabled) {
            throw new ApiException(403, "access_disabled", "Your AI access is disabled; ask the administrator");
        }
        if (!access.member.isActive) {
            throw new ApiException(403, "account_inactive", "Your account is deactivated");
        }
        Plan plan = access.plan;
        if (type != null && !plan.includes(type.feature())) {
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
        return new Cached(route, List.copyOf(plan.features));
    }
}

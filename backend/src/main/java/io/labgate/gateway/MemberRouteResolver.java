package io.labgate.gateway;

import io.labgate.access.AccessRepository;
import io.labgate.access.UserAiAccess;
import io.labgate.common.error.ApiException;
import io.labgate.plans.Plan;
import io.labgate.plans.PlanRepository;
import io.labgate.providers.AiSetting;
import io.labgate.providers.AiSettingService;
import io.labgate.quota.QuotaService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Comparator;

/** Checks that a member may use a feature now, and says exactly why not when they may not. */
@ApplicationScoped
public class MemberRouteResolver {

    private final AccessRepository accessRepository;
    private final PlanRepository plans;
    private final AiSettingService settings;

    MemberRouteResolver(AccessRepository accessRepository, PlanRepository plans, AiSettingService settings) {
        this.accessRepository = accessRepository;
        this.plans = plans;
        this.settings = settings;
    }

    @Transactional
    public MemberRoute resolve(long memberId, RequestType type) {
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
            String includedIn = plans.listAll().stream()
                    .filter(p -> p.isActive && p.includes(type.feature()))
                    .min(Comparator.comparing(p -> p.monthlyCost))
                    .map(p -> "; it is included in " + p.displayName)
                    .orElse("");
            throw new ApiException(403, "feature_not_in_plan", "Your plan (" + plan.displayName
                    + ") does not include " + type.wireName() + includedIn);
        }
        AiSetting setting = access.aiSetting;
        if (setting == null) {
            throw new ApiException(403, "no_provider", "No AI provider has been assigned to you yet; ask the administrator");
        }
        if (!setting.isActive) {
            throw new ApiException(403, "provider_inactive", "The AI provider assigned to you ("
                    + setting.name + ") is currently deactivated; ask the administrator");
        }
        return new MemberRoute(memberId, access.id, settings.connection(setting.id), setting.maxTokens,
                setting.temperature, new QuotaService.Limits(plan.monthlyTokenLimit, plan.dailyRequestLimit,
                setting.hourlyLimit, setting.dailyLimit, setting.monthlyLimit));
    }
}

package io.labgate.quota;

import io.labgate.access.AccessRepository;
import io.labgate.access.UserAiAccess;
import io.labgate.common.error.ApiException;
import io.labgate.providers.AiSetting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** What a member has used and has left, read the same way the reservation counts. */
@ApplicationScoped
public class MyUsageService {

    private final AccessRepository accessRepository;
    private final EntityManager em;
    private final Clock clock;
    private final PendingUsage pending;

    MyUsageService(AccessRepository accessRepository, EntityManager em, Clock clock, PendingUsage pending) {
        this.pending = pending;
        this.accessRepository = accessRepository;
        this.em = em;
        this.clock = clock;
    }

    /** Read after the member's own ended calls are booked (at most a flush away), outside any transaction. */
    public MyUsageView forMember(long memberId) {
        pending.awaitMember(memberId);
        return QuarkusTransaction.joiningExisting().call(() -> read(memberId));
    }

    private MyUsageView read(long memberId) {
        UserAiAccess access = accessRepository.findByMember(memberId).orElseThrow(() ->
                new ApiException(404, "not_found", "No AI access has been assigned to you yet"));
        ZonedDateTime now = ZonedDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        MemberUsage usage = MemberUsage.asOf(today, access.lastResetDate, access.requestsToday,
                access.tokensUsedToday, access.tokensUsedMonth);
        List<UsageWindowView> windows = new ArrayList<>();
        windows.add(UsageWindowView.of("day", "plan", "requests", usage.requestsToday(),
                access.plan.dailyRequestLimit, WindowKind.DAY.end(now).toOffsetDateTime()));
        windows.add(UsageWindowView.of("month", "plan", "tokens", usage.tokensMonth(),
                access.plan.monthlyTokenLimit, WindowKind.MONTH.end(now).toOffsetDateTime()));
        AiSetting setting = access.aiSetting;
        if (setting != null) {
            for (WindowKind kind : WindowKind.values()) {
                int limit = switch (kind) {
                    case HOUR -> setting.hourlyLimit;
                    case DAY -> setting.dailyLimit;
                    case MONTH -> setting.monthlyLimit;
                };
                if (limit == 0) {
                    continue; // unlimited windows are not counted, so there is nothing true to show
                }
                List<?> rows = em.createNativeQuery("""
                                SELECT requests FROM setting_usage_windows
                                 WHERE ai_settings_id = :s AND window_kind = :k AND window_start = :start
                                """)
                        .setParameter("s", setting.id).setParameter("k", kind.dbName())
                        .setParameter("start", kind.start(now).toOffsetDateTime()).getResultList();
                long used = rows.isEmpty() ? 0 : ((Number) rows.getFirst()).longValue();
                windows.add(UsageWindowView.of(kind.dbName(), "provider", "requests", used, limit,
                        kind.end(now).toOffsetDateTime()));
            }
        }
        return new MyUsageView(access.plan.name, access.plan.displayName, List.copyOf(access.plan.features),
                setting == null ? null : setting.name, setting == null ? null : setting.modelName, access.isEnabled,
                clock.getZone().getId(), windows);
    }
}

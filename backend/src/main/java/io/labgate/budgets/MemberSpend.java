package io.labgate.budgets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What members have spent this month, in USD: the usage log's cost of their calls since the 1st in the platform's
 * zone, calls of unpriced models at {@code labgate.budgets.fallback-usd-per-mtok}. The one owner of that sum
 * (alerts read it; the quota's cost budget will too). Served by the usage log's (member_id, created_at) index.
 */
@ApplicationScoped
public class MemberSpend {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    /** A member's spend this month, and how many of those calls had no price (counted at the fallback). */
    public record Spend(BigDecimal usd, long unpricedCalls) {
        public static final Spend NONE = new Spend(BigDecimal.ZERO.setScale(6), 0);
    }

    private final EntityManager em;
    private final BudgetConfig config;

    MemberSpend(EntityManager em, BudgetConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Spend this month (as of {@code now}, in its zone) per member; members without calls are left out. */
    public Map<Long, Spend> monthToDate(Collection<Long> memberIds, ZonedDateTime now) {
        Map<Long, Spend> spend = new HashMap<>();
        if (memberIds.isEmpty()) {
            return spend;
        }
        ZonedDateTime start = now.toLocalDate().withDayOfMonth(1).atStartOfDay(now.getZone());
        List<?> rows = em.createNativeQuery("""
                        SELECT member_id,
                               coalesce(sum(coalesce(cost, total_tokens * CAST(:fallback AS numeric) / :million)), 0),
                               count(*) FILTER (WHERE cost IS NULL AND total_tokens > 0)
                          FROM usage_logs
                         WHERE member_id IN (:members) AND created_at >= :start AND created_at < :end
                         GROUP BY member_id
                        """)
                .setParameter("fallback", config.fallbackUsdPerMtok())
                .setParameter("million", MILLION)
                .setParameter("members", memberIds)
                .setParameter("start", start.toOffsetDateTime())
                .setParameter("end", start.plusMonths(1).toOffsetDateTime())
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            spend.put(((Number) r[0]).longValue(), new Spend(((BigDecimal) r[1]).setScale(6, RoundingMode.HALF_UP),
                    ((Number) r[2]).longValue()));
        }
        return spend;
    }

    public Spend monthToDate(long memberId, ZonedDateTime now) {
        return monthToDate(List.of(memberId), now).getOrDefault(memberId, Spend.NONE);
    }

    public BigDecimal fallbackUsdPerMtok() {
        return config.fallbackUsdPerMtok();
    }
}

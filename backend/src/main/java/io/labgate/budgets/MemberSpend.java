package io.labgate.budgets;

import io.labgate.common.money.MicroUsd;
import io.labgate.quota.MemberUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What members have spent this month, in USD: the committed cost counter the quota enforces the budget with
 * ({@code user_ai_access.cost_used_month_micros}, written by the ledger with each usage row: the row's cost
 * rounded up to whole micro-USD, calls of unpriced models at {@code labgate.budgets.fallback-usd-per-mtok}). The
 * one owner of that number for readers: alerts and the member's budget page ask here.
 */
@ApplicationScoped
public class MemberSpend {

    /** A member's spend this month, and how many of those calls had no price (counted at the fallback). */
    public record Spend(BigDecimal usd, long unpricedCalls) {
        public static final Spend NONE = new Spend(MicroUsd.usd(0), 0);
    }

    private final EntityManager em;
    private final BudgetConfig config;

    MemberSpend(EntityManager em, BudgetConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Spend this month (as of {@code now}, in its zone) per member; members without access are left out. */
    public Map<Long, BigDecimal> monthToDate(Collection<Long> memberIds, ZonedDateTime now) {
        Map<Long, BigDecimal> spend = new HashMap<>();
        if (memberIds.isEmpty()) {
            return spend;
        }
        LocalDate today = now.toLocalDate();
        List<?> rows = em.createNativeQuery("""
                        SELECT member_id, cost_used_month_micros, last_reset_date FROM user_ai_access
                         WHERE member_id IN (:members)
                        """)
                .setParameter("members", memberIds)
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            LocalDate lastReset = r[2] instanceof Date date ? date.toLocalDate() : (LocalDate) r[2];
            spend.put(((Number) r[0]).longValue(),
                    MicroUsd.usd(MemberUsage.thisMonth(today, lastReset, ((Number) r[1]).longValue())));
        }
        return spend;
    }

    /**
     * One member's spend this month, with the calls of unpriced models among it (from the usage log, served by
     * its (member_id, created_at) index), for their budget page.
     */
    public Spend monthToDate(long memberId, ZonedDateTime now) {
        BigDecimal usd = monthToDate(List.of(memberId), now).get(memberId);
        if (usd == null) {
            return Spend.NONE;
        }
        ZonedDateTime start = now.toLocalDate().withDayOfMonth(1).atStartOfDay(now.getZone());
        long unpriced = ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM usage_logs
                         WHERE member_id = :member AND created_at >= :start AND created_at < :end
                           AND cost IS NULL AND total_tokens > 0
                        """)
                .setParameter("member", memberId)
                .setParameter("start", start.toOffsetDateTime())
                .setParameter("end", start.plusMonths(1).toOffsetDateTime())
                .getSingleResult()).longValue();
        return new Spend(usd, unpriced);
    }

    public BigDecimal fallbackUsdPerMtok() {
        return config.fallbackUsdPerMtok();
    }
}

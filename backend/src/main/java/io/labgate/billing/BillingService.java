package io.labgate.billing;

import io.labgate.common.error.ApiException;
import io.labgate.common.error.ViolationCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The month's bill per member: the plan fee of their current plan, and the provider cost of their calls in
 * that month (from the usage log, in the configured zone). Members without access but with calls in the month
 * still appear, so no cost goes unaccounted.
 */
@ApplicationScoped
public class BillingService {

    private final EntityManager em;
    private final Clock clock;

    BillingService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public BillingViews.MonthlyBilling month(String month) {
        YearMonth ym;
        try {
            ym = month == null || month.isBlank() ? YearMonth.now(clock) : YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("month", ViolationCode.INVALID_MONTH, "must look like 2026-11");
        }
        var start = ym.atDay(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        var end = ym.plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        List<?> rows = em.createNativeQuery("""
                        WITH usage AS (
                            SELECT member_id, coalesce(sum(cost), 0) AS cost, coalesce(sum(total_tokens), 0) AS tokens,
                                   count(*) FILTER (WHERE status <> 'refused') AS requests,
                                   count(*) FILTER (WHERE cost IS NULL AND status IN ('ok', 'incomplete', 'cancelled')) AS unpriced
                              FROM usage_logs
                             WHERE created_at >= :start AND created_at < :end AND member_id IS NOT NULL
                             GROUP BY member_id)
                        SELECT m.id, m.username, m.email, p.name, p.display_name, coalesce(p.monthly_cost, 0),
                               coalesce(u.cost, 0), coalesce(u.tokens, 0), coalesce(u.requests, 0), coalesce(u.unpriced, 0)
                          FROM members m
                          LEFT JOIN user_ai_access a ON a.member_id = m.id
                          LEFT JOIN plans p ON p.id = a.plan_id
                          LEFT JOIN usage u ON u.member_id = m.id
                         WHERE a.id IS NOT NULL OR u.member_id IS NOT NULL
                         ORDER BY coalesce(u.cost, 0) DESC, m.username
                        """)
                .setParameter("start", start)
                .setParameter("end", end)
                .getResultList();
        List<BillingViews.MemberBill> bills = new ArrayList<>();
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            BigDecimal fee = ((BigDecimal) r[5]).setScale(2, RoundingMode.HALF_UP);
            BigDecimal ai = ((BigDecimal) r[6]).setScale(6, RoundingMode.HALF_UP);
            bills.add(new BillingViews.MemberBill(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    (String) r[3], (String) r[4], fee, ai, ((Number) r[7]).longValue(), ((Number) r[8]).longValue(),
                    ((Number) r[9]).longValue()));
            fees = fees.add(fee);
            cost = cost.add(ai);
        }
        return new BillingViews.MonthlyBilling(ym.toString(), clock.getZone().getId(), bills, fees,
                cost.setScale(6, RoundingMode.HALF_UP), fees.subtract(cost).setScale(6, RoundingMode.HALF_UP));
    }
}

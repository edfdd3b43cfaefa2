package io.labgate.billing;

import io.labgate.billing.StatementCalculator.UsageRow;
import io.labgate.members.Member;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Billing's queries: the usage log by month, month settings, closes and their frozen statements. */
@ApplicationScoped
public class BillingRepository {

    /** A close of a month; {@code reopenedAt} is set once it was reopened. */
    public record Closing(long id, LocalDate month, OffsetDateTime closedAt, String closedBy, String totals,
                          OffsetDateTime reopenedAt, String reopenedBy, String reopenReason) {
    }

    private final EntityManager em;

    BillingRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Calls in [start, end) per member (null: calls of members deleted before ids were kept), model and feature;
     * refused calls are not counted. One pass over the month on the usage log's time index (or, for one member,
     * their own index).
     */
    Map<Long, List<UsageRow>> usage(OffsetDateTime start, OffsetDateTime end, Long memberId) {
        Query query = em.createNativeQuery("""
                SELECT member_id, coalesce(provider, ''), coalesce(model, ''), request_type,
                       count(*) FILTER (WHERE status <> 'refused'), coalesce(sum(prompt_tokens), 0),
                       coalesce(sum(completion_tokens), 0), coalesce(sum(total_tokens), 0), coalesce(sum(cost), 0),
                       count(*) FILTER (WHERE cost IS NULL AND status IN ('ok', 'incomplete', 'cancelled'))
                  FROM usage_logs
                 WHERE created_at >= :start AND created_at < :end""" + (memberId == null ? "" : " AND member_id = :member")
                + " GROUP BY member_id, provider, model, request_type");
        query.setParameter("start", start).setParameter("end", end);
        if (memberId != null) {
            query.setParameter("member", memberId);
        }
        Map<Long, List<UsageRow>> byMember = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            UsageRow usage = new UsageRow((String) r[1], (String) r[2], (String) r[3], lng(r[4]), lng(r[5]),
                    lng(r[6]), lng(r[7]), (BigDecimal) r[8], lng(r[9]));
            if (usage.calls() > 0 || usage.cost().signum() != 0) {
                byMember.computeIfAbsent(r[0] == null ? null : lng(r[0]), k -> new ArrayList<>()).add(usage);
            }
        }
        return byMember;
    }

    Optional<OffsetDateTime> firstCall(long memberId) {
        List<?> first = em.createNativeQuery("SELECT min(created_at) FROM usage_logs WHERE member_id = :member")
                .setParameter("member", memberId).getResultList();
        return first.isEmpty() || first.get(0) == null ? Optional.empty() : Optional.of(time(first.get(0)));
    }

    Map<Long, Member> members(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("from Member where id in :ids", Member.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(m -> m.id, Function.identity()));
    }

    Optional<BillingMonth> month(LocalDate month) {
        return Optional.ofNullable(em.find(BillingMonth.class, month));
    }

    /** The month's settings row, locked until the transaction ends: closes, reopens and rate changes queue here. */
    BillingMonth lock(LocalDate month, OffsetDateTime now) {
        em.createNativeQuery("INSERT INTO billing_months (month, updated_at) VALUES (:month, :now) ON CONFLICT DO NOTHING")
                .setParameter("month", month).setParameter("now", now).executeUpdate();
        return em.find(BillingMonth.class, month, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The close that stands (not reopened), if the month is closed. */
    Optional<Closing> standing(LocalDate month) {
        return closings(month).stream().filter(c -> c.reopenedAt() == null).findFirst();
    }

    /** Every close of the month, oldest first. */
    List<Closing> closings(LocalDate month) {
        List<?> rows = em.createNativeQuery("""
                        SELECT id, month, closed_at, closed_by, CAST(totals AS text), reopened_at, reopened_by, reopen_reason
                          FROM billing_closings WHERE month = :month ORDER BY closed_at, id""")
                .setParameter("month", month).getResultList();
        List<Closing> closings = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            closings.add(new Closing(lng(r[0]), date(r[1]), time(r[2]), (String) r[3], (String) r[4],
                    r[5] == null ? null : time(r[5]), (String) r[6], (String) r[7]));
        }
        return closings;
    }

    long insertClosing(LocalDate month, OffsetDateTime at, String by, String totalsJson) {
        return lng(em.createNativeQuery("""
                        INSERT INTO billing_closings (month, closed_at, closed_by, totals)
                        VALUES (:month, :at, :by, CAST(:totals AS jsonb)) RETURNING id""")
                .setParameter("month", month).setParameter("at", at).setParameter("by", by)
                .setParameter("totals", totalsJson).getSingleResult());
    }

    void insertStatement(long closingId, long memberId, String statementJson) {
        em.createNativeQuery("""
                        INSERT INTO billing_statements (closing_id, member_id, statement)
                        VALUES (:closing, :member, CAST(:statement AS jsonb))""")
                .setParameter("closing", closingId).setParameter("member", memberId)
                .setParameter("statement", statementJson).executeUpdate();
    }

    void reopen(long closingId, OffsetDateTime at, String by, String reason) {
        em.createNativeQuery("""
                        UPDATE billing_closings SET reopened_at = :at, reopened_by = :by, reopen_reason = :reason
                         WHERE id = :id""")
                .setParameter("at", at).setParameter("by", by).setParameter("reason", reason)
                .setParameter("id", closingId).executeUpdate();
    }

    /** The frozen statements of a close, as JSON. */
    List<String> statements(long closingId) {
        return em.createNativeQuery("""
                        SELECT CAST(statement AS text) FROM billing_statements WHERE closing_id = :closing
                         ORDER BY member_id""")
                .setParameter("closing", closingId).getResultList().stream().map(String.class::cast).toList();
    }

    Optional<String> statement(long closingId, long memberId) {
        return em.createNativeQuery("""
                        SELECT CAST(statement AS text) FROM billing_statements
                         WHERE closing_id = :closing AND member_id = :member""")
                .setParameter("closing", closingId).setParameter("member", memberId).getResultList().stream()
                .map(String.class::cast).findFirst();
    }

    private static long lng(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}

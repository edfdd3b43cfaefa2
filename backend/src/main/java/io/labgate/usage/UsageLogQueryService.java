package io.labgate.usage;

import io.labgate.common.error.ApiException;
import io.labgate.common.error.ViolationCode;
import io.labgate.common.paging.PageRequest;
import io.labgate.common.paging.PageResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the usage monitoring tab reads: the call log with filters, and per-day totals plus the top members by
 * tokens over a period — aggregated in PostgreSQL on the (created_at), (member_id, created_at) indexes.
 */
@ApplicationScoped
public class UsageLogQueryService {

    private static final String DAYS_RANGE = "must be between 1 and 366";
    private final EntityManager em;
    private final Clock clock;

    UsageLogQueryService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public record Filter(Long memberId, Long settingId, String status, String requestType, LocalDate startDate,
                         LocalDate endDate) {
    }

    @Transactional
    public PageResponse<UsageLogViews.LogView> list(Filter f, PageRequest page) {
        Where where = where(f);
        Query count = em.createNativeQuery("SELECT count(*) FROM usage_logs l" + where.sql);
        where.bind(count);
        Query rows = em.createNativeQuery("""
                SELECT l.id, l.created_at, l.member_id, m.username, l.ai_settings_id, l.provider, l.model, l.request_type,
                       l.channel, l.status, l.stream, l.prompt, l.response, l.prompt_tokens, l.completion_tokens,
                       l.cached_tokens, l.reasoning_tokens, l.total_tokens, l.cost, l.latency_ms, l.ttft_ms, l.error,
                       l.client_ip, l.user_agent
                  FROM usage_logs l LEFT JOIN members m ON m.id = l.member_id""" + where.sql
                + " ORDER BY l.created_at DESC, l.id DESC LIMIT :limit OFFSET :offset");
        where.bind(rows);
        rows.setParameter("limit", page.size).setParameter("offset", (long) page.page * page.size);
        List<UsageLogViews.LogView> items = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new UsageLogViews.LogView(num(r[0]), time(r[1]), num(r[2]), (String) r[3], num(r[4]),
                    (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9], (Boolean) r[10],
                    (String) r[11], (String) r[12], lng(r[13]), lng(r[14]), lng(r[15]), lng(r[16]), lng(r[17]),
                    (BigDecimal) r[18], r[19] == null ? null : ((Number) r[19]).intValue(),
                    r[20] == null ? null : ((Number) r[20]).intValue(), (String) r[21], (String) r[22], (String) r[23]));
        }
        return new PageResponse<>(items, ((Number) count.getSingleResult()).longValue(), page.page, page.size);
    }

    /** Per-day totals (in the configured zone) and the top 10 members by tokens, for the last {@code days} days. */
    @Transactional
    public UsageLogViews.Statistics statistics(int days, Long memberId, Long settingId) {
        if (days < 1 || days > 366) {
            throw days < 1
                    ? ApiException.invalid("days", ViolationCode.TOO_SMALL, Map.of("min", 1), DAYS_RANGE)
                    : ApiException.invalid("days", ViolationCode.TOO_LARGE, Map.of("max", 366), DAYS_RANGE);
        }
        ZoneId zone = clock.getZone();
        LocalDate to = LocalDate.now(clock);
        LocalDate from = to.minusDays(days - 1L);
        Filter filter = new Filter(memberId, settingId, null, null, from, to);
        Where where = where(filter);
        Query daily = em.createNativeQuery("""
                SELECT CAST(l.created_at AT TIME ZONE :zone AS date) AS day,
                       coalesce(sum(l.total_tokens), 0), coalesce(sum(l.cost), 0),
                       count(*) FILTER (WHERE l.status <> 'refused'), count(*) FILTER (WHERE l.status = 'refused'),
                       count(*) FILTER (WHERE l.status = 'error'), avg(l.latency_ms) FILTER (WHERE l.status = 'ok'),
                       count(*) FILTER (WHERE l.cost IS NULL AND l.status IN ('ok', 'incomplete', 'cancelled'))
                  FROM usage_logs l""" + where.sql + " GROUP BY day ORDER BY day");
        where.bind(daily);
        daily.setParameter("zone", zone.getId());
        Map<LocalDate, UsageLogViews.DailyStat> byDay = new LinkedHashMap<>();
        long unpriced = 0;
        for (Object row : daily.getResultList()) {
            Object[] r = (Object[]) row;
            LocalDate day = r[0] instanceof LocalDate d ? d : ((Date) r[0]).toLocalDate();
            byDay.put(day, new UsageLogViews.DailyStat(day, lng(r[1]), scale((BigDecimal) r[2]), lng(r[3]), lng(r[4]),
                    lng(r[5]), r[6] == null ? null : Math.round(((Number) r[6]).doubleValue() * 10) / 10.0));
            unpriced += lng(r[7]);
        }
        List<UsageLogViews.DailyStat> series = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            series.add(byDay.getOrDefault(d, new UsageLogViews.DailyStat(d, 0, scale(BigDecimal.ZERO), 0, 0, 0, null)));
        }
        Query top = em.createNativeQuery("""
                SELECT l.member_id, m.username, coalesce(sum(l.total_tokens), 0), coalesce(sum(l.cost), 0), count(*)
                  FROM usage_logs l LEFT JOIN members m ON m.id = l.member_id""" + where.sql
                + " AND l.status <> 'refused' GROUP BY l.member_id, m.username ORDER BY 3 DESC LIMIT 10");
        where.bind(top);
        List<UsageLogViews.TopUser> topUsers = new ArrayList<>();
        for (Object row : top.getResultList()) {
            Object[] r = (Object[]) row;
            topUsers.add(new UsageLogViews.TopUser(num(r[0]), (String) r[1], lng(r[2]), scale((BigDecimal) r[3]), lng(r[4])));
        }
        long tokens = series.stream().mapToLong(UsageLogViews.DailyStat::totalTokens).sum();
        BigDecimal cost = series.stream().map(UsageLogViews.DailyStat::totalCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        long requests = series.stream().mapToLong(UsageLogViews.DailyStat::requestCount).sum();
        return new UsageLogViews.Statistics(zone.getId(), from, to, series, topUsers, tokens, scale(cost), requests,
                unpriced);
    }

    /** A WHERE clause over usage_logs l, with its parameters; dates are whole days in the configured zone. */
    private Where where(Filter f) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.memberId() != null) {
            sql.append(" AND l.member_id = :member");
            params.put("member", f.memberId());
        }
        if (f.settingId() != null) {
            sql.append(" AND l.ai_settings_id = :setting");
            params.put("setting", f.settingId());
        }
        if (f.status() != null && !f.status().isBlank()) {
            sql.append(" AND l.status = :status");
            params.put("status", f.status());
        }
        if (f.requestType() != null && !f.requestType().isBlank()) {
            sql.append(" AND l.request_type = :type");
            params.put("type", f.requestType());
        }
        if (f.startDate() != null) {
            sql.append(" AND l.created_at >= :start");
            params.put("start", f.startDate().atStartOfDay(clock.getZone()).toOffsetDateTime());
        }
        if (f.endDate() != null) {
            sql.append(" AND l.created_at < :end");
            params.put("end", f.endDate().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
        }
        if (f.startDate() != null && f.endDate() != null && f.endDate().isBefore(f.startDate())) {
            throw ApiException.invalid("end_date", ViolationCode.BEFORE_START, Map.of("start", "start_date"),
                    "must not be before start_date");
        }
        return new Where(sql.toString(), params);
    }

    private record Where(String sql, Map<String, Object> params) {
        void bind(Query query) {
            params.forEach(query::setParameter);
        }
    }

    private static Long num(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    private static long lng(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static OffsetDateTime time(Object o) {
        return o instanceof OffsetDateTime t ? t : o instanceof java.time.Instant i ? i.atOffset(java.time.ZoneOffset.UTC)
                : ((java.sql.Timestamp) o).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    private static BigDecimal scale(BigDecimal value) {
        return value.setScale(6, java.math.RoundingMode.HALF_UP);
    }
}

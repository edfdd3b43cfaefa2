package io.labgate.quota;

import io.labgate.common.config.LabgateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Exact quotas shared by every replica: PostgreSQL is the only counter. A reservation is one transaction of
 * conditional updates — the member's plan limits on their access row, then a conditional upsert per window
 * of the provider setting — so N concurrent requests against room for k succeed exactly k times: each
 * UPDATE locks the row and re-checks its condition against the committed value before writing. Any refusal
 * rolls the whole reservation back, so nothing is left half-taken.
 *
 * <p>Every reservation is a row in quota_reservations with a state. Its end (settle or release) is claimed once
 * in memory and written with the call's usage row by one conditional update of that state in the same
 * transaction as the counter change ({@link ReservationBook}), so a reservation is resolved exactly once
 * whichever path (done, error, time-out, client cancel, the sweeper) gets there first.
 *
 * <p>A limit of 0 means "no limit". Windows start in the configured zone; an access row whose last reset was
 * on an earlier day counts from zero (the midnight job may not have run yet).
 */
@ApplicationScoped
public class QuotaService {

    private final EntityManager em;
    private final Clock clock;
    private final Replica replica;
    private final Duration maxCallDuration;

    QuotaService(EntityManager em, Clock clock, Replica replica, LabgateConfig config) {
        this.em = em;
        this.clock = clock;
        this.replica = replica;
        this.maxCallDuration = config.quota().maxCallDuration();
    }

    /**
     * Who asks for how much: {@code tokens} is the most the call may use (prompt estimate + output budget).
     * The request type and channel are kept with the reservation so a swept one can still be logged.
     */
    public record Claim(long accessId, long memberId, long settingId, String requestType, String channel,
                        long promptTokens, long tokens) {
    }


    /** The limits to check, read with the access row by the caller. */
    public record Limits(long monthlyTokenLimit, int dailyRequestLimit, int hourlyLimit, int dailyLimit,
                         int monthlyLimit) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public QuotaReservation reserve(Claim claim, Limits limits) {
        relaxCommitFlush();
        long accessId = claim.accessId();
        long settingId = claim.settingId();
        long tokens = claim.tokens();
        ZonedDateTime now = ZonedDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        int updated = em.createNativeQuery("""
                        UPDATE user_ai_access a SET
                            requests_today = (CASE WHEN a.last_reset_date < :today THEN 0 ELSE a.requests_today END) + 1,
                            tokens_used_today = (CASE WHEN a.last_reset_date < :today THEN 0 ELSE a.tokens_used_today END)
                                + :tokens,
                            tokens_used_month = (CASE WHEN date_trunc('month', a.last_reset_date)
                                    < date_trunc('month', CAST(:today AS date)) THEN 0 ELSE a.tokens_used_month END)
                                + :tokens,
                            last_reset_date = GREATEST(a.last_reset_date, CAST(:today AS date)),
                            updated_at = now()
                         WHERE a.id = :id
                           AND (:dailyRequests = 0 OR
                                (CASE WHEN a.last_reset_date < :today THEN 0 ELSE a.requests_today END) + 1
                                    <= :dailyRequests)
                           AND (:monthlyTokens = 0 OR
                                (CASE WHEN date_trunc('month', a.last_reset_date)
                                    < date_trunc('month', CAST(:today AS date)) THEN 0 ELSE a.tokens_used_month END)
                                    + :tokens <= :monthlyTokens)
                        """)
                .setParameter("today", today)
                .setParameter("tokens", tokens)
                .setParameter("id", accessId)
                .setParameter("dailyRequests", limits.dailyRequestLimit())
                .setParameter("monthlyTokens", limits.monthlyTokenLimit())
                .executeUpdate();
        if (updated == 0) {
            throw memberRefusal(accessId, tokens, limits, now);
        }
        Map<WindowKind, OffsetDateTime> windows = new EnumMap<>(WindowKind.class);
        for (WindowKind kind : WindowKind.values()) {
            int limit = switch (kind) {
                case HOUR -> limits.hourlyLimit();
                case DAY -> limits.dailyLimit();
                case MONTH -> limits.monthlyLimit();
            };
            if (limit == 0) {
                continue;
            }
            OffsetDateTime start = kind.start(now).toOffsetDateTime();
            @SuppressWarnings("unchecked")
            List<Object> taken = em.createNativeQuery("""
                            INSERT INTO setting_usage_windows AS w (ai_settings_id, window_kind, window_start, requests)
                            VALUES (:setting, :kind, :start, 1)
                            ON CONFLICT (ai_settings_id, window_kind, window_start)
                            DO UPDATE SET requests = w.requests + 1 WHERE w.requests + 1 <= :limit
                            RETURNING requests
                            """)
                    .setParameter("setting", settingId)
                    .setParameter("kind", kind.dbName())
                    .setParameter("start", start)
                    .setParameter("limit", limit)
                    .getResultList();
            if (taken.isEmpty()) {
                ZonedDateTime end = kind.end(now);
                throw new QuotaExceededException("setting_" + kind.dbName() + "_limit",
                        "The shared " + label(kind) + " request limit of this AI provider (" + limit
                                + ") has been reached", end.toOffsetDateTime(), secondsUntil(now, end));
            }
            windows.put(kind, start);
        }
        QuotaReservation reservation = new QuotaReservation(UUID.randomUUID(), accessId, settingId,
                claim.promptTokens(), tokens, today, windows);
        em.createNativeQuery("""
                        INSERT INTO quota_reservations (id, replica_id, access_id, member_id, ai_settings_id,
                            request_type, channel, counted_day, hour_window, day_window, month_window, prompt_tokens,
                            tokens, created_at, expires_at)
                        VALUES (:id, :replica, :access, :member, :setting, :type, :channel, :day, :hour, :dayWindow,
                            :month, :prompt, :tokens, :now, :expires)
                        """)
                .setParameter("id", reservation.id())
                .setParameter("replica", replica.id())
                .setParameter("access", accessId)
                .setParameter("member", claim.memberId())
                .setParameter("setting", settingId)
                .setParameter("type", claim.requestType())
                .setParameter("channel", claim.channel())
                .setParameter("day", today)
                .setParameter("hour", windows.get(WindowKind.HOUR))
                .setParameter("dayWindow", windows.get(WindowKind.DAY))
                .setParameter("month", windows.get(WindowKind.MONTH))
                .setParameter("prompt", claim.promptTokens())
                .setParameter("tokens", tokens)
                .setParameter("now", now.toOffsetDateTime())
                .setParameter("expires", now.plus(maxCallDuration).toOffsetDateTime())
                .executeUpdate();
        return reservation;
    }

    /**
     * Ends a reservation with what was really used (the request stays counted). Empty when it had already
     * ended — a racing path took it. The end reaches the database with the call's usage row (CallLedger,
     * {@link ReservationBook}); until then the counters hold the reserved amount, never less than the real one.
     */
    public Optional<ReservationEnd> settle(QuotaReservation reservation, long actualTokens) {
        return reservation.claim()
                ? Optional.of(ReservationEnd.settled(reservation, actualTokens, OffsetDateTime.now(clock)))
                : Optional.empty();
    }

    /** Gives back everything a reservation took: the call never reached the provider or failed there. */
    public Optional<ReservationEnd> release(QuotaReservation reservation) {
        return reservation.claim()
                ? Optional.of(ReservationEnd.released(reservation, OffsetDateTime.now(clock)))
                : Optional.empty();
    }

    /**
     * The admin's "reset usage": the member's day and month start again from zero now. Calls still in flight
     * settle against the new counts (never below zero).
     */
    @Transactional
    public void resetMemberCounters(long accessId) {
        em.createNativeQuery("""
                        UPDATE user_ai_access SET tokens_used_today = 0, tokens_used_month = 0, requests_today = 0,
                               last_reset_date = :today, updated_at = now()
                         WHERE id = :id
                        """)
                .setParameter("today", LocalDate.now(clock))
                .setParameter("id", accessId)
                .executeUpdate();
    }

    /**
     * Counter updates do not wait for their WAL flush: they stay atomic and exactly ordered by row locks, and
     * only a PostgreSQL crash could lose the last fraction of a second of counts (the usage log, written
     * separately, keeps the record). This halves the cost of a call on disks with slow fsync.
     */
    private void relaxCommitFlush() {
        em.createNativeQuery("SET LOCAL synchronous_commit = off").executeUpdate();
    }

    private QuotaExceededException memberRefusal(long accessId, long tokens, Limits limits, ZonedDateTime now) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        SELECT CASE WHEN last_reset_date < :today THEN 0 ELSE requests_today END,
                               CASE WHEN date_trunc('month', last_reset_date) < date_trunc('month', CAST(:today AS date))
                                    THEN 0 ELSE tokens_used_month END
                          FROM user_ai_access WHERE id = :id
                        """)
                .setParameter("today", now.toLocalDate())
                .setParameter("id", accessId)
                .getSingleResult();
        int requestsToday = ((Number) row[0]).intValue();
        long tokensMonth = ((Number) row[1]).longValue();
        if (limits.dailyRequestLimit() != 0 && requestsToday + 1 > limits.dailyRequestLimit()) {
            ZonedDateTime end = WindowKind.DAY.end(now);
            return new QuotaExceededException("daily_request_limit", "Your plan's daily request limit ("
                    + limits.dailyRequestLimit() + ") has been reached", end.toOffsetDateTime(),
                    secondsUntil(now, end));
        }
        ZonedDateTime end = WindowKind.MONTH.end(now);
        long left = Math.max(0, limits.monthlyTokenLimit() - tokensMonth);
        return new QuotaExceededException("monthly_token_limit", "Your plan's monthly token limit ("
                + limits.monthlyTokenLimit() + ") would be exceeded: this request needs up to " + tokens
                + " tokens and " + left + " are left", end.toOffsetDateTime(), secondsUntil(now, end));
    }

    private static String label(WindowKind kind) {
        return switch (kind) {
            case HOUR -> "hourly";
            case DAY -> "daily";
            case MONTH -> "monthly";
        };
    }

    private static long secondsUntil(ZonedDateTime now, ZonedDateTime end) {
        return Math.max(1, Duration.between(now, end).toSeconds());
    }
}

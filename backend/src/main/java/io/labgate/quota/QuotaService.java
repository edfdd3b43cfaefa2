package io.labgate.quota;

import io.agroal.api.AgroalDataSource;
import io.labgate.common.config.LabgateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Exact quotas shared by every replica: PostgreSQL is the only counter. A reservation is one statement — the
 * {@code quota_reserve} function: a conditional update of the member's plan limits on their access row, then a
 * conditional upsert per window of the provider setting, then the reservation's row — so N concurrent requests
 * against room for k succeed exactly k times: each UPDATE locks the row and re-checks its condition against the
 * committed value before writing. Any refusal undoes the whole reservation, so nothing is left half-taken.
 * Its commit does not wait for the WAL flush: atomicity and ordering are unchanged, and only a PostgreSQL crash
 * could lose the last fraction of a second of counts (the reservation rows go with them).
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
    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final Replica replica;
    private final Duration maxCallDuration;

    QuotaService(EntityManager em, AgroalDataSource dataSource, Clock clock, Replica replica, LabgateConfig config) {
        this.em = em;
        this.dataSource = dataSource;
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

    /**
     * Reserves one request and {@code claim.tokens()} on every limit of the call, or refuses naming the limit
     * that would be passed. One statement (the {@code quota_reserve} function, V6) in its own transaction: one
     * round trip to PostgreSQL.
     */
    public QuotaReservation reserve(Claim claim, Limits limits) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        Map<WindowKind, OffsetDateTime> windows = new EnumMap<>(WindowKind.class);
        for (WindowKind kind : WindowKind.values()) {
            if (limitOf(kind, limits) > 0) {
                windows.put(kind, kind.start(now).toOffsetDateTime());
            }
        }
        QuotaReservation reservation = new QuotaReservation(UUID.randomUUID(), claim.accessId(), claim.settingId(),
                claim.promptTokens(), claim.tokens(), today, windows);
        try (Connection c = dataSource.getConnection(); PreparedStatement call = c.prepareStatement(RESERVE)) {
            int i = 1;
            call.setObject(i++, reservation.id());
            call.setObject(i++, replica.id());
            call.setLong(i++, claim.accessId());
            call.setLong(i++, claim.memberId());
            call.setLong(i++, claim.settingId());
            call.setString(i++, claim.requestType());
            call.setString(i++, claim.channel());
            call.setObject(i++, today);
            call.setLong(i++, claim.promptTokens());
            call.setLong(i++, claim.tokens());
            call.setInt(i++, limits.dailyRequestLimit());
            call.setLong(i++, limits.monthlyTokenLimit());
            for (WindowKind kind : WindowKind.values()) {
                call.setObject(i++, kind.start(now).toOffsetDateTime());
                call.setInt(i++, limitOf(kind, limits));
            }
            call.setObject(i++, now.toOffsetDateTime());
            call.setObject(i, now.plus(maxCallDuration).toOffsetDateTime());
            String refused;
            try (ResultSet rs = call.executeQuery()) {
                rs.next();
                refused = rs.getString(1);
            }
            if (refused == null) {
                return reservation;
            }
            if ("member".equals(refused)) {
                throw memberRefusal(c, claim.accessId(), claim.tokens(), limits, now);
            }
            WindowKind kind = WindowKind.valueOf(refused.toUpperCase(java.util.Locale.ROOT));
            ZonedDateTime end = kind.end(now);
            throw new QuotaExceededException("setting_" + kind.dbName() + "_limit",
                    "The shared " + label(kind) + " request limit of this AI provider (" + limitOf(kind, limits)
                            + ") has been reached", end.toOffsetDateTime(), secondsUntil(now, end));
        } catch (SQLException e) {
            throw new IllegalStateException("quota reservation failed: " + e.getSQLState(), e);
        }
    }

    private static final String RESERVE =
            "SELECT quota_reserve(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static int limitOf(WindowKind kind, Limits limits) {
        return switch (kind) {
            case HOUR -> limits.hourlyLimit();
            case DAY -> limits.dailyLimit();
            case MONTH -> limits.monthlyLimit();
        };
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


    private static QuotaExceededException memberRefusal(Connection c, long accessId, long tokens, Limits limits,
                                                        ZonedDateTime now) throws SQLException {
        MemberUsage usage;
        try (PreparedStatement q = c.prepareStatement("""
                SELECT last_reset_date, requests_today, tokens_used_today, tokens_used_month
                  FROM user_ai_access WHERE id = ?
                """)) {
            q.setLong(1, accessId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                usage = MemberUsage.asOf(now.toLocalDate(), rs.getObject(1, LocalDate.class), rs.getInt(2),
                        rs.getLong(3), rs.getLong(4));
            }
        }
        int requestsToday = usage.requestsToday();
        long tokensMonth = usage.tokensMonth();
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

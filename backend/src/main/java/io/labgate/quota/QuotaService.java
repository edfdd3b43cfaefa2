package io.labgate.quota;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Exact quotas shared by every replica, at memory speed. Each limited counter window (the member's requests
 * today and tokens this month, the provider setting's requests this hour, day and month) is leased to the
 * replicas in blocks ({@link Leases}); a reservation takes from this replica's leases in memory, and PostgreSQL
 * is asked only when a lease runs low. The database keeps, per counter window, committed + leases &lt;= limit,
 * so N concurrent calls against room for k are served exactly k times on any number of replicas.
 *
 * <p>A reservation ends once (settle or release, claimed in memory); the end travels with the call's usage
 * row to the ledger, which writes both in one transaction ({@link ReservationBook}).
 *
 * <p>A limit of 0 means "no limit": nothing is leased, the call is only counted. Windows start in the configured
 * zone.
 */
@ApplicationScoped
public class QuotaService {

    private final EntityManager em;
    private final Clock clock;
    private final Leases leases;
    private final Replica replica;

    QuotaService(EntityManager em, Clock clock, Leases leases, Replica replica) {
        this.em = em;
        this.clock = clock;
        this.leases = leases;
        this.replica = replica;
    }

    /** Who asks for how much: {@code tokens} is the most the call may use (prompt estimate + output budget). */
    public record Claim(long accessId, long settingId, long promptTokens, long tokens) {
    }

    /** The limits to check, read with the access row by the caller. */
    public record Limits(long monthlyTokenLimit, int dailyRequestLimit, int hourlyLimit, int dailyLimit,
                         int monthlyLimit) {

        long of(Counter counter) {
            return switch (counter) {
                case MEMBER_DAY_REQUESTS -> dailyRequestLimit;
                case MEMBER_MONTH_TOKENS -> monthlyTokenLimit;
                case SETTING_HOUR_REQUESTS -> hourlyLimit;
                case SETTING_DAY_REQUESTS -> dailyLimit;
                case SETTING_MONTH_REQUESTS -> monthlyLimit;
            };
        }
    }

    /**
     * Reserves one request and {@code claim.tokens()} on every limit of the call, or refuses naming the limit
     * that would be passed (nothing stays taken then). In memory, unless a lease must be renewed.
     */
    public QuotaReservation reserve(Claim claim, Limits limits) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<QuotaReservation.Taken> taken = new ArrayList<>(5);
        Map<WindowKind, OffsetDateTime> settingWindows = new EnumMap<>(WindowKind.class);
        try {
            for (Counter counter : Counter.values()) {
                long limit = limits.of(counter);
                if (limit <= 0) {
                    continue;
                }
                long subject = counter.isMembers() ? claim.accessId() : claim.settingId();
                long need = counter.countsTokens() ? claim.tokens() : 1;
                OffsetDateTime start = counter.window().start(now).toOffsetDateTime();
                Lease lease = leases.take(new LeaseKey(counter, subject, start),
                        counter.window().end(now).toOffsetDateTime(), limit, need);
                taken.add(new QuotaReservation.Taken(lease, need));
                if (!counter.isMembers()) {
                    settingWindows.put(counter.window(), start);
                }
            }
        } catch (Leases.NoRoom refused) {
            taken.forEach(t -> t.lease().end(t.amount()));
            throw refusal(refused, claim, limits, now);
        } catch (RuntimeException e) {
            taken.forEach(t -> t.lease().end(t.amount()));
            throw e;
        }
        return new QuotaReservation(UUID.randomUUID(), claim.accessId(), claim.settingId(), claim.promptTokens(),
                claim.tokens(), now.toLocalDate(), settingWindows, taken);
    }

    /**
     * Ends a reservation with what was really used (the request stays counted); what was reserved and not used
     * is free again at once. Empty when it had already ended — a racing path took it.
     */
    public Optional<ReservationEnd> settle(QuotaReservation reservation, long actualTokens) {
        if (!reservation.claim()) {
            return Optional.empty();
        }
        List<ReservationEnd.LeaseUse> used = new ArrayList<>(reservation.taken().size());
        for (QuotaReservation.Taken t : reservation.taken()) {
            long use = t.lease().key.counter().countsTokens() ? actualTokens : t.amount();
            t.lease().end(t.amount() - use);
            used.add(new ReservationEnd.LeaseUse(t.lease().key, use));
        }
        return Optional.of(new ReservationEnd(reservation.id(), replica.id(), reservation.accessId(),
                reservation.settingId(), reservation.day(), reservation.settingWindows(), reservation.tokens(),
                false, actualTokens, used, OffsetDateTime.now(clock)));
    }

    /** Gives back everything a reservation took: the call never reached the provider or failed there. */
    public Optional<ReservationEnd> release(QuotaReservation reservation) {
        if (!reservation.claim()) {
            return Optional.empty();
        }
        reservation.taken().forEach(t -> t.lease().end(t.amount()));
        return Optional.of(new ReservationEnd(reservation.id(), replica.id(), reservation.accessId(),
                reservation.settingId(), reservation.day(), reservation.settingWindows(), reservation.tokens(),
                true, 0, List.of(), OffsetDateTime.now(clock)));
    }

    /**
     * The admin's "reset usage": the member's day and month start again from zero now. Calls still in flight
     * are counted in the new window when they end.
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

    private static QuotaExceededException refusal(Leases.NoRoom refused, Claim claim, Limits limits,
                                                  ZonedDateTime now) {
        Counter counter = refused.key.counter();
        long limit = limits.of(counter);
        return switch (counter) {
            case MEMBER_DAY_REQUESTS -> new QuotaExceededException(counter, limit, now,
                    "Your plan's daily request limit (" + limit + ") has been reached", Map.of());
            case MEMBER_MONTH_TOKENS -> new QuotaExceededException(counter, limit, now,
                    "Your plan's monthly token limit (" + limit + ") would be exceeded: this request needs up to "
                            + claim.tokens() + " tokens and " + refused.room + " are left",
                    Map.of("needed", claim.tokens(), "left", refused.room));
            case SETTING_HOUR_REQUESTS, SETTING_DAY_REQUESTS, SETTING_MONTH_REQUESTS -> new QuotaExceededException(
                    counter, limit, now, "The shared " + label(counter.window()) + " request limit of this AI provider ("
                    + limit + ") has been reached", Map.of());
        };
    }

    private static String label(WindowKind kind) {
        return switch (kind) {
            case HOUR -> "hourly";
            case DAY -> "daily";
            case MONTH -> "monthly";
        };
    }
}

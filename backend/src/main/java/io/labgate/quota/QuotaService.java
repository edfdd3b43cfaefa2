package io.labgate.quota;

import io.labgate.common.money.MicroUsd;
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
 * today, tokens and cost this month, the provider setting's requests this hour, day and month) is leased to the
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

    /**
     * Who asks for how much: {@code tokens} is the most the call may use (prompt estimate + output budget),
     * {@code costMicros} the most it may cost in micro-USD (those tokens at the model's price, rounded up).
     */
    public record Claim(long accessId, long settingId, long promptTokens, long tokens, long costMicros) {
    }

    /**
     * The limits to check, read with the access row by the caller; {@code monthlyBudgetMicros} is the member's
     * monthly cost budget in micro-USD ({@code io.labgate.budgets.MemberBudget}).
     */
    public record Limits(long monthlyTokenLimit, int dailyRequestLimit, int hourlyLimit, int dailyLimit,
                         int monthlyLimit, long monthlyBudgetMicros) {

        long of(Counter counter) {
            return switch (counter) {
                case MEMBER_DAY_REQUESTS -> dailyRequestLimit;
                case MEMBER_MONTH_TOKENS -> monthlyTokenLimit;
                case MEMBER_MONTH_COST -> monthlyBudgetMicros;
                case SETTING_HOUR_REQUESTS -> hourlyLimit;
                case SETTING_DAY_REQUESTS -> dailyLimit;
                case SETTING_MONTH_REQUESTS -> monthlyLimit;
            };
        }
    }

    /**
     * Reserves one request, {@code claim.tokens()} and {@code claim.costMicros()} on every limit of the call, or
     * refuses naming the limit that would be passed (nothing stays taken then). In memory, unless a lease must be
     * renewed. A call that cannot cost anything (a free model) takes nothing of the budget.
     */
    public QuotaReservation reserve(Claim claim, Limits limits) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<QuotaReservation.Taken> taken = new ArrayList<>(Counter.values().length);
        Map<WindowKind, OffsetDateTime> settingWindows = new EnumMap<>(WindowKind.class);
        try {
            for (Counter counter : Counter.values()) {
                long limit = limits.of(counter);
                long need = switch (counter.measure()) {
                    case REQUESTS -> 1;
                    case TOKENS -> claim.tokens();
                    case MICRO_USD -> claim.costMicros();
                };
                if (limit <= 0 || need <= 0) {
                    continue;
                }
                long subject = counter.isMembers() ? claim.accessId() : claim.settingId();
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
                claim.tokens(), claim.costMicros(), now.toLocalDate(), settingWindows, taken);
    }

    /**
     * Ends a reservation with what was really used — {@code actualTokens} and {@code actualCostMicros} (the
     * request stays counted); what was reserved and not used is free again at once, and what was used beyond the
     * reservation is a debt of the lease. Empty when it had already ended — a racing path took it.
     */
    public Optional<ReservationEnd> settle(QuotaReservation reservation, long actualTokens, long actualCostMicros) {
        if (!reservation.claim()) {
            return Optional.empty();
        }
        List<ReservationEnd.LeaseUse> used = new ArrayList<>(reservation.taken().size());
        for (QuotaReservation.Taken t : reservation.taken()) {
            long use = switch (t.lease().key.counter().measure()) {
                case REQUESTS -> t.amount();
                case TOKENS -> actualTokens;
                case MICRO_USD -> actualCostMicros;
            };
            t.lease().end(t.amount() - use);
            used.add(new ReservationEnd.LeaseUse(t.lease().key, use));
        }
        return Optional.of(new ReservationEnd(reservation.id(), replica.id(), reservation.accessId(),
                reservation.settingId(), reservation.day(), reservation.settingWindows(), reservation.tokens(),
                false, actualTokens, actualCostMicros, used, OffsetDateTime.now(clock)));
    }

    /** Gives back everything a reservation took: the call never reached the provider or failed there. */
    public Optional<ReservationEnd> release(QuotaReservation reservation) {
        if (!reservation.claim()) {
            return Optional.empty();
        }
        reservation.taken().forEach(t -> t.lease().end(t.amount()));
        return Optional.of(new ReservationEnd(reservation.id(), replica.id(), reservation.accessId(),
                reservation.settingId(), reservation.day(), reservation.settingWindows(), reservation.tokens(),
                true, 0, 0, List.of(), OffsetDateTime.now(clock)));
    }

    /**
     * The admin's "reset usage": the member's day and month (requests, tokens, cost) start again from zero now. Calls still in flight
     * are counted in the new window when they end.
     */
    @Transactional
    public void resetMemberCounters(long accessId) {
        em.createNativeQuery("""
                        UPDATE user_ai_access SET tokens_used_today = 0, tokens_used_month = 0, requests_today = 0,
                               cost_used_month_micros = 0, last_reset_date = :today, updated_at = now()
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
            case MEMBER_MONTH_COST -> {
                String budget = MicroUsd.text(limit);
                String needed = MicroUsd.text(claim.costMicros());
                String left = MicroUsd.text(refused.room);
                yield new QuotaExceededException(counter, budget, now, "Your monthly budget (USD " + budget
                        + ") would be exceeded: this request may cost up to USD " + needed + " and USD " + left
                        + " is left", Map.of("needed", needed, "left", left, "currency", "USD"));
            }
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

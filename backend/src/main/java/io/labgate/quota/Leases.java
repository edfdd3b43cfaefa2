package io.labgate.quota;

import io.labgate.common.threads.WouldBlock;
import io.agroal.api.AgroalDataSource;
import io.labgate.audit.AdminChange;
import io.labgate.common.config.LabgateConfig;
import io.labgate.common.error.ErrorCode;
import io.labgate.common.error.RetryableApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * This replica's leases on every counter it enforces, and their traffic with PostgreSQL. A call takes from a
 * lease in memory; a lease running low is renewed in the background; one that runs dry is renewed while its
 * callers wait (one grant at a time per lease). Grants shrink near a limit (quota_lease_grant), so N concurrent
 * calls against room for k get exactly k, however many replicas share the counter.
 *
 * <p>What a lease holds but nobody uses goes back to the database after {@code lease-idle}, when its window has
 * ended, and on an admin change (a lowered limit takes effect at once); on shutdown, once the ledger has
 * drained, everything goes back. A replica that dies keeps its leases counted as spent until their windows end
 * ({@link LeaseSweeper}).
 */
@ApplicationScoped
public class Leases {

    private static final Logger LOG = Logger.getLogger(Leases.class);
    private static final String GRANT = "SELECT granted, room FROM quota_lease_grant(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String GIVE_BACK = """
            UPDATE quota_leases SET amount = amount - ?
             WHERE counter = ? AND subject_id = ? AND window_start = ? AND replica_id = ?
            """;
    /** Smallest and largest grant, in calls of the size asked for. */
    static final int MIN_CALLS = 4;
    static final int MAX_CALLS = 1024;
    /** Grants a caller short of room tries before it gives up (other callers take what each grant brings). */
    private static final int GRANT_ATTEMPTS = 8;

    private final AgroalDataSource dataSource;
    private final Replica replica;
    private final Clock clock;
    private final PendingUsage ledger;
    private final long idleNanos;
    private final Map<LeaseKey, Lease> held = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("quota-leases").daemon(true).factory());
    private final io.micrometer.core.instrument.Counter grants;
    private final io.micrometer.core.instrument.Counter returns;
    private volatile boolean returningAll;

    Leases(AgroalDataSource dataSource, Replica replica, Clock clock, PendingUsage ledger, LabgateConfig config,
           MeterRegistry registry) {
        this.dataSource = dataSource;
        this.replica = replica;
        this.clock = clock;
        this.ledger = ledger;
        this.idleNanos = config.quota().leaseIdle().toNanos();
        grants = io.micrometer.core.instrument.Counter.builder("labgate.quota.lease.grants").description("Lease grants (renewals) from PostgreSQL")
                .register(registry);
        returns = io.micrometer.core.instrument.Counter.builder("labgate.quota.lease.returns")
                .description("Unused lease amounts given back to PostgreSQL").register(registry);
        Gauge.builder("labgate.quota.leases", held, Map::size).description("Counter windows leased by this replica")
                .register(registry);
    }

    /** Thrown when a counter window has no room for a call; {@code room} is what is left there. */
    static final class NoRoom extends RuntimeException {
        final LeaseKey key;
        final long room;

        NoRoom(LeaseKey key, long room) {
            super(null, null, false, false);
            this.key = key;
            this.room = room;
        }
    }

    /** Takes {@code need} on the counter window, renewing the lease if it is short; throws {@link NoRoom}. */
    Lease take(LeaseKey key, OffsetDateTime windowEnd, long limit, long need) {
        Lease lease = held.computeIfAbsent(key, k -> new Lease(k, windowEnd));
        if (limit < lease.limit) {
            // Lowered since the lease was granted: what it holds may be more than the new limit allows.
            WouldBlock.ifOnEventLoop();
            giveBack(lease);
        }
        lease.limit = limit;
        if (!lease.tryTake(need)) {
            WouldBlock.ifOnEventLoop(); // nothing taken here yet: the caller gives back its other counters' takes
            takeGranting(lease, need);
        }
        if (lease.wantsRenewal() && lease.renewalQueued.compareAndSet(false, true)) {
            background.execute(() -> renewAhead(lease, need));
        }
        return lease;
    }

    private void takeGranting(Lease lease, long need) {
        lease.granting.lock();
        try {
            for (int attempt = 0; attempt < GRANT_ATTEMPTS; attempt++) {
                if (lease.tryTake(need)) {
                    return;
                }
                // A debt (answers that used more than they reserved) is asked for too: the database counted
                // that use already, so its room is larger by the debt, and one grant then covers the call.
                long shortfall = need - lease.free.get();
                if (shortfall <= 0) {
                    continue;
                }
                long room = grant(lease, shortfall, Math.max(shortfall, lease.want(need, MIN_CALLS, MAX_CALLS)));
                if (room < 0) {
                    continue; // granted: take from it (others may beat us to it, hence the loop)
                }
                // Left for calls: the database's room, plus what this lease holds free — less its debt, which
                // the counter already holds but the lease row still offsets.
                throw new NoRoom(lease.key, Math.max(0, room + lease.free.get()));
            }
            throw new NoRoom(lease.key, Math.max(0, lease.free.get()));
        } finally {
            lease.granting.unlock();
        }
    }

    private void renewAhead(Lease lease, long need) {
        lease.renewalQueued.set(false);
        if (!lease.granting.tryLock()) {
            return; // a caller is granting right now
        }
        try {
            if (lease.wantsRenewal()) {
                grant(lease, need, lease.want(need, MIN_CALLS, MAX_CALLS));
            }
        } catch (RuntimeException e) {
            LOG.debugf("Renewing lease %s ahead of need failed: %s", lease.key, e.getMessage());
        } finally {
            lease.granting.unlock();
        }
    }

    /** Asks the database for a grant; adds it to the lease. Returns -1 when granted, else the room there was. */
    private long grant(Lease lease, long need, long want) {
        LeaseKey key = lease.key;
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(GRANT)) {
            q.setString(1, key.counter().dbName());
            q.setLong(2, key.subjectId());
            q.setObject(3, key.windowStart());
            q.setObject(4, lease.windowEnd);
            q.setObject(5, key.windowStart().toLocalDate());
            q.setObject(6, replica.id());
            q.setLong(7, lease.limit);
            q.setLong(8, need);
            q.setLong(9, want);
            q.setObject(10, OffsetDateTime.now(clock));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                long granted = rs.getLong(1);
                long room = rs.getLong(2);
                if (granted <= 0) {
                    return room;
                }
                lease.granted(granted, room);
                grants.increment();
                return -1;
            }
        } catch (SQLException e) {
            throw new RetryableApiException(503, ErrorCode.QUOTA_UNAVAILABLE,
                    "Usage limits cannot be checked right now; try again in a moment", Map.of(), 2);
        }
    }

    /**
     * Every second: gives back what leases hold unused — those idle for {@code lease-idle}, those whose window
     * has ended, and all of them after an admin change — and forgets ended windows nothing holds any more.
     */
    void returnUnused() {
        boolean all = returningAll;
        returningAll = false;
        long now = System.nanoTime();
        OffsetDateTime wallNow = OffsetDateTime.now(clock);
        for (Lease lease : held.values()) {
            boolean ended = !lease.windowEnd.isAfter(wallNow);
            if (all || ended || now - lease.lastUsedNanos >= idleNanos) {
                giveBack(lease);
            }
            if (ended && lease.inFlight.get() == 0 && lease.free.get() >= 0) {
                held.remove(lease.key, lease);
            }
        }
    }

    private void giveBack(Lease lease) {
        long amount = lease.takeAllFree();
        if (amount == 0) {
            return;
        }
        // One row per statement, so a return never waits on one lock while holding another.
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(GIVE_BACK)) {
            q.setLong(1, amount);
            q.setString(2, lease.key.counter().dbName());
            q.setLong(3, lease.key.subjectId());
            q.setObject(4, lease.key.windowStart());
            q.setObject(5, replica.id());
            q.executeUpdate();
            returns.increment(amount);
        } catch (SQLException e) {
            lease.free.addAndGet(amount); // still ours; the next round tries again
        }
    }

    /** An admin change may have lowered a limit: give back everything unused now (new grants see the new limit). */
    void onAdminChange(@Observes AdminChange change) {
        returningAll = true;
        background.execute(this::returnUnused);
    }

    /**
     * After the ledger has drained (it observes shutdown earlier), every lease is unused: all go back. If rows
     * are still unwritten the leases stay, and are counted as spent once this replica is seen to be gone.
     */
    void onStop(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 100) ShutdownEvent event) {
        background.shutdownNow();
        boolean busy = held.values().stream().anyMatch(l -> l.inFlight.get() > 0);
        if (busy || ledger.unwritten() > 0) {
            LOG.warnf("Leases kept at shutdown (calls in flight or usage not yet written); they count as spent "
                    + "until their windows end");
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("DELETE FROM quota_leases WHERE replica_id = ?")) {
            q.setObject(1, replica.id());
            q.executeUpdate();
            held.clear();
        } catch (SQLException e) {
            LOG.warnf("Leases could not be returned at shutdown (%s); they count as spent until their windows end",
                    e.getSQLState());
        }
    }

    /** For tests: this replica's lease on the key, if it holds one. */
    Lease held(LeaseKey key) {
        return held.get(key);
    }

}

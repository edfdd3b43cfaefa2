package io.labgate.quota;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This replica's share of one counter window, in memory. The database's lease row holds {@code free} plus what
 * calls in flight took plus what ended calls used and the ledger has not flushed yet; taking and giving back are
 * CASes on {@code free}, so the hot path never waits for PostgreSQL.
 */
final class Lease {

    final LeaseKey key;
    final OffsetDateTime windowEnd;
    /** What may still be taken. Below zero when answers used more than they reserved (a debt the next grant covers). */
    final AtomicLong free = new AtomicLong();
    /** Calls holding part of this lease. */
    final AtomicInteger inFlight = new AtomicInteger();
    /** One grant at a time per lease; callers short of room queue here rather than all asking the database. */
    final ReentrantLock granting = new ReentrantLock();
    final AtomicBoolean renewalQueued = new AtomicBoolean();
    /** Taken since the last grant: the recent rate sizes the next grant. */
    final AtomicLong takenSinceGrant = new AtomicLong();
    volatile long lastGrantNanos;
    volatile long lastGrant;
    /** Room the database had left after the last grant: background renewals stop near the limit. */
    volatile long roomAfterGrant;
    volatile long lastUsedNanos = System.nanoTime();
    volatile long limit;

    Lease(LeaseKey key, OffsetDateTime windowEnd) {
        this.key = key;
        this.windowEnd = windowEnd;
    }

    boolean tryTake(long need) {
        while (true) {
            long f = free.get();
            if (f < need) {
                return false;
            }
            if (free.compareAndSet(f, f - need)) {
                inFlight.incrementAndGet();
                takenSinceGrant.addAndGet(need);
                lastUsedNanos = System.nanoTime();
                return true;
            }
        }
    }

    /** A call that held part of this lease ended; {@code giveBack} of what it took was not used. */
    void end(long giveBack) {
        free.addAndGet(giveBack);
        inFlight.decrementAndGet();
    }

    /** Takes everything free (for a return to the database); 0 when nothing is. */
    long takeAllFree() {
        while (true) {
            long f = free.get();
            if (f <= 0) {
                return 0;
            }
            if (free.compareAndSet(f, 0)) {
                return f;
            }
        }
    }

    /**
     * What to ask for: about a second's worth of calls at the recent rate, between {@code minCalls} and
     * {@code maxCalls} calls of this size, plus any debt.
     */
    long want(long need, int minCalls, int maxCalls) {
        long now = System.nanoTime();
        long taken = takenSinceGrant.getAndSet(0);
        long elapsed = now - lastGrantNanos;
        long perSecond = lastGrantNanos == 0 || elapsed <= 0 ? 0 : (long) (taken * 1e9 / elapsed);
        long want = Math.min(Math.max(perSecond, need * minCalls), need * maxCalls);
        return want + Math.max(0, -free.get());
    }

    void granted(long amount, long roomBefore) {
        free.addAndGet(amount);
        lastGrant = amount;
        roomAfterGrant = roomBefore - amount;
        lastGrantNanos = System.nanoTime();
    }

    /** Worth renewing ahead of need: running low, and far enough from the limit not to hold what others need. */
    boolean wantsRenewal() {
        long grant = lastGrant;
        return grant > 0 && free.get() < grant / 2 && roomAfterGrant >= 4 * grant;
    }
}

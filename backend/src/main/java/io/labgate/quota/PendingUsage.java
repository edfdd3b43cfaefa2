package io.labgate.quota;

import java.time.Duration;

/**
 * Calls that have ended but are not in the books yet (they are booked a flush later). A member reading their own
 * usage right after an answer waits for their own calls, so the counters they see include it.
 */
public interface PendingUsage {

    /** Longer than a flush interval; a backed-up ledger does not hold a member's page longer than this. */
    Duration READ_YOUR_CALLS = Duration.ofSeconds(1);

    /** Waits at most {@code max} until the member's ended calls are booked; returns whether they are. */
    boolean awaitMember(long memberId, Duration max);

    /** Calls ended and not yet in the books, of all members. */
    int unwritten();

    /** Before a member reads their own usage: waits for their ended calls, at most {@link #READ_YOUR_CALLS}. */
    default boolean awaitMember(long memberId) {
        return awaitMember(memberId, READ_YOUR_CALLS);
    }
}

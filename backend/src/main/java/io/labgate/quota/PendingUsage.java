package io.labgate.quota;

import java.time.Duration;

/**
 * Calls that have ended but are not in the books yet (they are booked a flush later). A member reading their own
 * usage right after an answer waits for their own calls, so the counters they see include it.
 */
public interface PendingUsage {

    /** Waits at most {@code max} until the member's ended calls are booked; returns whether they are. */
    boolean awaitMember(long memberId, Duration max);
}

package io.labgate.quota;

import java.time.OffsetDateTime;

/** One counter's window for one subject: what a lease is of (a row per replica in quota_leases). */
public record LeaseKey(Counter counter, long subjectId, OffsetDateTime windowStart) implements Comparable<LeaseKey> {

    /** In the order rows are locked by every writer, so concurrent transactions never wait on each other in a circle. */
    @Override
    public int compareTo(LeaseKey o) {
        int c = counter.compareTo(o.counter);
        if (c != 0) {
            return c;
        }
        c = Long.compare(subjectId, o.subjectId);
        return c != 0 ? c : windowStart.compareTo(o.windowStart);
    }
}

package io.labgate.quota;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How a reservation ended, on its way to the database with the call's usage row: settled to
 * {@code settledTokens} and {@code settledCostMicros} (what the call cost, in micro-USD), or released (nothing
 * counted). {@link ReservationBook} writes it in the same transaction
 * as the usage row — the counters grow and this replica's leases shrink by what was used — so counters and logs
 * never disagree.
 */
public record ReservationEnd(UUID reservationId, UUID replicaId, long accessId, long settingId, LocalDate day,
                             Map<WindowKind, OffsetDateTime> settingWindows, long reservedTokens, boolean released,
                             long settledTokens, long settledCostMicros, List<LeaseUse> used, OffsetDateTime at) {

    /** What one lease gave the call, moved from the lease to its counter when the end is written. */
    public record LeaseUse(LeaseKey key, long amount) {
    }
}

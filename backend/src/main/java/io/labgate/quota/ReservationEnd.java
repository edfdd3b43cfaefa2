package io.labgate.quota;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * How a reservation ended, on its way to the database with the call's usage row: settled to
 * {@code settledTokens}, or released (everything given back). Written by {@link ReservationBook} in the same
 * transaction as the usage row, so counters and logs never disagree.
 */
public record ReservationEnd(UUID reservationId, long accessId, long settingId, LocalDate day,
                             Map<WindowKind, OffsetDateTime> settingWindows, long reservedTokens, boolean released,
                             long settledTokens, OffsetDateTime at) {

    static ReservationEnd settled(QuotaReservation r, long actualTokens, OffsetDateTime at) {
        return new ReservationEnd(r.id(), r.accessId(), r.settingId(), r.day(), r.settingWindows(), r.tokens(), false,
                actualTokens, at);
    }

    static ReservationEnd released(QuotaReservation r, OffsetDateTime at) {
        return new ReservationEnd(r.id(), r.accessId(), r.settingId(), r.day(), r.settingWindows(), r.tokens(), true,
                0, at);
    }
}

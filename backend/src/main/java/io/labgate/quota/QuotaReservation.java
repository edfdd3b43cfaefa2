package io.labgate.quota;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What {@link QuotaService#reserve} took: one request and {@code tokens} tokens on the member's access, and
 * one request in each limited window of the provider setting. Settle or release it exactly once.
 */
public record QuotaReservation(long accessId, long settingId, long tokens, LocalDate day,
                               Map<WindowKind, OffsetDateTime> settingWindows) {
}

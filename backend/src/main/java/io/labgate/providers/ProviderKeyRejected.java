package io.labgate.providers;

import java.time.OffsetDateTime;

/**
 * Fired inside the transaction that records a provider's rejection of a setting's key (401/403 during a
 * member's call). {@code since} is when this run of rejections began — the same for every rejection until the
 * key is replaced or a connection test passes — so an alert about it is sent once per run. Observe it with
 * {@code during = AFTER_SUCCESS}.
 */
public record ProviderKeyRejected(long settingId, OffsetDateTime since) {
}

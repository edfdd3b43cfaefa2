package io.labgate.audit;

/**
 * Fired for every audited admin change. Observers that cache what admins configure (member routes,
 * prices) listen with {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}, so they drop their
 * copies only once the change is committed.
 */
public record AdminChange(String action, String entityType, Long entityId) {
}

package io.labgate.alerts;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One entry of the notification centre. {@code code} says what happened and {@code params} the rest (the alert's
 * event: subject, threshold, percent, used, limit, unit, window, resets_at); the SPA words them.
 */
public record NotificationView(Long id, AlertMetric code, Map<String, Object> params, OffsetDateTime createdAt,
                               OffsetDateTime readAt) {
}

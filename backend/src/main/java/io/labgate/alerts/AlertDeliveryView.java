package io.labgate.alerts;

import java.time.OffsetDateTime;

/**
 * One e-mail or webhook in the delivery log: where it went, how it went (status, attempts, the last error and
 * HTTP status) and what it was about ({@code metric}, {@code threshold}, {@code subject_name}; null for a test).
 */
public record AlertDeliveryView(Long id, Long channelId, String channelName, String channelKind, String recipient,
                                boolean isTest, String status, int attempts, String lastError, Integer lastStatus,
                                Long ruleId, String ruleName, AlertMetric metric, Integer threshold,
                                String subjectName, OffsetDateTime createdAt, OffsetDateTime sentAt,
                                OffsetDateTime nextAttemptAt) {

    static AlertDeliveryView of(AlertDelivery d) {
        AlertEvent event = d.firing == null ? null : AlertEvent.fromMap(d.firing.event);
        return new AlertDeliveryView(d.id, d.channel.id, d.channel.name, d.channel.kind, d.recipient, d.isTest,
                d.status, d.attempts, d.lastError, d.lastStatus, event == null ? null : event.ruleId(),
                event == null ? null : event.ruleName(), event == null ? null : event.metric(),
                event == null ? null : event.threshold(), event == null ? null : event.subjectName(), d.createdAt,
                d.sentAt, AlertDelivery.PENDING.equals(d.status) ? d.nextAttemptAt : null);
    }
}

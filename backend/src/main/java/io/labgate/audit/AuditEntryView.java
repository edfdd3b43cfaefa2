package io.labgate.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

public record AuditEntryView(Long id, String actor, String action, String entityType, Long entityId,
                             JsonNode before, JsonNode after, OffsetDateTime createdAt) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.id, e.actorUsername, e.action, e.entityType, e.entityId, e.before, e.after,
                e.createdAt);
    }
}

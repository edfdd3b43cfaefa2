package io.labgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Map;

/** One audit entry; {@code before} and {@code after} are the API views of the entity (null on create, delete). */
public record AuditEntryView(Long id, String actor, String action, String entityType, Long entityId,
                             @Schema(implementation = Map.class, nullable = true,
                                     description = "The entity as the API showed it before the change")
                             JsonNode before,
                             @Schema(implementation = Map.class, nullable = true,
                                     description = "The entity as the API showed it after the change")
                             JsonNode after,
                             OffsetDateTime createdAt) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.id, e.actorUsername, e.action, e.entityType, e.entityId, e.before, e.after,
                e.createdAt);
    }
}

package io.labgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.common.security.CurrentMember;
import io.labgate.common.paging.PageRequest;
import io.labgate.common.paging.PageResponse;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Records who changed what. Callers pass the API views of the entity (never entities), so a secret
 * can only reach the audit log if it is already in a response, which it never is.
 */
@ApplicationScoped
public class AuditService {

    private final AuditRepository repository;
    private final CurrentMember currentMember;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final ChangeBroadcast broadcast;

    AuditService(AuditRepository repository, CurrentMember currentMember, ObjectMapper objectMapper, Clock clock,
                 ChangeBroadcast broadcast) {
        this.broadcast = broadcast;
        this.repository = repository;
        this.currentMember = currentMember;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, Long entityId, Object before, Object after) {
        recordAs(currentMember.idOrNull(), currentMember.usernameOr("system"), action, entityType, entityId, before,
                after);
    }

    /** An entry whose actor is not the caller's token: a member signing in through the platform acts as themselves. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(Long actorId, String actorUsername, String action, String entityType, Long entityId,
                         Object before, Object after) {
        AuditEntry entry = new AuditEntry();
        entry.actorId = actorId;
        entry.actorUsername = actorUsername;
        entry.action = action;
        entry.entityType = entityType;
        entry.entityId = entityId;
        entry.before = toJson(before);
        entry.after = toJson(after);
        entry.createdAt = OffsetDateTime.now(clock);
        repository.persist(entry);
        broadcast.announce(action, entityType, entityId);
    }

    @Transactional
    public PageResponse<AuditEntryView> list(String entityType, PageRequest page) {
        PanacheQuery<AuditEntry> query = repository.newestFirst(entityType).page(page.page, page.size);
        return new PageResponse<>(query.list().stream().map(AuditEntryView::of).toList(),
                query.count(), page.page, page.size);
    }

    private JsonNode toJson(Object value) {
        return value == null ? null : objectMapper.valueToTree(value);
    }
}

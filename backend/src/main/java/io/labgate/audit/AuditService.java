package io.labgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.common.security.CurrentMember;
import io.labgate.common.paging.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Records who changed what. Callers pass the API views of the entity (never entities), so a secret
 * can only reach the audit log if it is already in a response, which it never is.
 */
@ApplicationScoped
public class AuditService {

    static final int EXPORT_BATCH = 500;

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

    /** One page of the entries the filter selects, newest first. */
    @Transactional
    public AuditLogPage list(AuditFilter filter, PageRequest page) {
        AuditRepository.Where where = repository.where(filter, clock.getZone());
        return new AuditLogPage(repository.page(where, page.page, page.size).stream().map(AuditEntryView::of).toList(),
                repository.count(where), page.page, page.size);
    }

    /**
     * Every entry the filter selects, newest first, as CSV. Read in batches, each in its own short transaction,
     * so that a long log is streamed to the client without holding it in memory or a transaction open.
     */
    public void exportCsv(AuditFilter filter, OutputStream out) throws IOException {
        AuditRepository.Where where = repository.where(filter, clock.getZone());
        try (AuditCsv csv = new AuditCsv(out, clock.getZone())) {
            AuditEntry last = null;
            while (true) {
                AuditEntry after = last;
                List<AuditEntry> batch = QuarkusTransaction.requiringNew()
                        .call(() -> repository.batchAfter(where, after, EXPORT_BATCH));
                for (AuditEntry entry : batch) {
                    csv.write(AuditEntryView.of(entry));
                }
                if (batch.size() < EXPORT_BATCH) {
                    return;
                }
                last = batch.getLast();
            }
        }
    }

    /** JSON of an API view, with any field named like a secret redacted (see {@link AuditRedaction}). */
    private JsonNode toJson(Object value) {
        return value == null ? null : AuditRedaction.redact(objectMapper.valueToTree(value));
    }
}

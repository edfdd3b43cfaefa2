package io.labgate.usage;

import io.labgate.common.cache.ReadCache;
import io.labgate.audit.AuditService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.labgate.audit.AdminChange;
import io.quarkus.virtual.threads.VirtualThreads;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Admin-editable settings of usage logging. Read often (every call), changed rarely: cached, dropped when an
 * admin change commits on any replica (ChangeBroadcast), and re-read in the background every few seconds in any
 * case (a call never waits for that).
 */
@ApplicationScoped
public class UsageSettings {

    private static final String CONTENT_RETENTION = "content_retention";

    private final EntityManager em;
    private final AuditService audit;
    private final ReadCache<String, ContentRetention> retention;

    UsageSettings(EntityManager em, AuditService audit, @VirtualThreads ExecutorService virtualThreads) {
        this.em = em;
        this.audit = audit;
        this.retention = ReadCache.ofDatabase(Duration.ofSeconds(5), Duration.ofMinutes(1), 1, virtualThreads,
                ignored -> stored(""));
    }

    /** Every call asks; the database is read only when nothing is kept (at start, after an admin change). */
    public ContentRetention contentRetention() {
        return retention.get(CONTENT_RETENTION);
    }

    /** An admin change (here or on another replica) is seen at the next call. */
    void onAdminChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AdminChange change) {
        retention.clear();
    }

    /**
     * Saving the value already in force changes nothing and writes no audit entry. The value before is read from
     * the row, locked, not from this replica's cache, so the audit entry says what it really was.
     */
    @Transactional
    public void setContentRetention(ContentRetention value) {
        String before = stored(" FOR UPDATE").wireName();
        if (before.equals(value.wireName())) {
            return;
        }
        em.createNativeQuery("""
                        INSERT INTO app_settings (key, value, updated_at) VALUES ('content_retention', :v, now())
                        ON CONFLICT (key) DO UPDATE SET value = :v, updated_at = now()
                        """)
                .setParameter("v", value.wireName()).executeUpdate();
        audit.record("usage_settings.update", "usage_settings", null, java.util.Map.of("content_retention", before),
                java.util.Map.of("content_retention", value.wireName()));
    }

    /** The stored value; none stored means full (the default since V2). */
    private ContentRetention stored(String lock) {
        List<?> rows = em.createNativeQuery("SELECT value FROM app_settings WHERE key = 'content_retention'" + lock)
                .getResultList();
        return rows.isEmpty() ? ContentRetention.FULL : ContentRetention.parse((String) rows.getFirst());
    }
}

package io.labgate.usage;

import io.labgate.common.threads.WouldBlock;
import io.labgate.audit.AuditService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.labgate.audit.AdminChange;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;

/**
 * Admin-editable settings of usage logging. Read often (every call), changed rarely: cached, dropped when an
 * admin change commits on any replica (ChangeBroadcast), and re-read after a few seconds in any case.
 */
@ApplicationScoped
public class UsageSettings {

    private static final Duration CACHE = Duration.ofSeconds(5);

    private final EntityManager em;
    private final AuditService audit;
    private volatile ContentRetention retention;
    private volatile long readAt;

    UsageSettings(EntityManager em, AuditService audit) {
        this.em = em;
        this.audit = audit;
    }

    /** Every call asks; the database is read only when the cached value is older than {@code CACHE}. */
    public ContentRetention contentRetention() {
        ContentRetention cached = retention;
        if (cached != null && System.nanoTime() - readAt <= CACHE.toNanos()) {
            return cached;
        }
        WouldBlock.ifOnEventLoop();
        return QuarkusTransaction.joiningExisting().call(() -> {
            ContentRetention read = stored("");
            retention = read;
            readAt = System.nanoTime();
            return read;
        });
    }

    /** An admin change (here or on another replica) is seen at the next call. */
    void onAdminChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AdminChange change) {
        retention = null;
    }

    /**
     * Saving the value already in force changes nothing and writes no audit entry. The value before is read from
     * the row, locked, not from this replica's cache, so the audit entry says what it really was.
     */
    @Transactional
    public void setContentRetention(ContentRetention value) {
        String before = stored(" FOR UPDATE").wireName();
        if (before.equals(value.wireName())) {
            retention = value;
            readAt = System.nanoTime();
            return;
        }
        em.createNativeQuery("""
                        INSERT INTO app_settings (key, value, updated_at) VALUES ('content_retention', :v, now())
                        ON CONFLICT (key) DO UPDATE SET value = :v, updated_at = now()
                        """)
                .setParameter("v", value.wireName()).executeUpdate();
        retention = value;
        readAt = System.nanoTime();
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

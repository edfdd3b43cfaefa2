package io.labgate.usage;

import io.labgate.audit.AuditService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.List;

/**
 * Admin-editable settings of usage logging. Read often (every call), changed rarely: cached for a few
 * seconds, so a change reaches every replica within that time.
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

    @Transactional
    public ContentRetention contentRetention() {
        long now = System.nanoTime();
        if (retention == null || now - readAt > CACHE.toNanos()) {
            List<?> rows = em.createNativeQuery("SELECT value FROM app_settings WHERE key = 'content_retention'")
                    .getResultList();
            retention = rows.isEmpty() ? ContentRetention.FULL : ContentRetention.parse((String) rows.getFirst());
            readAt = now;
        }
        return retention;
    }

    @Transactional
    public void setContentRetention(ContentRetention value) {
        String before = contentRetention().wireName();
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
}

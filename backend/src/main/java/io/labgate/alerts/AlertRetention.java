package io.labgate.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Keeps the alert history to {@code labgate.alerts.retention}: finished deliveries (sent or failed) and firings
 * older than that go, a firing's notifications with it. A delivery still being retried stays, and so does its
 * firing; so does the firing of a key rejection still going on — its row is what stops it being announced again.
 * Every other firing's window (an hour, a day, a month) ended long before, so purging it re-arms nothing.
 */
@ApplicationScoped
public class AlertRetention {

    private final EntityManager em;
    private final AlertsConfig config;
    private final Clock clock;

    AlertRetention(EntityManager em, AlertsConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /** What one purge removed. */
    public record Purged(int deliveries, int firings) {
    }

    @Transactional
    public Purged purge() {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(config.retention());
        int deliveries = em.createNativeQuery("""
                        DELETE FROM alert_deliveries WHERE created_at < :before AND status <> 'pending'
                        """)
                .setParameter("before", before).executeUpdate();
        // Served by alert_firings_fired_idx; the notifications and deliveries go with their firing (ON DELETE CASCADE).
        int firings = em.createNativeQuery("""
                        DELETE FROM alert_firings f WHERE f.fired_at < :before
                           AND NOT EXISTS (SELECT 1 FROM alert_deliveries d
                                            WHERE d.firing_id = f.id AND d.status = 'pending')
                           AND NOT EXISTS (SELECT 1 FROM ai_settings s
                                            WHERE f.subject = 'setting:' || s.id AND s.key_failing_since IS NOT NULL
                                              AND f.window_key = 'key:'
                                                  || floor(extract(epoch FROM s.key_failing_since) * 1000)::bigint)
                        """)
                .setParameter("before", before).executeUpdate();
        return new Purged(deliveries, firings);
    }
}

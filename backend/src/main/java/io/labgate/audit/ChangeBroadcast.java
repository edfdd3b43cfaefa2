package io.labgate.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.Statement;

/**
 * Tells every replica about an admin change, through PostgreSQL's LISTEN/NOTIFY (no other infrastructure).
 * A NOTIFY is sent with the change's transaction, so other replicas hear of it exactly when it commits; each
 * replica listens on one dedicated connection and fires {@link AdminChange} locally, and the caches that
 * observe it (routes, verified member keys, prices) drop their copies within milliseconds. After a lost
 * connection the listener reconnects and drops everything, since it may have missed changes.
 */
@ApplicationScoped
public class ChangeBroadcast {

    static final String CHANNEL = "labgate_changes";
    private static final Logger LOG = Logger.getLogger(ChangeBroadcast.class);

    private final EntityManager em;
    private final AgroalDataSource dataSource;
    private final Event<AdminChange> changes;
    private volatile boolean running;
    private Thread listener;

    ChangeBroadcast(EntityManager em, AgroalDataSource dataSource, Event<AdminChange> changes) {
        this.em = em;
        this.dataSource = dataSource;
        this.changes = changes;
    }

    /**
     * A change this replica's caches hear of when the current transaction commits, and every other replica's
     * through {@link #publish}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(String action, String entityType, Long entityId) {
        changes.fire(new AdminChange(action, entityType, entityId));
        publish(action, entityType, entityId);
    }

    /** Sent when the current transaction commits; never if it rolls back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String action, String entityType, Long entityId) {
        em.createNativeQuery("SELECT pg_notify(:channel, :payload)")
                .setParameter("channel", CHANNEL)
                .setParameter("payload", action + "|" + entityType + "|" + (entityId == null ? "" : entityId))
                .getSingleResult();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = Thread.ofPlatform().name("admin-change-listener").daemon(true).start(this::listen);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        long backoff = 100;
        while (running) {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                // Anything may have changed while we were not listening.
                changes.fire(new AdminChange("listener.connected", "cluster", null));
                backoff = 100;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        changes.fire(parse(notification.getParameter()));
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Listening for admin changes failed (%s); retrying in %d ms", e.getClass().getSimpleName(),
                        backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(5000, backoff * 2);
            }
        }
    }

    private static AdminChange parse(String payload) {
        String[] parts = payload.split("\\|", -1);
        Long id = parts.length > 2 && !parts[2].isEmpty() ? Long.valueOf(parts[2]) : null;
        return new AdminChange(parts[0], parts.length > 1 ? parts[1] : "", id);
    }
}

package io.labgate.alerts;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.Statement;

/**
 * Carries new notifications to every replica's open streams through PostgreSQL's LISTEN/NOTIFY: the firing's
 * transaction NOTIFYs {@code member:notification} per recipient, so each replica hears of it when it commits,
 * whichever replica fired. One dedicated connection per replica; after a lost connection open streams are told
 * to re-read their lists, since notices may have been missed.
 */
@ApplicationScoped
public class NotificationBroadcast {

    private static final Logger LOG = Logger.getLogger(NotificationBroadcast.class);

    private final AgroalDataSource dataSource;
    private final NotificationHub hub;
    private volatile boolean running;
    private Thread listener;

    NotificationBroadcast(AgroalDataSource dataSource, NotificationHub hub) {
        this.dataSource = dataSource;
        this.hub = hub;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = Thread.ofPlatform().name("notification-listener").daemon(true).start(this::listen);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        long backoff = 100;
        boolean reconnected = false;
        while (running) {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + AlertFiringService.CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                if (reconnected) {
                    hub.resync();
                }
                backoff = 100;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        dispatch(notification.getParameter());
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                reconnected = true;
                LOG.warnf("Listening for notifications failed (%s); retrying in %d ms", e.getClass().getSimpleName(),
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

    private void dispatch(String payload) {
        int colon = payload.indexOf(':');
        try {
            hub.deliver(Long.parseLong(payload.substring(0, colon)), Long.parseLong(payload.substring(colon + 1)));
        } catch (RuntimeException e) {
            LOG.debugf("Notification %s could not be pushed: %s", payload, e.getClass().getSimpleName());
        }
    }
}

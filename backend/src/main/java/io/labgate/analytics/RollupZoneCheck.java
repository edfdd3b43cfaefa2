package io.labgate.analytics;

import io.agroal.api.AgroalDataSource;
import io.labgate.common.config.LabgateConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * At start, makes sure the roll-ups are built in the platform's time zone: on the first start after they were
 * added (the usage rows already there are summed into them) and after {@code labgate.time-zone} changed (local
 * hours and days move). Replicas starting together rebuild once: the rebuild holds a lock that makes the others
 * wait and then find it done.
 */
@ApplicationScoped
public class RollupZoneCheck {

    private static final Logger LOG = Logger.getLogger(RollupZoneCheck.class);

    private final AgroalDataSource dataSource;
    private final ZoneId zone;

    RollupZoneCheck(AgroalDataSource dataSource, LabgateConfig config) {
        this.dataSource = dataSource;
        this.zone = ZoneId.of(config.timeZone());
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        ensureBuilt();
    }

    /** Rebuilds the roll-ups unless they are already in the configured zone; returns whether it rebuilt. */
    public boolean ensureBuilt() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (Optional.of(zone.getId()).equals(UsageRollups.builtIn(connection))) {
                return false;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                long start = System.nanoTime();
                try (var lock = connection.createStatement()) {
                    lock.execute("LOCK TABLE usage_logs IN SHARE ROW EXCLUSIVE MODE");
                }
                Optional<String> built = UsageRollups.builtIn(connection);
                if (Optional.of(zone.getId()).equals(built)) {
                    connection.rollback(); // another replica built them while this one waited
                    return false;
                }
                UsageRollups.rebuild(connection, zone);
                connection.commit();
                LOG.infof("Usage roll-ups built in %s (were %s) in %d ms", zone.getId(), built.orElse("not built"),
                        (System.nanoTime() - start) / 1_000_000);
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}

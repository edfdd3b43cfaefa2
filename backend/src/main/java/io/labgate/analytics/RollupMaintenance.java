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
 * Keeps the roll-ups whole outside the ledger's path. At start, makes sure they are built in the platform's time
 * zone: on the first start after they were added (the usage rows already there are summed into them) and after
 * {@code labgate.time-zone} changed (local hours and days move); replicas starting together rebuild once (the
 * rebuild holds a lock that makes the others wait and then find it done). And it adds the usage rows some other
 * writer left out ({@link #catchUp}).
 */
@ApplicationScoped
public class RollupMaintenance {

    private static final Logger LOG = Logger.getLogger(RollupMaintenance.class);
    /** Rows added per transaction by {@link #catchUp}. */
    private static final int CATCH_UP_BATCH = 5000;

    private final AgroalDataSource dataSource;
    private final ZoneId zone;

    RollupMaintenance(AgroalDataSource dataSource, LabgateConfig config) {
        this.dataSource = dataSource;
        this.zone = ZoneId.of(config.timeZone());
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        ensureBuilt();
        catchUp();
    }

    /**
     * Adds the usage rows that are not in the roll-ups yet — written by a replica of the previous version during a
     * rolling upgrade — a batch per transaction; returns how many. Usually there are none, found by a partial
     * index at no cost.
     */
    public int catchUp() throws SQLException {
        int total = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int added;
                do {
                    added = UsageRollups.catchUp(connection, zone, CATCH_UP_BATCH);
                    connection.commit();
                    total += added;
                } while (added == CATCH_UP_BATCH);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
        if (total > 0) {
            LOG.infof("Usage roll-ups: added %d usage rows another writer had left out", total);
        }
        return total;
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

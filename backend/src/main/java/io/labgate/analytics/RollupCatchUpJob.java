package io.labgate.analytics;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;

/**
 * Adds usage rows written without their roll-ups (a previous version's replica during a rolling upgrade). There are
 * none otherwise, and looking costs one probe of an empty partial index.
 */
@ApplicationScoped
public class RollupCatchUpJob {

    private final RollupMaintenance maintenance;

    RollupCatchUpJob(RollupMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void catchUp() throws SQLException {
        maintenance.catchUp();
    }
}

package io.labgate.analytics;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;

/** Adds usage rows written without their roll-ups (a previous version's replica during a rolling upgrade). */
@ApplicationScoped
public class RollupCatchUpJob {

    private final RollupMaintenance maintenance;

    RollupCatchUpJob(RollupMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Scheduled(every = "{labgate.analytics.catch-up-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void catchUp() throws SQLException {
        maintenance.catchUp();
    }
}

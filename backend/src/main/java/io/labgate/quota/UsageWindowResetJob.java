package io.labgate.quota;

import io.labgate.common.db.ClusterJobLock;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Midnight in the configured zone (and once at start, to catch up after downtime), on one replica at a time; the
 * reset is idempotent, so a replica that runs after another finds nothing left to reset.
 */
@ApplicationScoped
class UsageWindowResetJob {

    private static final Logger LOG = Logger.getLogger(UsageWindowResetJob.class);

    private final UsageWindowReset reset;
    private final ClusterJobLock cluster;

    UsageWindowResetJob(UsageWindowReset reset, ClusterJobLock cluster) {
        this.reset = reset;
        this.cluster = cluster;
    }

    void onStart(@Observes StartupEvent event) {
        run();
    }

    @Scheduled(cron = "{labgate.usage.reset-cron}", timeZone = "{labgate.time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        cluster.runAlone("usage-window-reset", () -> {
            int rows = reset.resetEndedWindows();
            if (rows > 0) {
                LOG.infof("Started new usage windows for %d member(s)", rows);
            }
        });
    }
}

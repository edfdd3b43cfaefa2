package io.labgate.alerts;

import io.labgate.common.db.ClusterJobLock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Purges old alert history ({@link AlertRetention}) every hour, on one replica of the cluster at a time. */
@ApplicationScoped
class AlertRetentionJob {

    private static final Logger LOG = Logger.getLogger(AlertRetentionJob.class);

    private final AlertRetention retention;
    private final ClusterJobLock cluster;

    AlertRetentionJob(AlertRetention retention, ClusterJobLock cluster) {
        this.retention = retention;
        this.cluster = cluster;
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        cluster.runAlone("alert-retention", () -> {
            AlertRetention.Purged purged = retention.purge();
            if (purged.deliveries() + purged.firings() > 0) {
                LOG.infof("Purged %d alert firing(s) and %d delivery(ies) past their retention", purged.firings(),
                        purged.deliveries());
            }
        });
    }
}

package io.labgate.quota;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Midnight in the configured zone (and once at start, to catch up after downtime). */
@ApplicationScoped
class UsageWindowResetJob {

    private static final Logger LOG = Logger.getLogger(UsageWindowResetJob.class);

    private final UsageWindowReset reset;

    UsageWindowResetJob(UsageWindowReset reset) {
        this.reset = reset;
    }

    void onStart(@Observes StartupEvent event) {
        run();
    }

    @Scheduled(cron = "{labgate.usage.reset-cron}", timeZone = "{labgate.time-zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int rows = reset.resetEndedWindows();
        if (rows > 0) {
            LOG.infof("Started new usage windows for %d member(s)", rows);
        }
    }
}

package io.labgate.alerts;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Compares this replica's usage-log backlog with the usage_backlog rules. */
@ApplicationScoped
public class BacklogCheckJob {

    private final AlertEvaluator evaluator;

    BacklogCheckJob(AlertEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Scheduled(every = "{labgate.alerts.backlog-check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        evaluator.checkBacklog();
    }
}

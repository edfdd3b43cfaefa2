package io.labgate.quota;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Every few seconds: this replica says it is alive, then ends what stopped replicas left open. */
@ApplicationScoped
class ReservationSweepJob {

    private final Replica replica;
    private final ReservationSweeper sweeper;

    ReservationSweepJob(Replica replica, ReservationSweeper sweeper) {
        this.replica = replica;
        this.sweeper = sweeper;
    }

    @Scheduled(every = "{labgate.quota.heartbeat-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        replica.heartbeat();
        sweeper.sweep();
    }
}

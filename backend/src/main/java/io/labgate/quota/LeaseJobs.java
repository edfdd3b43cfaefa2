package io.labgate.quota;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** The background side of leases: heartbeat and sweep every few seconds, unused leases given back every second. */
@ApplicationScoped
class LeaseJobs {

    private final Replica replica;
    private final LeaseSweeper sweeper;
    private final Leases leases;

    LeaseJobs(Replica replica, LeaseSweeper sweeper, Leases leases) {
        this.replica = replica;
        this.sweeper = sweeper;
        this.leases = leases;
    }

    @Scheduled(every = "{labgate.quota.heartbeat-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void heartbeatAndSweep() {
        replica.heartbeat();
        sweeper.sweep();
    }

    @Scheduled(every = "{labgate.quota.lease-idle}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void returnUnused() {
        leases.returnUnused();
    }
}

package io.labgate.auth;

import io.labgate.common.db.ClusterJobLock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the login throttle's table to the windows that have not ended; one replica of the cluster does it each hour. */
@ApplicationScoped
class LoginThrottleCleanupJob {

    private final LoginThrottle throttle;
    private final ClusterJobLock cluster;

    LoginThrottleCleanupJob(LoginThrottle throttle, ClusterJobLock cluster) {
        this.throttle = throttle;
        this.cluster = cluster;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        cluster.runAlone("login-throttle-cleanup", throttle::forgetEnded);
    }
}

package io.labgate.auth;

import io.labgate.common.db.ClusterJobLock;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the login-failure table to the throttling window; one replica of the cluster does it each hour. */
@ApplicationScoped
class LoginFailureCleanupJob {

    private final AuthService auth;
    private final ClusterJobLock cluster;

    LoginFailureCleanupJob(AuthService auth, ClusterJobLock cluster) {
        this.auth = auth;
        this.cluster = cluster;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        cluster.runAlone("login-failure-cleanup", auth::forgetOldFailures);
    }
}

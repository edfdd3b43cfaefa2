package io.labgate.auth;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the login-failure table to the throttling window. */
@ApplicationScoped
class LoginFailureCleanupJob {

    private final AuthService auth;

    LoginFailureCleanupJob(AuthService auth) {
        this.auth = auth;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        auth.forgetOldFailures();
    }
}

package io.labgate.auth;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the login throttle's table to the windows that have not ended. */
@ApplicationScoped
class LoginThrottleCleanupJob {

    private final LoginThrottle throttle;

    LoginThrottleCleanupJob(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        throttle.forgetEnded();
    }
}

package io.labgate.auth;

import io.labgate.common.db.ClusterJobLock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hourly clean-up fires on every replica; one of them does it. Another replica is played by a second thread:
 * its own transaction, so its own connection, as another process's would be.
 */
@QuarkusTest
class LoginThrottleCleanupJobTest {

    @Inject
    LoginThrottleCleanupJob job;

    @Inject
    ClusterJobLock cluster;

    @Inject
    EntityManager em;

    @Test
    void theCleanUpForgetsWindowsThatHaveEndedAndKeepsOpenOnes() {
        String user = "cleanup-" + UUID.randomUUID();
        failure(user + "-long-ago", OffsetDateTime.now().minusHours(2));
        failure(user + "-just-now", OffsetDateTime.now().minusMinutes(1));
        job.run();
        assertEquals(1, failures(user));
    }

    @Test
    void whileAnotherReplicaRunsTheCleanUpThisOneSkipsItAndRunsItNextTime() throws Exception {
        String user = "cleanup-" + UUID.randomUUID();
        failure(user, OffsetDateTime.now().minusHours(2));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Boolean> otherReplica = CompletableFuture.supplyAsync(() ->
                cluster.runAlone("login-throttle-cleanup", () -> {
                    running.countDown();
                    await(finish);
                }));
        assertTrue(running.await(10, TimeUnit.SECONDS));

        job.run();
        assertEquals(1, failures(user), "skipped while the other replica holds the job");

        finish.countDown();
        assertTrue(otherReplica.get(10, TimeUnit.SECONDS));
        job.run();
        assertEquals(0, failures(user), "run once the other replica is done");
    }

    @Test
    void aJobIsRunAloneButOtherJobsAreNotHeldUp() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> cluster.runAlone("job-a", () -> {
            runs.incrementAndGet();
            running.countDown();
            await(finish);
        }));
        assertTrue(running.await(10, TimeUnit.SECONDS));

        assertFalse(cluster.runAlone("job-a", runs::incrementAndGet));
        assertTrue(cluster.runAlone("job-b", () -> { }));
        assertEquals(1, runs.get());

        finish.countDown();
        assertTrue(first.get(10, TimeUnit.SECONDS));
        assertTrue(cluster.runAlone("job-a", runs::incrementAndGet), "the lock ends with the transaction");
        assertEquals(2, runs.get());
    }

    private void failure(String user, OffsetDateTime at) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "insert into login_throttle (scope, subject, attempts, window_start) values ('username', ?1, 1, ?2)")
                .setParameter(1, user).setParameter(2, at).executeUpdate());
    }

    private long failures(String user) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from login_throttle where subject like ?1").setParameter(1, user + "%")
                .getSingleResult()).longValue());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.labgate.alerts;

import io.labgate.common.db.ClusterJobLock;
import io.labgate.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alert history is kept for {@code labgate.alerts.retention} (90 days): older firings go with their notifications
 * and deliveries, unless a delivery is still being retried or the firing stands for a key rejection still going
 * on; the purge runs on one replica at a time.
 */
@QuarkusTest
class AlertRetentionTest {

    @Inject
    AlertRetentionJob job;

    @Inject
    ClusterJobLock cluster;

    @Inject
    EntityManager em;

    @Test
    void historyOlderThanTheRetentionIsPurgedAndWhatStillMattersIsKept() {
        // Disabled: their history is written here, and they must not fire for other tests' members.
        long rule = AlertFixtures.rule(Map.of("name", Api.unique("retention"), "metric", "member_requests",
                "enabled", false));
        long keyRule = AlertFixtures.rule(Map.of("name", Api.unique("retention-key"), "metric",
                "provider_key_rejected", "enabled", false));
        long channel = AlertFixtures.channel(Map.of("name", Api.unique("retention"), "kind", "email",
                "recipients", List.of("ops-retention@lab.example")));
        OffsetDateTime old = OffsetDateTime.now().minusDays(91);
        OffsetDateTime recent = OffsetDateTime.now().minusDays(89);

        long oldFiring = firing(rule, "member:1", "2020-01", old);
        // A member of its own hears of these (the admin's bell is other tests' to read).
        long member = Api.newResearcher().id();
        long oldNotification = notification(oldFiring, member);
        long oldSent = delivery(oldFiring, channel, "sent", old);
        long recentFiring = firing(rule, "member:2", "2020-02", recent);
        long recentNotification = notification(recentFiring, member);
        long recentSent = delivery(recentFiring, channel, "sent", recent);
        long oldRetrying = firing(rule, "member:3", "2020-03", old);
        long pending = delivery(oldRetrying, channel, "pending", old);
        long oldTest = delivery(null, channel, "failed", old);
        // A key the provider has rejected for three months: its firing keeps the rejection from being announced again.
        OffsetDateTime failingSince = old.minusDays(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        long settingId = failingSetting(failingSince);
        long ongoingEpisode = firing(keyRule, "setting:" + settingId, "key:" + failingSince.toInstant().toEpochMilli(),
                old);
        long endedEpisode = firing(keyRule, "setting:" + settingId, "key:12345", old);

        job.run();

        assertEquals(0, count("alert_firings", oldFiring));
        assertEquals(0, count("notifications", oldNotification), "a firing's notifications go with it");
        assertEquals(0, count("alert_deliveries", oldSent));
        assertEquals(0, count("alert_deliveries", oldTest), "a channel test's delivery too");
        assertEquals(0, count("alert_firings", endedEpisode));
        assertEquals(1, count("alert_firings", recentFiring));
        assertEquals(1, count("notifications", recentNotification));
        assertEquals(1, count("alert_deliveries", recentSent));
        assertEquals(1, count("alert_firings", oldRetrying), "its delivery is still being retried");
        assertEquals(1, count("alert_deliveries", pending));
        assertEquals(1, count("alert_firings", ongoingEpisode), "the rejection is still going on");
    }

    @Test
    void whileAnotherReplicaPurgesThisOneSkips() throws Exception {
        long rule = AlertFixtures.rule(Map.of("name", Api.unique("retention"), "metric", "member_tokens",
                "enabled", false));
        long old = firing(rule, "member:4", "2020-04", OffsetDateTime.now().minusDays(100));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Boolean> otherReplica = CompletableFuture.supplyAsync(() ->
                cluster.runAlone("alert-retention", () -> {
                    running.countDown();
                    try {
                        assertTrue(finish.await(10, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        job.run();
        assertEquals(1, count("alert_firings", old), "skipped while the other replica holds the job");
        finish.countDown();
        assertTrue(otherReplica.get(10, TimeUnit.SECONDS));
        job.run();
        assertEquals(0, count("alert_firings", old));
    }

    private long firing(long rule, String subject, String window, OffsetDateTime at) {
        return insert("""
                insert into alert_firings (rule_id, subject, window_key, threshold, event, fired_at)
                values (?1, ?2, ?3, 80, jsonb_build_object('metric', 'member_requests', 'rule_id', ?1), ?4)
                returning id""", rule, subject, window, at);
    }

    private long notification(long firing, long member) {
        return insert("insert into notifications (member_id, firing_id) values (?1, ?2) returning id", member, firing);
    }

    private long delivery(Long firing, long channel, String status, OffsetDateTime at) {
        return insert("""
                insert into alert_deliveries (firing_id, channel_id, status, is_test, created_at)
                values (?1, ?2, ?3, ?4, ?5) returning id""", firing, channel, status, firing == null, at);
    }

    private long failingSetting(OffsetDateTime since) {
        long id = Api.asAdmin().body(Map.of("name", Api.unique("retention"), "provider", "sandbox",
                        "model_name", "sandbox", "max_tokens", 100, "hourly_limit", 0, "daily_limit", 0,
                        "monthly_limit", 0))
                .post("/api/admin/ai-settings").then().statusCode(201).extract().jsonPath().getLong("id");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update ai_settings set key_failing_since = ?1 where id = ?2")
                .setParameter(1, since).setParameter(2, id).executeUpdate());
        return id;
    }

    private long insert(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    private long count(String table, long id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from " + table + " where id = ?1").setParameter(1, id).getSingleResult()).longValue());
    }
}

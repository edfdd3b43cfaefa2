package io.labgate.quota;

import io.labgate.ledger.CallLedger;
import io.labgate.support.Api;
import io.labgate.support.Books;
import io.labgate.support.Researchers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Leases as other replicas see them: what a lost replica held stays spent; what a live one does not use goes back. */
@QuarkusTest
class LeaseTest {

    @Inject
    QuotaService quota;

    @Inject
    LeaseSweeper sweeper;

    @Inject
    Leases leases;

    @Inject
    Replica replica;

    @Inject
    CallLedger ledger;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    private static final QuotaService.Limits FORTY_A_DAY = new QuotaService.Limits(0, 40, 0, 0, 0, 0);

    private Researchers.Researcher researcher() {
        return Researchers.on(Map.of("name", Api.unique("lease")), "basic");
    }

    private QuotaReservation reserve(Researchers.Researcher r) {
        return quota.reserve(new QuotaService.Claim(r.accessId(), r.settingId(), 10, 20, 0), FORTY_A_DAY);
    }

    private void insertReplica(UUID id, OffsetDateTime heartbeat) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "insert into gateway_replicas (id, started_at, heartbeat_at) values (?1, ?2, ?2)")
                .setParameter(1, id).setParameter(2, heartbeat).executeUpdate());
    }

    private void insertLease(UUID replicaId, long accessId, long amount) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into quota_leases (counter, subject_id, window_start, window_end, replica_id, amount,
                            granted_at) values ('member_day_requests', ?1, ?2, ?3, ?4, ?5, ?6)
                        """)
                .setParameter(1, accessId)
                .setParameter(2, WindowKind.DAY.start(now).toOffsetDateTime())
                .setParameter(3, WindowKind.DAY.end(now).toOffsetDateTime())
                .setParameter(4, replicaId).setParameter(5, amount).setParameter(6, now.toOffsetDateTime())
                .executeUpdate());
    }

    private Object scalar(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getSingleResult();
        });
    }

    private long number(String sql, Object... params) {
        return ((Number) scalar(sql, params)).longValue();
    }

    @Test
    void aLostReplicasLeaseIsForfeitedAndStaysSpentWhileTheLiveOnesKeepTheirs() throws Exception {
        Researchers.Researcher r = researcher();
        UUID lost = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        insertReplica(lost, now.minusMinutes(1));      // killed a minute ago
        insertReplica(alive, now.minusSeconds(2));     // on another node, heartbeating
        insertLease(lost, r.accessId(), 25);
        insertLease(alive, r.accessId(), 5);

        assertTrue(sweeper.sweep(now) >= 1);
        Object forfeited = scalar("select forfeited_at from quota_leases where replica_id = ?1", lost);
        assertNotNull(forfeited);
        assertNull(scalar("select forfeited_at from quota_leases where replica_id = ?1", alive));
        sweeper.sweep(now.plusSeconds(1));
        assertEquals(forfeited, scalar("select forfeited_at from quota_leases where replica_id = ?1", lost),
                "a later sweep (or one on another replica) leaves it as it was");

        // 40 a day: 25 lost with the killed replica, 5 held by the live one elsewhere; 10 are left for us.
        List<QuotaReservation> served = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            served.add(reserve(r));
        }
        QuotaExceededException refused = assertThrows(QuotaExceededException.class, () -> reserve(r));
        assertEquals("daily_request_limit", refused.limit());
        for (QuotaReservation s : served) {
            Books.book(ledger, r.member().id(), r.settingId(), quota.settle(s, 15, 0).orElseThrow());
        }
        assertEquals(10, number("select requests_today from user_ai_access where id = ?1", r.accessId()));
        assertEquals(10, number("select count(*) from usage_logs where member_id = ?1", r.member().id()),
                "counters and logs agree; the forfeited lease is not a call");
        assertEquals(40, number("select requests_today from user_ai_access where id = ?1", r.accessId())
                + number("select sum(amount) from quota_leases where subject_id = ?1 "
                + "and counter = 'member_day_requests'", r.accessId()), "committed + leases = the limit, no more");
    }

    @Test
    void whatALeaseHoldsUnusedGoesBackForOthers() throws Exception {
        Researchers.Researcher r = researcher();
        QuotaReservation call = reserve(r);
        LeaseKey key = new LeaseKey(Counter.MEMBER_DAY_REQUESTS, r.accessId(),
                WindowKind.DAY.start(ZonedDateTime.now(clock)).toOffsetDateTime());
        long granted = number("select amount from quota_leases where counter = 'member_day_requests' "
                + "and subject_id = ?1 and replica_id = ?2", r.accessId(), replica.id());
        assertTrue(granted > 1 && granted <= 10, "a small block (a quarter of the room at most): " + granted);
        Books.book(ledger, r.member().id(), r.settingId(), quota.settle(call, 15, 0).orElseThrow());
        assertEquals(granted - 1, number("select amount from quota_leases where counter = 'member_day_requests' "
                + "and subject_id = ?1 and replica_id = ?2", r.accessId(), replica.id()), "the call moved to the count");

        // Idle for longer than lease-idle: the rest goes back (the scheduler does this every second).
        Thread.sleep(1100);
        leases.returnUnused();
        assertEquals(0, number("select amount from quota_leases where counter = 'member_day_requests' "
                + "and subject_id = ?1 and replica_id = ?2", r.accessId(), replica.id()));
        assertEquals(0, leases.held(key).free.get());
        assertEquals(1, number("select requests_today from user_ai_access where id = ?1", r.accessId()));
    }

    @Test
    void aLoweredLimitBindsAtOnceEvenForABusyMember() throws Exception {
        String plan = Api.unique("lease-plan");
        Map<String, Object> planBody = new java.util.HashMap<>(Map.of("name", plan, "display_name", plan,
                "monthly_cost", 0, "monthly_token_limit", 0, "daily_request_limit", 100,
                "features", List.of("chatbot")));
        int planId = Api.asAdmin().body(planBody).post("/api/admin/plans").then().statusCode(201)
                .extract().path("id");
        Researchers.Researcher r = Researchers.on(Map.of("name", Api.unique("lowered")), plan);
        Map<String, Object> ask = Map.of("messages", List.of(Map.of("role", "user", "content", "hi")));
        for (int i = 0; i < 3; i++) {
            Api.as(r.member().token()).body(ask).post("/api/ai/chat").then().statusCode(200);
        }
        // This replica now holds a lease on the member's day with room left in it.
        LeaseKey day = new LeaseKey(Counter.MEMBER_DAY_REQUESTS, r.accessId(),
                WindowKind.DAY.start(ZonedDateTime.now(clock)).toOffsetDateTime());
        assertTrue(leases.held(day).free.get() > 0, "unused room in the lease");

        planBody.put("daily_request_limit", 3);
        Api.asAdmin().body(planBody).put("/api/admin/plans/" + planId).then().statusCode(200);
        // No wait for the lease to go idle: the very next call is checked against the new limit.
        Api.as(r.member().token()).body(ask).post("/api/ai/chat").then().statusCode(429)
                .body("error", org.hamcrest.Matchers.equalTo("daily_request_limit"))
                .body("params.limit", org.hamcrest.Matchers.equalTo(3));
        Books.awaitWritten();
        assertEquals(3, number("select requests_today from user_ai_access where id = ?1", r.accessId()));
    }
}

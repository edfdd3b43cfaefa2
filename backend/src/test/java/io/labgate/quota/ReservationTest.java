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

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reservations have an identity: each is resolved exactly once, by whichever path gets there first. */
@QuarkusTest
class ReservationTest {

    @Inject
    QuotaService quota;

    @Inject
    ReservationSweeper sweeper;

    @Inject
    EntityManager em;

    @Inject
    CallLedger ledger;

    private record Subject(long accessId, long memberId, long settingId) {
    }

    private Subject subject() {
        Researchers.Researcher r = Researchers.on(Map.of("name", Api.unique("resv"), "max_tokens", 1000,
                "hourly_limit", 100), "basic");
        return new Subject(r.accessId(), r.member().id(), r.settingId());
    }

    private static final QuotaService.Limits LIMITS = new QuotaService.Limits(1_000_000, 1000, 100, 0, 0);

    private QuotaReservation reserve(Subject s, long tokens) {
        return quota.reserve(new QuotaService.Claim(s.accessId(), s.memberId(), s.settingId(), "chatbot", "api",
                40, tokens), LIMITS);
    }

    /** requests today, tokens this month, requests in the setting's hour window. */
    private long[] counters(Subject s) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] access = (Object[]) em.createNativeQuery(
                            "select requests_today, tokens_used_month from user_ai_access where id = ?1")
                    .setParameter(1, s.accessId()).getSingleResult();
            Number hour = (Number) em.createNativeQuery("select coalesce(sum(requests), 0) from setting_usage_windows "
                            + "where ai_settings_id = ?1 and window_kind = 'hour'")
                    .setParameter(1, s.settingId()).getSingleResult();
            return new long[]{((Number) access[0]).longValue(), ((Number) access[1]).longValue(), hour.longValue()};
        });
    }

    private void book(Subject s, ReservationEnd end) throws InterruptedException {
        Books.book(ledger, s.memberId(), s.settingId(), end);
    }

    private String state(QuotaReservation r) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select state from quota_reservations where id = ?1").setParameter(1, r.id()).getSingleResult());
    }

    @Test
    void settleAndReleaseRacingForOneReservationResolveItOnce() throws Exception {
        Subject s = subject();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        long expectedRequests = 0;
        long expectedTokens = 0;
        try {
            for (int round = 0; round < 60; round++) {
                QuotaReservation r = reserve(s, 500);
                CyclicBarrier start = new CyclicBarrier(3);
                List<Callable<Optional<ReservationEnd>>> paths = List.of(
                        () -> { start.await(); return quota.settle(r, 120); },   // done
                        () -> { start.await(); return quota.settle(r, 30); },    // client cancelled
                        () -> { start.await(); return quota.release(r); });      // failed
                List<Optional<ReservationEnd>> outcomes = new ArrayList<>();
                for (Future<Optional<ReservationEnd>> f : pool.invokeAll(paths)) {
                    outcomes.add(f.get());
                }
                assertEquals(1, outcomes.stream().filter(Optional::isPresent).count(), "round " + round + ": " + outcomes);
                int winner = outcomes.indexOf(outcomes.stream().filter(Optional::isPresent).findFirst().orElseThrow());
                book(s, outcomes.get(winner).orElseThrow());
                expectedRequests += winner == 2 ? 0 : 1;
                expectedTokens += switch (winner) {
                    case 0 -> 120;
                    case 1 -> 30;
                    default -> 0;
                };
                assertEquals(winner == 2 ? "released" : "settled", state(r));
                long[] now = counters(s);
                assertEquals(expectedRequests, now[0], "round " + round);
                assertEquals(expectedTokens, now[1], "round " + round);
                assertEquals(expectedRequests, now[2], "round " + round);
            }
        } finally {
            pool.shutdown();
        }
        // a late attempt changes nothing
        QuotaReservation last = reserve(s, 500);
        ReservationEnd end = quota.settle(last, 100).orElseThrow();
        assertTrue(quota.release(last).isEmpty());
        assertTrue(quota.settle(last, 999).isEmpty());
        book(s, end);
        assertEquals(expectedTokens + 100, counters(s)[1]);
        // and the same end written again (a batch retried after its commit was lost) changes nothing either
        book(s, end);
        assertEquals(expectedTokens + 100, counters(s)[1]);
        assertEquals(expectedRequests + 1, counters(s)[0]);
        assertEquals(61L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from usage_logs where member_id = ?1").setParameter(1, s.memberId())
                .getSingleResult()).longValue()), "one usage row per ended reservation");
    }

    @Test
    void aStoppedReplicasOpenReservationsAreSweptOnceAndStayCountedAsSpent() throws Exception {
        Subject s = subject();
        QuotaReservation orphan = reserve(s, 540);
        QuotaReservation live = reserve(s, 300);
        // The orphan was taken by a replica that stopped heartbeating a minute ago (kill -9);
        // `live` by one that is still alive, on another node.
        UUID dead = UUID.randomUUID();
        UUID alive = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into gateway_replicas (id, started_at, heartbeat_at) values (?1, ?2, ?2)")
                    .setParameter(1, dead).setParameter(2, now.minusMinutes(1)).executeUpdate();
            em.createNativeQuery("insert into gateway_replicas (id, started_at, heartbeat_at) values (?1, ?2, ?2)")
                    .setParameter(1, alive).setParameter(2, now.minusSeconds(2)).executeUpdate();
            em.createNativeQuery("update quota_reservations set replica_id = ?1 where id = ?2")
                    .setParameter(1, dead).setParameter(2, orphan.id()).executeUpdate();
            em.createNativeQuery("update quota_reservations set replica_id = ?1 where id = ?2")
                    .setParameter(1, alive).setParameter(2, live.id()).executeUpdate();
        });
        long[] before = counters(s);
        assertEquals(2, before[0]);
        assertEquals(840, before[1]);

        assertTrue(sweeper.sweep(now) >= 1);
        assertEquals("abandoned", state(orphan));
        assertEquals("reserved", state(live));
        // Never an overspend: what the lost call may have used stays counted, and the log says so.
        assertEquals(before[0], counters(s)[0]);
        assertEquals(before[1], counters(s)[1]);
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select status, prompt_tokens, completion_tokens, total_tokens, channel from usage_logs "
                                + "where member_id = ?1")
                .setParameter(1, s.memberId()).getSingleResult());
        assertEquals("abandoned", row[0]);
        assertEquals(40, ((Number) row[1]).intValue());
        assertEquals(500, ((Number) row[2]).intValue());
        assertEquals(540, ((Number) row[3]).intValue());
        assertEquals("api", row[4]);

        // A second sweep (or one on another replica) finds nothing; the lost replica's late settle is a no-op.
        sweeper.sweep(now);
        book(s, quota.settle(orphan, 10).orElseThrow());
        assertEquals(840, counters(s)[1]);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from usage_logs where member_id = ?1").setParameter(1, s.memberId())
                .getSingleResult()).longValue()));

        // The live replica's call ends normally.
        book(s, quota.settle(live, 200).orElseThrow());
        assertEquals(740, counters(s)[1]);
    }
}

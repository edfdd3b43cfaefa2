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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private static final QuotaService.Limits LIMITS = new QuotaService.Limits(1_000_000, 1000, 100, 0, 0, 0);

    private QuotaReservation reserve(Subject s, long tokens) {
        return quota.reserve(new QuotaService.Claim(s.accessId(), s.settingId(), 40, tokens, 0), LIMITS);
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
                        () -> { start.await(); return quota.settle(r, 120, 0); },   // done
                        () -> { start.await(); return quota.settle(r, 30, 0); },    // client cancelled
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
                assertEquals(winner == 2, outcomes.get(winner).orElseThrow().released());
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
        ReservationEnd end = quota.settle(last, 100, 0).orElseThrow();
        assertTrue(quota.release(last).isEmpty());
        assertTrue(quota.settle(last, 999, 0).isEmpty());
        book(s, end);
        assertEquals(expectedTokens + 100, counters(s)[1]);
        assertEquals(expectedRequests + 1, counters(s)[0]);
        assertEquals(61L, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from usage_logs where member_id = ?1").setParameter(1, s.memberId())
                .getSingleResult()).longValue()), "one usage row per ended reservation");
    }
}

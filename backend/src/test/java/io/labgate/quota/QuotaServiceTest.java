package io.labgate.quota;

import io.labgate.ledger.CallLedger;
import io.labgate.support.Api;
import io.labgate.support.Books;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Quotas are exact under concurrency: these tests fail if a check-then-write race lets a request through. */
@QuarkusTest
class QuotaServiceTest {

    private static final int THREADS = 24;

    @Inject
    QuotaService quota;

    @Inject
    EntityManager em;

    @Inject
    CallLedger ledger;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    record Subject(long accessId, long memberId, long settingId) {
    }

    private QuotaReservation reserve(Subject who, long settingId, long tokens, QuotaService.Limits limits) {
        return quota.reserve(new QuotaService.Claim(who.accessId(), settingId, tokens / 2, tokens, 0), limits);
    }

    private Subject subject(long settingId) {
        Api.TestMember m = Api.newResearcher();
        int planId = Api.asAdmin().get("/api/admin/plans").then().extract().path("find { it.name == 'basic' }.id");
        long accessId = Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId,
                        "ai_settings_id", settingId))
                .post("/api/admin/user-ai-access").then().statusCode(201).extract().jsonPath().getLong("id");
        return new Subject(accessId, m.id(), settingId);
    }

    private long newSetting() {
        return Api.asAdmin().body(Map.of("name", Api.unique("quota"), "provider", "sandbox",
                        "model_name", "sandbox", "max_tokens", 1000, "temperature", 0.5,
                        "hourly_limit", 0, "daily_limit", 0, "monthly_limit", 0))
                .post("/api/admin/ai-settings").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private long[] counters(long accessId) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select requests_today, tokens_used_today, tokens_used_month from user_ai_access where id = ?1")
                .setParameter(1, accessId).getSingleResult());
        return new long[]{((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue()};
    }

    /** Fires all calls at once; returns how many reservations succeeded. */
    private int burst(int calls, Callable<QuotaReservation> call, List<QuotaReservation> taken) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger refused = new AtomicInteger();
        List<Future<QuotaReservation>> futures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    return call.call();
                } catch (QuotaExceededException e) {
                    refused.incrementAndGet();
                    return null;
                }
            }));
        }
        start.countDown();
        int ok = 0;
        for (Future<QuotaReservation> f : futures) {
            QuotaReservation r = f.get();
            if (r != null) {
                ok++;
                taken.add(r);
            }
        }
        pool.shutdown();
        assertEquals(calls, ok + refused.get());
        return ok;
    }

    /** Settles every reservation at {@code tokens} and waits until the ledger has written them. */
    private void settleAll(Subject s, List<QuotaReservation> taken, long tokens) throws InterruptedException {
        for (QuotaReservation r : taken) {
            Books.submit(ledger, s.memberId(), s.settingId(), quota.settle(r, tokens, 0).orElseThrow());
        }
        Books.awaitWritten();
    }

    /** What the counter's leases hold, over all replicas. */
    private long leased(Counter counter, long subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select coalesce(sum(amount), 0) from quota_leases where counter = ?1 and subject_id = ?2")
                .setParameter(1, counter.dbName()).setParameter(2, subject).getSingleResult()).longValue());
    }

    @Test
    void dailyRequestLimitHoldsExactlyUnderABurst() throws Exception {
        Subject s = subject(newSetting());
        var limits = new QuotaService.Limits(0, 7, 0, 0, 0, 0);
        List<QuotaReservation> taken = new ArrayList<>();
        int ok = burst(60, () -> reserve(s, s.settingId(), 10, limits), taken);
        assertEquals(7, ok);
        // Nothing is committed while the calls are in flight; the leases hold them, within the limit.
        assertEquals(0, counters(s.accessId())[0]);
        assertEquals(7, leased(Counter.MEMBER_DAY_REQUESTS, s.accessId()));
        settleAll(s, taken, 10);
        assertEquals(7, counters(s.accessId())[0]);
        assertEquals(70, counters(s.accessId())[2]);
        assertEquals(0, leased(Counter.MEMBER_DAY_REQUESTS, s.accessId()), "the used lease became the count");
        assertThrows(QuotaExceededException.class, () -> reserve(s, s.settingId(), 10, limits));
    }

    @Test
    void monthlyTokenLimitHoldsExactlyAndNamesTheLimit() throws Exception {
        Subject s = subject(newSetting());
        var limits = new QuotaService.Limits(1000, 0, 0, 0, 0, 0);
        List<QuotaReservation> taken = new ArrayList<>();
        int ok = burst(40, () -> reserve(s, s.settingId(), 300, limits), taken);
        assertEquals(3, ok);
        QuotaExceededException e = assertThrows(QuotaExceededException.class,
                () -> reserve(s, s.settingId(), 300, limits));
        assertEquals("monthly_token_limit", e.limit());
        assertTrue(e.getMessage().contains("100 are left"), e.getMessage());
        assertEquals(Map.of("limit", 1000L, "needed", 300L, "left", 100L), Map.of("limit", e.params().get("limit"),
                "needed", e.params().get("needed"), "left", e.params().get("left")), "the SPA's words need these");
        assertTrue(e.retryAfterSeconds() > 0);
        // a smaller request still fits
        taken.add(reserve(s, s.settingId(), 100, limits));
        settleAll(s, taken.subList(0, 3), 300);
        settleAll(s, taken.subList(3, 4), 100);
        assertEquals(1000, counters(s.accessId())[2]);
    }

    @Test
    void aSettingsHourlyLimitIsSharedByAllItsMembers() throws Exception {
        long setting = newSetting();
        Subject a = subject(setting);
        Subject b = subject(setting);
        var limits = new QuotaService.Limits(0, 0, 5, 0, 0, 0);
        AtomicInteger turn = new AtomicInteger();
        List<QuotaReservation> taken = new ArrayList<>();
        int ok = burst(30, () -> {
            Subject who = turn.getAndIncrement() % 2 == 0 ? a : b;
            return reserve(who, who.settingId(), 1, limits);
        }, taken);
        assertEquals(5, ok);
        QuotaExceededException e = assertThrows(QuotaExceededException.class,
                () -> reserve(a, setting, 1, limits));
        assertEquals("setting_hour_limit", e.limit());
        for (QuotaReservation r : taken) {
            Subject who = r.accessId() == a.accessId() ? a : b;
            Books.book(ledger, who.memberId(), setting, quota.settle(r, 1, 0).orElseThrow());
        }
        // refusals counted nothing: only the five served calls are on the members' counters
        assertEquals(5, counters(a.accessId())[0] + counters(b.accessId())[0]);
    }

    @Test
    void atSteadyStateReservationsDoNotAskTheDatabase() throws Exception {
        Subject s = subject(newSetting());
        var limits = new QuotaService.Limits(100_000_000, 100_000, 100_000, 0, 0, 0);
        io.micrometer.core.instrument.Counter grants = registry.counter("labgate.quota.lease.grants");
        List<QuotaReservation> warmUp = new ArrayList<>();
        burst(50, () -> reserve(s, s.settingId(), 100, limits), warmUp);
        settleAll(s, warmUp, 80);
        double before = grants.count();
        List<QuotaReservation> taken = new ArrayList<>();
        burst(400, () -> reserve(s, s.settingId(), 100, limits), taken);
        double renewals = grants.count() - before;
        // Three counters (requests today, tokens this month, the setting's hour): a handful of renewals for
        // 400 calls, not one round trip per call.
        assertTrue(renewals <= 30, "lease renewals for 400 calls: " + renewals);
        settleAll(s, taken, 80);
        assertEquals(450, counters(s.accessId())[0]);
        assertEquals(450 * 80, counters(s.accessId())[2]);
    }

    @Test
    void answersThatUsedMoreThanTheyReservedAreCountedAndTheRestOfTheLimitStillServes() throws Exception {
        Subject s = subject(newSetting());
        var limits = new QuotaService.Limits(1000, 0, 0, 0, 0, 0);
        List<QuotaReservation> first = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            first.add(reserve(s, s.settingId(), 50, limits));
        }
        settleAll(s, first, 100); // the provider billed 800, twice what was reserved
        assertEquals(800, counters(s.accessId())[2]);
        List<QuotaReservation> more = new ArrayList<>();
        int ok = burst(3, () -> reserve(s, s.settingId(), 50, limits), more);
        assertEquals(3, ok, "150 of the 200 left");
        settleAll(s, more, 50);
        assertEquals(950, counters(s.accessId())[2]);
        assertThrows(QuotaExceededException.class, () -> reserve(s, s.settingId(), 60, limits));
        settleAll(s, List.of(reserve(s, s.settingId(), 50, limits)), 50);
        assertEquals(1000, counters(s.accessId())[2]);
    }

    @Test
    void settleReplacesTheEstimateAndReleaseGivesEverythingBack() throws Exception {
        Subject s = subject(newSetting());
        var limits = new QuotaService.Limits(10_000, 10, 3, 0, 0, 0);
        assertEquals(0, counters(s.accessId())[0]);
        QuotaReservation first = reserve(s, s.settingId(), 500, limits);
        Books.book(ledger, s.memberId(), s.settingId(), quota.settle(first, 120, 0).orElseThrow());
        assertEquals(1, counters(s.accessId())[0]);
        assertEquals(120, counters(s.accessId())[2]);

        QuotaReservation second = reserve(s, s.settingId(), 500, limits);
        Books.book(ledger, s.memberId(), s.settingId(), quota.release(second).orElseThrow());
        assertEquals(1, counters(s.accessId())[0]);
        assertEquals(120, counters(s.accessId())[2]);

        // the released request no longer counts against the setting's hourly limit of 3
        reserve(s, s.settingId(), 1, limits);
        reserve(s, s.settingId(), 1, limits);
        assertThrows(QuotaExceededException.class, () -> reserve(s, s.settingId(), 1, limits));
    }
}

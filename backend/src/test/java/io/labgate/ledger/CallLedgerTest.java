package io.labgate.ledger;

import io.labgate.usage.UsageRecord;
import io.agroal.api.AgroalDataSource;
import io.labgate.common.error.RetryableApiException;
import io.labgate.support.LogCapture;
import io.labgate.support.ProxiedDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The usage log writer against the real (embedded) PostgreSQL: rows survive the database going away, rows the
 * database rejects are repaired, admission is bounded, shutdown drains, and the metrics are published.
 * Writers of their own reach the database through a {@link io.labgate.support.TcpProxy} that a test cuts.
 */
@QuarkusTest
class CallLedgerTest {

    /** The test profile's labgate.time-zone, whose hours and days the roll-ups count in. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    @Inject
    CallLedger usageLog;

    @Inject
    AgroalDataSource db;

    @Inject
    MeterRegistry registry;

    @Test
    void noRowIsLostOrDoubledWhileTheDatabaseIsUnreachableForFiveSecondsUnderLoad() throws Exception {
        String marker = marker("outage");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (ProxiedDatabase database = new ProxiedDatabase(4)) {
            CallLedger writer = new CallLedger(database.dataSource(), 100_000, 1000, Duration.ofMillis(250),
                    Duration.ofSeconds(25), CallLedger.FIRST_BACKOFF, CallLedger.MAX_BACKOFF, Duration.ZERO, meters, ZONE);
            writer.start();
            AtomicLong sequence = new AtomicLong();
            AtomicLong submitted = new AtomicLong();
            long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            ExecutorService submitters = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                running.add(submitters.submit(() -> {
                    while (System.nanoTime() < end) {
                        writer.ensureAccepting(); // as the gateway does; capacity is not reached here
                        writer.submit(CallEntry.withoutReservation(row(marker, sequence.incrementAndGet())));
                        submitted.incrementAndGet();
                        Thread.sleep(1);
                    }
                    return null;
                }));
            }

            Thread.sleep(1500);
            long writtenBeforeCut = writer.written();
            database.proxy().cut();
            Thread.sleep(5000);
            int backlogDuringCut = writer.depth();
            long writtenDuringCut = writer.written() - writtenBeforeCut;
            database.proxy().restore();
            for (Future<?> f : running) {
                f.get();
            }
            submitters.shutdown();

            assertTrue(writer.awaitIdle(60_000), "writer caught up");
            long expected = submitted.get();
            assertTrue(writtenBeforeCut > 0, "rows were written before the cut");
            assertTrue(backlogDuringCut > 1000, "rows piled up while the database was away: " + backlogDuringCut);
            // At most the batch in flight when the cut came can have made it.
            assertTrue(writtenDuringCut <= 1000, "little was written while cut: " + writtenDuringCut);
            assertTrue(database.proxy().refused() > 0, "the writer tried to reconnect while cut");
            assertTrue(meters.get("labgate.usage_log.flush.failures").counter().count() > 0, "failures counted");
            assertEquals(expected, count("SELECT count(*) FROM usage_logs WHERE user_agent = ?", marker),
                    "every submitted row is in usage_logs exactly once");
            assertEquals(expected, count("SELECT count(DISTINCT prompt) FROM usage_logs WHERE user_agent = ?",
                    marker), "no row written twice");
            assertEquals(expected, writer.written());
            assertEquals(0, writer.dropped());
            assertEquals(0.0, meters.get("labgate.usage_log.rows.dropped").counter().count());
            assertEquals(expected, (long) meters.get("labgate.usage_log.rows.written").counter().count());
            assertEquals(0.0, meters.get("labgate.usage_log.queue.depth").gauge().value());
            assertEquals(0, writer.drain());
        }
    }

    @Test
    void aRowWithNulBytesAndOverlongTextIsWrittenCleanedNotDropped() throws Exception {
        String marker = marker("nul");
        String userAgent = marker + "\u0000" + "a".repeat(600);
        usageLog.submit(CallEntry.withoutReservation(new UsageRecord(OffsetDateTime.now(), null, null, null, "sand\u0000box", "model\u0000-x",
                "chat", "api", "error", false, "pro\u0000mpt", "resp\u0000onse", 10, 5, 0, 0,
                new BigDecimal("0.1234567"), 12, 3, "bro\u0000ken" + "e".repeat(600), "127.0.0.1", userAgent)));
        assertTrue(usageLog.awaitIdle(10_000));

        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT provider, model, prompt, response, error, user_agent, "
                     + "cost FROM usage_logs WHERE user_agent LIKE ?")) {
            s.setString(1, marker + "%");
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "the row was written");
                assertEquals("sandbox", rs.getString("provider"));
                assertEquals("model-x", rs.getString("model"));
                assertEquals("prompt", rs.getString("prompt"));
                assertEquals("response", rs.getString("response"));
                assertEquals(500, rs.getString("error").length());
                assertTrue(rs.getString("error").startsWith("broken"));
                assertEquals(500, rs.getString("user_agent").length());
                assertEquals(marker + "a".repeat(500 - marker.length()), rs.getString("user_agent"));
                assertEquals(new BigDecimal("0.123457"), rs.getBigDecimal("cost"));
                assertFalse(rs.next());
            }
        }
        assertNothingDropped();
    }

    @Test
    void aRowForASettingThatNoLongerExistsIsWrittenWithoutItAndItsBatchIsKeptAndAGoneMembersIdIsKept() throws Exception {
        String marker = marker("fk");
        long missing = 9_000_000_000L + (System.nanoTime() % 1_000_000);
        for (int i = 0; i < 5; i++) {
            usageLog.submit(CallEntry.withoutReservation(row(marker, i)));
        }
        usageLog.submit(CallEntry.withoutReservation(withIds(row(marker, 100), missing, null)));
        usageLog.submit(CallEntry.withoutReservation(withIds(row(marker, 101), missing + 1, missing + 2)));
        for (int i = 5; i < 10; i++) {
            usageLog.submit(CallEntry.withoutReservation(row(marker, i)));
        }
        assertTrue(usageLog.awaitIdle(10_000));

        assertEquals(12, count("SELECT count(*) FROM usage_logs WHERE user_agent = ?", marker));
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT prompt, member_id, ai_settings_id FROM usage_logs "
                     + "WHERE user_agent = ? AND prompt IN ('prompt 100', 'prompt 101') ORDER BY prompt")) {
            s.setString(1, marker);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                // A deleted member's calls keep their id: billing keeps them on the member's statement (V13).
                assertEquals("prompt 100", rs.getString(1));
                assertEquals(missing, rs.getLong(2));
                assertNull(rs.getObject(3));
                assertTrue(rs.next());
                assertEquals("prompt 101", rs.getString(1));
                assertEquals(missing + 1, rs.getLong(2));
                assertNull(rs.getObject(3));
            }
        }
        assertNothingDropped();
    }

    @Test
    void admissionStopsAtCapacityWhileTheDatabaseIsAwayAndNoAcceptedRowIsLost() throws Exception {
        String marker = marker("backlog");
        try (ProxiedDatabase database = new ProxiedDatabase(2)) {
            CallLedger writer = new CallLedger(database.dataSource(), 5, 2, Duration.ofMillis(20),
                    Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(200), Duration.ZERO, new SimpleMeterRegistry(),
                    ZONE);
            writer.start();
            database.proxy().cut();
            for (int i = 0; i < 5; i++) {
                assertTrue(writer.accepting());
                writer.ensureAccepting();
                writer.submit(CallEntry.withoutReservation(row(marker, i)));
            }
            Thread.sleep(300); // the writer has tried and failed by now
            assertFalse(writer.accepting());
            RetryableApiException refused = assertThrows(RetryableApiException.class, writer::ensureAccepting);
            assertEquals(503, refused.status());
            assertEquals("usage_log_backlog", refused.code());
            assertEquals(2, refused.retryAfterSeconds());
            assertFalse(refused.getMessage().isBlank());
            // A call taken on before the refusal still has its row kept, beyond capacity.
            writer.submit(CallEntry.withoutReservation(row(marker, 5)));
            assertEquals(6, writer.depth());

            // With a wait for room, a call that arrives while the queue is full gets in once the writer catches up.
            CallLedger patient = new CallLedger(database.dataSource(), 5, 2, Duration.ofMillis(20),
                    Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(10),
                    new SimpleMeterRegistry(), ZONE);
            for (int i = 0; i < 5; i++) {
                patient.submit(CallEntry.withoutReservation(row(marker, 10 + i)));
            }
            java.util.concurrent.CompletableFuture<Long> admitted = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                patient.ensureAccepting();
                return (System.nanoTime() - start) / 1_000_000;
            });
            Thread.sleep(300);
            assertFalse(admitted.isDone(), "waits while the queue is full");
            patient.start();
            database.proxy().restore();
            assertTrue(admitted.get(15, java.util.concurrent.TimeUnit.SECONDS) >= 300, "let in once there was room");
            assertTrue(patient.awaitIdle(15_000));
            assertEquals(0, patient.drain());
            assertTrue(writer.awaitIdle(15_000));
            assertTrue(writer.accepting());
            writer.ensureAccepting();
            assertEquals(11, count("SELECT count(*) FROM usage_logs WHERE user_agent = ?", marker));
            assertEquals(0, writer.dropped());
            assertEquals(0, writer.drain());
        }
    }

    @Test
    void shutdownKeepsWritingUntilTheQueueIsEmpty() throws Exception {
        String marker = marker("drain");
        try (ProxiedDatabase database = new ProxiedDatabase(2)) {
            CallLedger writer = new CallLedger(database.dataSource(), 1000, 10, Duration.ofMillis(20),
                    Duration.ofSeconds(20), Duration.ofMillis(20), Duration.ofMillis(200), Duration.ZERO, new SimpleMeterRegistry(),
                    ZONE);
            writer.start();
            database.proxy().cut();
            for (int i = 0; i < 25; i++) {
                writer.submit(CallEntry.withoutReservation(row(marker, i)));
            }
            Thread.ofVirtual().start(() -> {
                sleep(3000);
                database.proxy().restore();
            });
            assertEquals(0, writer.drain(), "nothing left");
            assertEquals(25, count("SELECT count(*) FROM usage_logs WHERE user_agent = ?", marker));
        }
    }

    @Test
    void shutdownGivesUpAtTheDrainTimeoutAndSaysHowManyRowsWereLeft() throws Exception {
        String marker = marker("deadline");
        try (ProxiedDatabase database = new ProxiedDatabase(2); LogCapture logs = new LogCapture()) {
            CallLedger writer = new CallLedger(database.dataSource(), 1000, 10, Duration.ofMillis(20),
                    Duration.ofSeconds(1), Duration.ofMillis(20), Duration.ofMillis(200), Duration.ZERO, new SimpleMeterRegistry(),
                    ZONE);
            writer.start();
            database.proxy().cut();
            for (int i = 0; i < 25; i++) {
                writer.submit(CallEntry.withoutReservation(row(marker, i)));
            }
            long start = System.nanoTime();
            assertEquals(25, writer.drain());
            long tookMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(tookMillis >= 900 && tookMillis < 5000, "drain took " + tookMillis + " ms");
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("were not written before shutdown")
                    && l.contains("25")), "the number left is logged");
            assertEquals(0, count("SELECT count(*) FROM usage_logs WHERE user_agent = ?", marker));
        }
    }

    @Test
    void aLostAnswerToCommitNeitherDoublesNorLosesTheBatch() throws Exception {
        String committedMarker = marker("commit-lost-after");
        LosingCommits afterCommit = new LosingCommits(true);
        CallLedger writer = new CallLedger(afterCommit.wrap(db), 1000, 100, Duration.ofMillis(20),
                Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(200), Duration.ZERO, new SimpleMeterRegistry(),
                    ZONE);
        writer.start();
        for (int i = 0; i < 3; i++) {
            writer.submit(CallEntry.withoutReservation(row(committedMarker, i)));
        }
        assertTrue(writer.awaitIdle(10_000));
        assertEquals(1, afterCommit.injected.get(), "a commit answer was lost");
        assertEquals(3, count("SELECT count(*) FROM usage_logs WHERE user_agent = ?", committedMarker),
                "the committed batch was not written again");
        assertEquals(0, writer.drain());

        String abortedMarker = marker("commit-lost-before");
        LosingCommits beforeCommit = new LosingCommits(false);
        CallLedger second = new CallLedger(beforeCommit.wrap(db), 1000, 100, Duration.ofMillis(20),
                Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(200), Duration.ZERO, new SimpleMeterRegistry(),
                    ZONE);
        second.start();
        for (int i = 0; i < 3; i++) {
            second.submit(CallEntry.withoutReservation(row(abortedMarker, i)));
        }
        assertTrue(second.awaitIdle(10_000));
        assertEquals(1, beforeCommit.injected.get(), "a commit never reached the server");
        assertEquals(3, count("SELECT count(*) FROM usage_logs WHERE user_agent = ?", abortedMarker),
                "the batch that did not commit was written again");
        assertEquals(0, second.drain());
    }

    @Test
    void theWriterMetricsArePublished() {
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("labgate_usage_log_queue_depth"))
                .body(containsString("labgate_usage_log_flush_seconds_count"))
                .body(containsString("labgate_usage_log_rows_written_total"))
                .body(containsString("labgate_usage_log_rows_dropped_total"))
                .body(containsString("labgate_usage_log_flush_failures_total"));
    }

    private void assertNothingDropped() {
        assertEquals(0, usageLog.dropped());
        assertEquals(0.0, registry.get("labgate.usage_log.rows.dropped").counter().count());
    }

    private long count(String sql, String marker) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, marker);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String marker(String what) {
        return "usage-writer-test-" + what + "-" + UUID.randomUUID();
    }

    private static UsageRecord row(String marker, long sequence) {
        return new UsageRecord(OffsetDateTime.now(), null, null, null, "sandbox", "sandbox-model", "chat", "api", "ok",
                false, "prompt " + sequence, "response " + sequence, 10, 5, 0, 0, new BigDecimal("0.000123"), 12,
                3, null, "127.0.0.1", marker);
    }

    private static UsageRecord withIds(UsageRecord r, Long memberId, Long settingId) {
        return new UsageRecord(r.createdAt(), memberId, settingId, r.planId(), r.provider(), r.model(), r.requestType(),
                r.channel(), r.status(), r.stream(), r.prompt(), r.response(), r.promptTokens(),
                r.completionTokens(), r.cachedTokens(), r.reasoningTokens(), r.cost(), r.latencyMs(), r.ttftMs(),
                r.error(), r.clientIp(), r.userAgent());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Connections whose first COMMIT fails as a lost connection does (SQLState 08006): either after the server
     * committed (only the answer was lost) or without it (the COMMIT never arrived; rolled back).
     */
    private static final class LosingCommits {
        final boolean commitFirst;
        final AtomicInteger injected = new AtomicInteger();

        LosingCommits(boolean commitFirst) {
            this.commitFirst = commitFirst;
        }

        DataSource wrap(DataSource real) {
            return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        Object result = call(real, method, args);
                        return result instanceof Connection c ? wrap(c) : result;
                    });
        }

        private Connection wrap(Connection real) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("commit") && injected.compareAndSet(0, 1)) {
                            if (commitFirst) {
                                real.commit();
                            } else {
                                real.rollback();
                            }
                            throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                        }
                        return call(real, method, args);
                    });
        }

        private static Object call(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}

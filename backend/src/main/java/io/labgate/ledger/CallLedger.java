package io.labgate.ledger;

import io.labgate.common.threads.WouldBlock;
import io.agroal.api.AgroalDataSource;
import io.labgate.analytics.UsageRollups;
import io.labgate.common.config.LabgateConfig;
import io.labgate.common.error.RetryableApiException;
import io.labgate.promptlog.PromptLogRow;
import io.labgate.quota.PendingUsage;
import io.labgate.quota.ReservationBook;
import io.labgate.usage.UsageRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The one writer of the books, off the response path: each ended call's usage row (what billing sums), its
 * reservation's end (the counters, {@link ReservationBook}) and its prompt-log entry are written together, one
 * transaction per batch, when {@code batch-size} calls wait or every {@code flush-interval}, whichever comes
 * first — so counters and logs never disagree.
 *
 * <p>No row is given up on because the database is unwell. A batch that fails for a transient reason
 * (connection lost, pool exhausted, server restarting, serialization failure — anything but a data error) is
 * retried with exponential backoff, keeping its rows and their order, for as long as it takes. A batch the
 * database rejects for a row's content is written row by row, and a rejected row is repaired (NULs stripped,
 * text cut to its column, a vanished member or setting set to null, ...) and written again; only a row that
 * still fails then is dropped, counted in {@code labgate.usage_log.rows.dropped} and logged without its text.
 *
 * <p>A lost answer to COMMIT does not write a batch twice: each transaction notes its id, and after such a
 * failure the writer asks the server whether that transaction committed before trying again.
 *
 * <p>{@link #submit} never drops a row and never writes on the caller's thread; admission is bounded instead:
 * the gateway calls {@link #ensureAccepting()} before it takes on a call, which refuses (503, Retry-After)
 * while {@code queue-capacity} rows are waiting. On shutdown the queue is drained, with retries, for up to
 * {@code drain-timeout}.
 */
@ApplicationScoped
public class CallLedger implements PendingUsage {

    private static final Logger LOG = Logger.getLogger(CallLedger.class);
    private static final String INSERT = """
            INSERT INTO usage_logs (created_at, member_id, ai_settings_id, plan_id, provider, model, request_type,
                channel, status, stream, prompt, response, prompt_tokens, completion_tokens, cached_tokens,
                reasoning_tokens, total_tokens, cost, latency_ms, ttft_ms, error, client_ip, user_agent, rolled_up)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)
            """;
    /**
     * Notes the transaction's id (to learn, after a lost answer to COMMIT, whether it committed) and lets the
     * server end the transaction itself if this client vanishes in the middle of it, so that question is
     * always answered within seconds.
     */
    private static final String BEGIN = "SELECT txid_current(), set_config('idle_in_transaction_session_timeout', "
            + "'10000', true)";
    private static final String TRANSACTION_STATUS = "SELECT txid_status(?)";

    /** Column sizes of {@code usage_logs} (V2__gateway.sql). */
    static final int PROVIDER_CHARS = 30;
    static final int MODEL_CHARS = 200;
    static final int REQUEST_TYPE_CHARS = 20;
    static final int CHANNEL_CHARS = 10;
    static final int STATUS_CHARS = 20;
    static final int ERROR_CHARS = 500;
    static final int CLIENT_IP_CHARS = 64;
    static final int USER_AGENT_CHARS = 500;
    private static final Set<String> STATUSES = Set.of("ok", "error", "refused", "cancelled", "incomplete", "abandoned");
    /** NUMERIC(14, 6) holds less than 10^8. */
    private static final BigDecimal MAX_COST = new BigDecimal("99999999.999999");

    static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** Longest wait for the database's answer on the writer's connection before it counts as lost. */
    private static final int NETWORK_TIMEOUT_MILLIS = 30_000;
    private static final long RETRY_AFTER_SECONDS = 2;
    private static final int MAX_REPAIRS = 3;
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final DataSource dataSource;
    private final ZoneId zone;
    private final int queueCapacity;
    private final int batchSize;
    private final long flushIntervalNanos;
    private final Duration drainTimeout;
    private final long admissionWaitNanos;
    private final long firstBackoffMillis;
    private final long maxBackoffMillis;

    private final Queue<CallEntry> queue = new ConcurrentLinkedQueue<>();
    /** Entries not yet in the books, per member: a member reading their own usage waits for their own calls. */
    private final Map<Long, AtomicInteger> pendingByMember = new ConcurrentHashMap<>();
    /** Rows in {@link #queue}. */
    private final AtomicInteger queued = new AtomicInteger();
    /** Rows submitted and not yet written or dropped: the queue plus the batch being written. */
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    private final Counter writtenCounter;
    private final Counter droppedCounter;
    private final Counter failureCounter;
    private final Timer flushTimer;

    /** Null for a writer of its own (tests): nobody is told. */
    private Event<BooksWritten> booksWritten;
    private volatile Thread worker;
    private volatile boolean draining;
    private volatile long drainDeadlineNanos;
    /** Rows the writer stopped on when the drain deadline passed. */
    private volatile int abandoned;

    @Inject
    CallLedger(AgroalDataSource dataSource, LabgateConfig config, MeterRegistry registry, Event<BooksWritten> written) {
        this(dataSource, config.usage().queueCapacity(), config.usage().batchSize(), config.usage().flushInterval(),
                config.usage().drainTimeout(), FIRST_BACKOFF, MAX_BACKOFF, config.usage().admissionWait(), registry,
                ZoneId.of(config.timeZone()));
        this.booksWritten = written;
    }

    /**
     * For a writer of its own (tests): any data source, own sizes and timings, own meter registry; {@code zone} is
     * the platform's, whose hours and days the roll-ups count in.
     */
    CallLedger(DataSource dataSource, int queueCapacity, int batchSize, Duration flushInterval,
                   Duration drainTimeout, Duration firstBackoff, Duration maxBackoff, Duration admissionWait,
                   MeterRegistry registry, ZoneId zone) {
        if (queueCapacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("queue-capacity and batch-size must be positive");
        }
        this.dataSource = dataSource;
        this.zone = zone;
        this.queueCapacity = queueCapacity;
        this.batchSize = batchSize;
        this.flushIntervalNanos = Math.max(1, flushInterval.toNanos());
        this.drainTimeout = drainTimeout;
        this.admissionWaitNanos = admissionWait.toNanos();
        this.firstBackoffMillis = Math.max(1, firstBackoff.toMillis());
        this.maxBackoffMillis = Math.max(firstBackoffMillis, maxBackoff.toMillis());
        Gauge.builder("labgate.usage_log.queue.depth", pending, AtomicInteger::get)
                .description("Usage log rows accepted and not yet written").register(registry);
        flushTimer = Timer.builder("labgate.usage_log.flush")
                .description("Time to write one batch of usage log rows, retries included").register(registry);
        writtenCounter = Counter.builder("labgate.usage_log.rows.written")
                .description("Usage log rows written").register(registry);
        droppedCounter = Counter.builder("labgate.usage_log.rows.dropped")
                .description("Usage log rows the database rejected even after repair (should stay 0)")
                .register(registry);
        failureCounter = Counter.builder("labgate.usage_log.flush.failures")
                .description("Failed attempts to write usage log rows (each is retried)").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        drain();
    }

    /** Starts the writer thread. */
    synchronized void start() {
        if (worker == null) {
            worker = Thread.ofPlatform().name("usage-log-writer").daemon(true).start(this::run);
        }
    }

    /**
     * Shuts the writer down: it writes what is queued (retrying failures) until the queue is empty or the
     * drain timeout passes. Returns how many rows were left unwritten (logged at ERROR when any).
     */
    synchronized int drain() {
        Thread thread = worker;
        if (thread == null) {
            return pending.get();
        }
        drainDeadlineNanos = System.nanoTime() + drainTimeout.toNanos();
        draining = true;
        LockSupport.unpark(thread);
        try {
            // A little beyond the deadline: a write that began just before it may still finish.
            thread.join(drainTimeout.plusSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = thread.isAlive() ? pending.get() : abandoned + queued.get();
        if (left > 0) {
            LOG.errorf("Usage log: %d rows were not written before shutdown (drain timeout %s); the database "
                    + "could not be reached", left, drainTimeout);
        } else {
            LOG.debugf("Usage log drained: %d rows written in all", written.get());
        }
        return left;
    }

    /**
     * Queues one call's row; never blocks, never drops, never writes on the caller's thread. Callers check
     * {@link #ensureAccepting()} before taking on the call whose row this is.
     */
    public void submit(CallEntry entry) {
        Objects.requireNonNull(entry, "entry");
        submitted.incrementAndGet();
        pending.incrementAndGet();
        Long member = entry.usage().memberId();
        if (member != null) {
            pendingByMember.computeIfAbsent(member, k -> new AtomicInteger()).incrementAndGet();
        }
        queue.add(entry);
        if (queued.incrementAndGet() >= batchSize) {
            Thread thread = worker;
            if (thread != null) {
                LockSupport.unpark(thread);
            }
        }
    }

    /** Whether new calls may be taken on: fewer than {@code queue-capacity} rows are waiting to be written. */
    public boolean accepting() {
        return pending.get() < queueCapacity;
    }

    /**
     * Lets a new call in once fewer than {@code queue-capacity} rows wait, waiting up to {@code admission-wait} for
     * the writer to make room; refuses it (503, Retry-After) if there is still none. A short wait turns a burst into
     * latency instead of refusals, and keeps clients that retry at once from spinning on cheap 503s while the
     * writer needs the CPU to catch up.
     */
    public void ensureAccepting() {
        if (accepting()) {
            return;
        }
        WouldBlock.ifOnEventLoop();
        long deadline = System.nanoTime() + admissionWaitNanos;
        while (System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            if (accepting()) {
                return;
            }
        }
        throw new RetryableApiException(503, "usage_log_backlog",
                "The service is busy recording usage; try again in a moment", RETRY_AFTER_SECONDS);
    }

    /** Rows written so far. */
    public long written() {
        return written.get();
    }

    /** Rows the database rejected even after repair (should stay 0). */
    public long dropped() {
        return dropped.get();
    }

    /** Rows accepted and not yet written (the queue, and the batch being written). */
    @Override
    public int unwritten() {
        return depth();
    }

    /** Rows accepted and not yet written (the queue, and the batch being written). */
    public int depth() {
        return pending.get();
    }

    /**
     * Blocks until every row submitted before this call has been written or definitively dropped, or until
     * the timeout passes; returns whether it got there.
     */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long target = submitted.get();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (settled.get() < target) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------
    // The writer thread

    private void run() {
        List<CallEntry> batch = new ArrayList<>(batchSize);
        long nextFlush = System.nanoTime() + flushIntervalNanos;
        try {
            while (true) {
                if (draining) {
                    if (queued.get() == 0) {
                        return;
                    }
                } else {
                    long wait = nextFlush - System.nanoTime();
                    if (wait > 0 && queued.get() < batchSize) {
                        LockSupport.parkNanos(this, wait);
                        continue;
                    }
                }
                nextFlush = System.nanoTime() + flushIntervalNanos;
                for (CallEntry entry; batch.size() < batchSize && (entry = queue.poll()) != null; ) {
                    queued.decrementAndGet();
                    batch.add(entry);
                }
                while (!batch.isEmpty()) {
                    try {
                        flush(batch);
                        batch.clear();
                    } catch (DrainDeadlinePassed e) {
                        throw e;
                    } catch (Throwable e) {
                        // Not expected (flush handles every failure), but a dead writer would lose everything.
                        LOG.error("Usage log writer failed unexpectedly; retrying the batch", e);
                        new Backoff().sleep(maxBackoffMillis, batch.size());
                    }
                }
            }
        } catch (DrainDeadlinePassed e) {
            abandoned = e.unwritten;
        }
    }

    /** Writes one batch in one transaction, retrying until it is written (or, row by row, repaired). */
    private void flush(List<CallEntry> batch) {
        long start = System.nanoTime();
        Backoff backoff = new Backoff();
        try {
            while (true) {
                try {
                    insert(batch, backoff, batch.size());
                    settleWritten(batch);
                    backoff.succeeded(batch.size());
                    return;
                } catch (SQLException e) {
                    if (isDataError(e)) {
                        LOG.debugf("Usage log batch of %d rejected (%s); writing it row by row", batch.size(),
                                describe(e));
                        writeRowByRow(batch);
                        return;
                    }
                    backoff.failed(e, batch.size());
                } catch (DrainDeadlinePassed e) {
                    throw e;
                } catch (RuntimeException e) {
                    backoff.failed(unexpected(e), batch.size());
                }
            }
        } finally {
            flushTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private void writeRowByRow(List<CallEntry> batch) {
        Backoff backoff = new Backoff();
        for (int i = 0; i < batch.size(); i++) {
            CallEntry row = batch.get(i);
            int repairs = 0;
            while (true) {
                int unwritten = batch.size() - i;
                try {
                    insert(List.of(row), backoff, unwritten);
                    settleWritten(List.of(batch.get(i))); // as submitted: a repair may have cleared its member
                    backoff.succeeded(1);
                    break;
                } catch (SQLException e) {
                    if (!isDataError(e)) {
                        backoff.failed(e, unwritten);
                        continue;
                    }
                    UsageRecord repairedUsage = repairs < MAX_REPAIRS ? repair(row.usage(), e) : null;
                    CallEntry repaired = repairedUsage == null ? null : row.withUsage(repairedUsage);
                    if ((repaired == null || repaired.equals(row)) && row.prompt() != null) {
                        // The usage row and the counters matter more than the prompt-log copy of the text.
                        repaired = row.withoutPrompt();
                    }
                    if (repaired == null || repaired.equals(row)) {
                        drop(batch.get(i), describe(e));
                        break;
                    }
                    LOG.warnf("Usage log row of member %s at %s was rejected (%s); writing it repaired",
                            row.usage().memberId(), row.usage().createdAt(), describe(e));
                    row = repaired;
                    repairs++;
                } catch (DrainDeadlinePassed e) {
                    throw e;
                } catch (RuntimeException e) {
                    backoff.failed(unexpected(e), unwritten);
                }
            }
        }
    }

    /**
     * Inserts the rows in one transaction. Throws if they were not written; when COMMIT fails other than for
     * the data (its answer may just have been lost), first finds out from the server whether it committed.
     */
    private void insert(List<CallEntry> rows, Backoff backoff, int unwritten) throws SQLException {
        long transactionId;
        SQLException commitFailure;
        Connection connection = dataSource.getConnection();
        try {
            int networkTimeout = limitNetworkTimeout(connection);
            try {
                connection.setAutoCommit(false);
                try {
                    transactionId = begin(connection);
                    write(connection, rows);
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(connection);
                    throw e;
                } catch (AssertionError e) {
                    // PgJDBC asserts while it reports a batch whose connection died under it.
                    rollbackQuietly(connection);
                    throw new SQLException("The JDBC driver failed: " + e.getMessage(), null, e);
                }
                try {
                    connection.commit();
                    return;
                } catch (SQLException e) {
                    if (isDataError(e)) {
                        throw e; // the server refused to commit
                    }
                    commitFailure = e; // perhaps only the answer was lost
                }
            } finally {
                restoreNetworkTimeout(connection, networkTimeout);
            }
        } finally {
            closeQuietly(connection);
        }
        if (!committed(transactionId, backoff, unwritten)) {
            throw commitFailure;
        }
        LOG.infof("Usage log: COMMIT failed (%s) but the server had committed the %d rows",
                describe(commitFailure), rows.size());
    }

    /** Whether the transaction committed, asking the server (again and again if it cannot be reached). */
    private boolean committed(long transactionId, Backoff backoff, int unwritten) {
        while (true) {
            try {
                Connection connection = dataSource.getConnection();
                int networkTimeout = limitNetworkTimeout(connection);
                try {
                    try (PreparedStatement status = connection.prepareStatement(TRANSACTION_STATUS)) {
                        status.setLong(1, transactionId);
                        try (ResultSet rs = status.executeQuery()) {
                            String state = rs.next() ? rs.getString(1) : null;
                            if ("committed".equals(state)) {
                                return true;
                            }
                            if ("aborted".equals(state)) {
                                return false;
                            }
                            if (state == null) {
                                // Only for a transaction too old to be known; cannot happen within minutes.
                                LOG.warnf("Usage log: the outcome of transaction %d is unknown; writing again",
                                        transactionId);
                                return false;
                            }
                            // "in progress": the server has not yet noticed the lost connection; it ends the
                            // transaction itself (idle_in_transaction_session_timeout) if nothing else does.
                        }
                    }
                } finally {
                    restoreNetworkTimeout(connection, networkTimeout);
                    closeQuietly(connection);
                }
                backoff.pause(unwritten);
            } catch (SQLException e) {
                backoff.failed(e, unwritten);
            } catch (DrainDeadlinePassed e) {
                throw e;
            } catch (RuntimeException e) {
                backoff.failed(unexpected(e), unwritten);
            }
        }
    }

    /**
     * The batch's statements, in the transaction: the rows first, then their sums in the analytics roll-ups, the
     * counters and leases last — their row locks are then held only for the moment before COMMIT, not while the
     * rows are written, so a lease grant on the same counter (which locks its row) waits milliseconds, not a whole
     * flush.
     */
    private void write(Connection connection, List<CallEntry> rows) throws SQLException {
        List<PromptLogRow> prompts = new ArrayList<>();
        List<UsageRecord> written = new ArrayList<>(rows.size());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (CallEntry row : rows) {
                UsageRecord usage = asWritten(row.usage());
                bind(insert, usage);
                insert.addBatch();
                written.add(usage);
                if (row.prompt() != null) {
                    prompts.add(row.prompt());
                }
            }
            insert.executeBatch();
        }
        PromptLogRow.insertAll(connection, prompts);
        UsageRollups.add(connection, written, zone);
        ReservationBook.apply(connection, rows.stream().map(CallEntry::end).toList());
    }

    private static long begin(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(BEGIN)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void settleWritten(List<CallEntry> entries) {
        written.addAndGet(entries.size());
        writtenCounter.increment(entries.size());
        settle(entries);
        if (booksWritten != null) {
            Set<Long> members = new HashSet<>();
            Set<Long> settings = new HashSet<>();
            for (CallEntry entry : entries) {
                if (entry.usage().memberId() != null) {
                    members.add(entry.usage().memberId());
                }
                if (entry.usage().settingId() != null) {
                    settings.add(entry.usage().settingId());
                }
            }
            booksWritten.fireAsync(new BooksWritten(Set.copyOf(members), Set.copyOf(settings)));
        }
    }

    private void settle(List<CallEntry> entries) {
        for (CallEntry entry : entries) {
            Long member = entry.usage().memberId();
            AtomicInteger mine = member == null ? null : pendingByMember.get(member);
            if (mine != null && mine.decrementAndGet() <= 0) {
                pendingByMember.remove(member, mine);
            }
        }
        pending.addAndGet(-entries.size());
        settled.addAndGet(entries.size());
    }

    /**
     * Waits (at most {@code max}) until the member's calls ended so far are in the books, so a member who reads
     * their usage right after an answer sees it counted; returns whether they are.
     */
    @Override
    public boolean awaitMember(long memberId, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            AtomicInteger mine = pendingByMember.get(memberId);
            if (mine == null || mine.get() <= 0) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    private void drop(CallEntry entry, String reason) {
        UsageRecord row = entry.usage();
        dropped.incrementAndGet();
        droppedCounter.increment();
        settle(List.of(entry));
        // Never the prompt, response or error text.
        LOG.errorf("Usage log row DROPPED after repair: created %s, member %s, setting %s, %s/%s, %s, status %s, "
                        + "tokens %d+%d, cost %s: %s", row.createdAt(), row.memberId(), row.settingId(),
                row.provider(), row.model(), row.requestType(), row.status(), row.promptTokens(),
                row.completionTokens(), row.cost(), reason);
    }

    /** Thrown when the drain deadline passes while a write is still failing. */
    private static final class DrainDeadlinePassed extends RuntimeException {
        final int unwritten;

        DrainDeadlinePassed(int unwritten) {
            super(null, null, false, false);
            this.unwritten = unwritten;
        }
    }

    /** Exponential backoff between attempts at one batch, with logs that do not flood during an outage. */
    private final class Backoff {
        private long delayMillis = firstBackoffMillis;
        private int failures;
        private long firstFailureNanos;
        private long lastLogNanos;

        void failed(SQLException e, int unwritten) {
            failureCounter.increment();
            evictBrokenConnections();
            long now = System.nanoTime();
            if (failures++ == 0) {
                firstFailureNanos = now;
                lastLogNanos = now;
                LOG.warnf("Usage log: could not write %d rows (%s); keeping them and retrying", unwritten,
                        describe(e));
            } else if (now - lastLogNanos >= LOG_EVERY_NANOS) {
                lastLogNanos = now;
                LOG.warnf("Usage log: still cannot write (%s) after %d attempts over %d s; %d rows waiting",
                        describe(e), failures, TimeUnit.NANOSECONDS.toSeconds(now - firstFailureNanos),
                        pending.get());
            } else {
                LOG.debugf("Usage log write attempt %d failed: %s", failures, describe(e));
            }
            pause(unwritten);
        }

        void pause(int unwritten) {
            long sleep = delayMillis;
            delayMillis = Math.min(delayMillis * 2, maxBackoffMillis);
            sleep(sleep, unwritten);
        }

        void sleep(long sleep, int unwritten) {
            if (draining) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(drainDeadlineNanos - System.nanoTime());
                if (remaining <= 0) {
                    throw new DrainDeadlinePassed(unwritten);
                }
                sleep = Math.min(sleep, remaining);
            }
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(sleep);
            for (long left; (left = until - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(this, left); // submit() may unpark; sleep out the rest
            }
        }

        void succeeded(int rows) {
            if (failures > 0) {
                LOG.infof("Usage log: writing again after %d failed attempts over %d ms (%d rows)", failures,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstFailureNanos), rows);
                failures = 0;
                delayMillis = firstBackoffMillis;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Errors

    /** A failure that is not the database's (e.g. the pool's): retried like a transient one. */
    private static SQLException unexpected(RuntimeException e) {
        return new SQLException("Unexpected failure: " + e, null, e);
    }

    /** A data or integrity error (SQLState classes 22 and 23): about a row, not about the database. */
    static boolean isDataError(SQLException e) {
        for (Throwable t : chain(e)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private static List<Throwable> chain(SQLException e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && chain.size() < 10 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        SQLException next = e.getNextException();
        for (int i = 0; next != null && i < 10 && !chain.contains(next); i++, next = next.getNextException()) {
            chain.add(next);
        }
        return chain;
    }

    private static String sqlState(SQLException e, String prefix) {
        for (Throwable t : chain(e)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(prefix)) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * SQLState and the first line of the message: PostgreSQL's detail lines ("Failing row contains ...") can
     * hold the row's text, which must not reach the logs.
     */
    static String describe(SQLException e) {
        SQLException cause = e;
        for (Throwable t : chain(e)) {
            // A batch's own message quotes the statement with its parameters; the next exception does not.
            if (t instanceof SQLException sql && !(sql instanceof BatchUpdateException)
                    && sql.getSQLState() != null) {
                cause = sql;
                break;
            }
        }
        if (cause instanceof BatchUpdateException) {
            return "SQLState " + cause.getSQLState() + ": batch rejected";
        }
        String message = String.valueOf(cause.getMessage());
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        int detail = message.indexOf("Detail:");
        if (detail >= 0) {
            message = message.substring(0, detail);
        }
        return "SQLState " + cause.getSQLState() + ": " + truncate(message.strip(), 300);
    }

    // ------------------------------------------------------------------------------------------------
    // Rows

    /**
     * The row the database may take after it rejected this one, or null when nothing more can be done.
     * Text is already cleaned on every bind; this handles what cleaning cannot.
     */
    static UsageRecord repair(UsageRecord r, SQLException e) {
        Long settingId = r.settingId();
        if (sqlState(e, "23503") != null) {
            // The setting was deleted in the meantime (its column is ON DELETE SET NULL anyway). Member ids have no
            // foreign key since V13: billing keeps a deleted member's calls on their statement.
            settingId = null;
        }
        OffsetDateTime createdAt = r.createdAt() != null ? r.createdAt() : OffsetDateTime.now();
        String requestType = r.requestType() != null && !r.requestType().isBlank() ? r.requestType() : "unknown";
        String channel = r.channel() != null && !r.channel().isBlank() ? r.channel() : "unknown";
        String status = r.status() != null && STATUSES.contains(r.status()) ? r.status() : "error";
        BigDecimal cost = r.cost() == null ? null : r.cost().max(MAX_COST.negate()).min(MAX_COST);
        return new UsageRecord(createdAt, r.memberId(), settingId, r.planId(), r.provider(), r.model(), requestType,
                channel, status, r.stream(), r.prompt(), r.response(), r.promptTokens(), r.completionTokens(),
                r.cachedTokens(), r.reasoningTokens(), cost, r.latencyMs(), r.ttftMs(), r.error(), r.clientIp(),
                r.userAgent());
    }

    /**
     * A row as it is written: cleaned so that the common rejections never happen (NULs, over-long text, huge counts,
     * more decimals than the column keeps). The roll-ups sum exactly these values. A row that cannot even be
     * cleaned counts as one the database rejected (a data error).
     */
    static UsageRecord asWritten(UsageRecord r) throws SQLException {
        try {
            return new UsageRecord(r.createdAt(), r.memberId(), r.settingId(), r.planId(),
                    text(r.provider(), PROVIDER_CHARS), text(r.model(), MODEL_CHARS),
                    text(r.requestType(), REQUEST_TYPE_CHARS), text(r.channel(), CHANNEL_CHARS),
                    text(r.status(), STATUS_CHARS), r.stream(), text(r.prompt(), Integer.MAX_VALUE),
                    text(r.response(), Integer.MAX_VALUE), tokens(r.promptTokens()), tokens(r.completionTokens()),
                    tokens(r.cachedTokens()), tokens(r.reasoningTokens()),
                    r.cost() == null ? null : r.cost().setScale(6, RoundingMode.HALF_UP), r.latencyMs(), r.ttftMs(),
                    text(r.error(), ERROR_CHARS), text(r.clientIp(), CLIENT_IP_CHARS),
                    text(r.userAgent(), USER_AGENT_CHARS));
        } catch (RuntimeException e) {
            throw new SQLException("The row could not be bound: " + e, "22000", e);
        }
    }

    /** Binds a row as written ({@link #asWritten}). */
    private static void bind(PreparedStatement s, UsageRecord r) throws SQLException {
        int i = 1;
        s.setObject(i++, r.createdAt());
        setLong(s, i++, r.memberId());
        setLong(s, i++, r.settingId());
        setLong(s, i++, r.planId());
        s.setString(i++, r.provider());
        s.setString(i++, r.model());
        s.setString(i++, r.requestType());
        s.setString(i++, r.channel());
        s.setString(i++, r.status());
        s.setBoolean(i++, r.stream());
        s.setString(i++, r.prompt());
        s.setString(i++, r.response());
        s.setInt(i++, tokens(r.promptTokens()));
        s.setInt(i++, tokens(r.completionTokens()));
        s.setInt(i++, tokens(r.cachedTokens()));
        s.setInt(i++, tokens(r.reasoningTokens()));
        s.setInt(i++, tokens(r.totalTokens()));
        s.setBigDecimal(i++, r.cost());
        setInt(s, i++, r.latencyMs());
        setInt(s, i++, r.ttftMs());
        s.setString(i++, r.error());
        s.setString(i++, r.clientIp());
        s.setString(i, r.userAgent());
    }

    /** PostgreSQL text cannot hold NUL; VARCHAR(n) holds n characters. */
    static String text(String value, int maxChars) {
        if (value == null) {
            return null;
        }
        String clean = value.indexOf('\u0000') >= 0 ? value.replace("\u0000", "") : value;
        return truncate(clean, maxChars);
    }

    private static String truncate(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
        return value.substring(0, end);
    }

    /** The token columns are INTEGER; a count beyond it is kept at the largest it can hold. */
    private static int tokens(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static void setLong(PreparedStatement s, int i, Long value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, value);
        }
    }

    private static void setInt(PreparedStatement s, int i, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setInt(i, value);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Connections

    private static int limitNetworkTimeout(Connection connection) {
        try {
            int previous = connection.getNetworkTimeout();
            connection.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MILLIS);
            return previous;
        } catch (SQLException | UnsupportedOperationException e) {
            return -1;
        }
    }

    private static void restoreNetworkTimeout(Connection connection, int previous) {
        if (previous < 0) {
            return;
        }
        try {
            connection.setNetworkTimeout(Runnable::run, previous);
        } catch (SQLException | RuntimeException e) {
            // The pool resets it too; a broken connection is discarded.
        }
    }

    /**
     * Has the pool validate its idle connections (in the background) and discard the broken ones, so the next
     * attempt does not get the connection that just failed. Without an exception sorter (the embedded profile
     * has none) Agroal would otherwise keep handing it out until its periodic validation.
     */
    private void evictBrokenConnections() {
        if (dataSource instanceof AgroalDataSource pool) {
            try {
                pool.flush(AgroalDataSource.FlushMode.INVALID);
            } catch (RuntimeException e) {
                LOG.debugf("Usage log: could not have the pool validate its connections: %s", e);
            }
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            // The connection is likely gone; the server rolls back on its own.
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Usage log: closing a connection failed: %s", e);
        }
    }
}

package io.labgate.usage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.labgate.common.config.LabgateConfig;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes usage logs off the response path: a bounded queue drained by one thread in batched inserts. No
 * record is dropped — when the queue is full the caller writes its record itself (back-pressure instead of
 * loss), a failed batch is retried row by row, and shutdown drains the queue before the pool closes.
 */
@ApplicationScoped
public class UsageLogWriter {

    private static final Logger LOG = Logger.getLogger(UsageLogWriter.class);
    private static final String INSERT = """
            INSERT INTO usage_logs (created_at, member_id, ai_settings_id, provider, model, request_type, channel,
                status, stream, prompt, response, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens,
                total_tokens, cost, latency_ms, ttft_ms, error, client_ip, user_agent)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final AgroalDataSource dataSource;
    private final BlockingQueue<UsageRecord> queue;
    private final int batchSize;
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile boolean running;
    private Thread worker;

    UsageLogWriter(AgroalDataSource dataSource, LabgateConfig config) {
        this.dataSource = dataSource;
        this.queue = new ArrayBlockingQueue<>(config.usage().queueCapacity());
        this.batchSize = config.usage().batchSize();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        worker = Thread.ofPlatform().name("usage-log-writer").daemon(true).start(this::drainLoop);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        }
        flushRemaining();
    }

    public void submit(UsageRecord record) {
        submitted.incrementAndGet();
        if (!queue.offer(record)) {
            writeBatch(List.of(record));
        }
    }

    /** Records written so far (for tests and metrics). */
    public long written() {
        return written.get();
    }

    /** Blocks until every record submitted so far has been written or given up on (tests, benchmarks). */
    public void awaitIdle(long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (settled.get() < submitted.get() && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
    }

    private void drainLoop() {
        List<UsageRecord> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                UsageRecord first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                writeBatch(batch);
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void flushRemaining() {
        List<UsageRecord> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            writeBatch(rest);
        }
    }

    private void writeBatch(List<UsageRecord> batch) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (UsageRecord record : batch) {
                bind(insert, record);
                insert.addBatch();
            }
            insert.executeBatch();
            written.addAndGet(batch.size());
            settled.addAndGet(batch.size());
        } catch (SQLException e) {
            if (batch.size() > 1) {
                // One bad row must not lose the others.
                batch.forEach(record -> writeBatch(List.of(record)));
            } else {
                settled.incrementAndGet();
                LOG.errorf("Could not write a usage log row (member %s): %s", batch.getFirst().memberId(),
                        e.getMessage());
            }
        }
    }

    private static void bind(PreparedStatement s, UsageRecord r) throws SQLException {
        int i = 1;
        s.setObject(i++, r.createdAt());
        setLong(s, i++, r.memberId());
        setLong(s, i++, r.settingId());
        s.setString(i++, r.provider());
        s.setString(i++, r.model());
        s.setString(i++, r.requestType());
        s.setString(i++, r.channel());
        s.setString(i++, r.status());
        s.setBoolean(i++, r.stream());
        s.setString(i++, r.prompt());
        s.setString(i++, r.response());
        s.setLong(i++, r.promptTokens());
        s.setLong(i++, r.completionTokens());
        s.setLong(i++, r.cachedTokens());
        s.setLong(i++, r.reasoningTokens());
        s.setLong(i++, r.totalTokens());
        s.setBigDecimal(i++, r.cost());
        setInt(s, i++, r.latencyMs());
        setInt(s, i++, r.ttftMs());
        s.setString(i++, truncate(r.error(), 500));
        s.setString(i++, truncate(r.clientIp(), 64));
        s.setString(i, truncate(r.userAgent(), 500));
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

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}

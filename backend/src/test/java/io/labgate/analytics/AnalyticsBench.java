package io.labgate.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.support.ExternalPostgres;
import io.labgate.usage.UsageRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The analytics benchmark (`make bench`, or `./mvnw test -Dtest=AnalyticsBench`; not part of `make test`): 10 M
 * generated usage rows over 90 days in a PostgreSQL server of the system's (Debian's, default settings but for
 * fsync, in a temporary folder), their roll-ups built by the same SQL the ledger runs, and the time the endpoint's
 * queries take for a few reports, p50 and p95 over repeated runs. Writes JSON to {@code labgate.bench.out}.
 */
class AnalyticsBench {

    private static final Logger LOG = Logger.getLogger(AnalyticsBench.class.getName());
    private static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final long ROWS = Long.getLong("labgate.bench.rows", 10_000_000L);
    private static final int MEMBERS = 300;
    private static final int RUNS = 30;
    private static final int WARMUP = 3;

    @Test
    void analytics() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        try (ExternalPostgres pg = ExternalPostgres.start()) {
            // The placeholders the app's configuration gives the migrations (quarkus.flyway.placeholders.*).
            Flyway.configure().dataSource(pg.jdbcUrl(), "postgres", "")
                    .placeholders(Map.of("time_zone", ZONE.getId(), "fallback_usd_per_mtok", "10")).load().migrate();
            try (Connection c = pg.connect()) {
                result.put("postgres", one(c, "SHOW server_version"));
                long start = System.nanoTime();
                generate(c);
                result.put("usage_rows", Long.parseLong(one(c, "SELECT count(*) FROM usage_logs")));
                result.put("generate_s", seconds(start));

                start = System.nanoTime();
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    // Only for building 10 M rows' sums at once; the queries below run with the defaults.
                    s.execute("SET LOCAL work_mem = '512MB'");
                }
                UsageRollups.rebuild(c, ZONE);
                c.commit();
                c.setAutoCommit(true);
                result.put("rollup_build_s", seconds(start));
                try (Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE usage_rollup_hourly, usage_rollup_daily, usage_rollup_daily_all, "
                            + "usage_rollup_daily_member_model");
                }
                Map<String, Object> tables = new LinkedHashMap<>();
                for (String table : List.of("usage_logs", "usage_rollup_hourly", "usage_rollup_daily",
                        "usage_rollup_daily_all", "usage_rollup_daily_member_model")) {
                    tables.put(table, Map.of("rows", Long.parseLong(one(c, "SELECT count(*) FROM " + table)),
                            "mb", Long.parseLong(one(c, "SELECT pg_total_relation_size('" + table + "') / 1048576"))));
                }
                result.put("tables", tables);
                result.put("ledger_batch_ms", ledgerBatch(c));
                result.put("raw_90_day_query_ms", rawQuery(c));
            }
            try (Connection c = pg.connect()) {
                result.put("reports", reports(c));
            }
        }
        Path out = Path.of(System.getProperty("labgate.bench.out", "target/bench/analytics.json"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
        Files.writeString(out, json);
        LOG.info("Analytics benchmark: " + json);
    }

    /** 300 members on 5 provider settings and the 4 seeded plans; 10 M calls spread over the last 90 days. */
    private static void generate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // Generated rows name members and settings that exist: their foreign-key checks are skipped to load faster.
            s.execute("SET session_replication_role = replica");
            s.execute("INSERT INTO members (username, email, role, password_hash, first_name, last_name) "
                    + "SELECT 'bench' || i, 'bench' || i || '@lab.example', 'researcher', 'x', '연구자', i::text "
                    + "FROM generate_series(1, " + MEMBERS + ") i");
            s.execute("""
                    INSERT INTO ai_settings (name, provider, base_url, model_name, max_tokens, temperature, hourly_limit,
                        daily_limit, monthly_limit)
                    VALUES ('gpt', 'openai', 'https://api.openai.com/v1', 'gpt-5-mini', 1000, 0.7, 0, 0, 0),
                           ('claude', 'anthropic', 'https://api.anthropic.com', 'claude-sonnet-4-5', 1000, 0.7, 0, 0, 0),
                           ('gemini', 'gemini', 'https://generativelanguage.googleapis.com', 'gemini-2.5-flash', 1000,
                            0.7, 0, 0, 0),
                           ('gpt big', 'openai', 'https://api.openai.com/v1', 'gpt-5.4', 1000, 0.7, 0, 0, 0),
                           ('lab vllm', 'openai_compatible', 'http://vllm:8000/v1', 'llama-3.3-70b', 1000, 0.7, 0, 0, 0)
                    """);
            // Heavy users call far more than light ones (the member index is squared); each member is on one
            // setting and plan, calls mostly from one channel, and uses the features in different shares.
            s.execute("""
                    WITH m AS (SELECT row_number() OVER (ORDER BY id) AS n, id FROM members WHERE username LIKE 'bench%%'),
                         st AS (SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, provider, model_name FROM ai_settings),
                         pl AS (SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM plans),
                         calls AS (
                             SELECT 1 + floor(%d * random() * random())::int AS member_n,
                                    timestamptz '%s' - random() * interval '90 days' AS at,
                                    random() AS r1, random() AS r2, random() AS r3,
                                    50 + floor(random() * 2000)::int AS prompt, 20 + floor(random() * 800)::int AS completion
                               FROM generate_series(1, %d))
                    INSERT INTO usage_logs (created_at, member_id, ai_settings_id, plan_id, provider, model, request_type,
                        channel, status, stream, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens,
                        total_tokens, cost, latency_ms, ttft_ms, rolled_up)
                    SELECT c.at, m.id, st.id, pl.id, st.provider, st.model_name,
                           CASE WHEN c.r1 < 0.5 THEN 'chatbot' WHEN c.r1 < 0.8 THEN 'analysis' ELSE 'generation' END,
                           CASE WHEN c.r2 < CASE WHEN c.member_n %% 3 = 0 THEN 0.8 ELSE 0.1 END THEN 'api' ELSE 'app' END,
                           status, c.r3 < 0.5,
                           CASE WHEN status IN ('refused', 'error') THEN 0 ELSE c.prompt END,
                           CASE WHEN status IN ('refused', 'error') THEN 0 ELSE c.completion END,
                           CASE WHEN status IN ('refused', 'error') OR c.r3 > 0.3 THEN 0 ELSE c.prompt / 4 END,
                           CASE WHEN st.n = 3 AND status = 'ok' THEN c.completion / 2 ELSE 0 END,
                           CASE WHEN status IN ('refused', 'error') THEN 0 ELSE c.prompt + c.completion END,
                           CASE WHEN status IN ('refused', 'error') THEN 0 WHEN st.n = 4 THEN NULL
                                ELSE round((c.prompt * 0.0000025 + c.completion * 0.00001)::numeric, 6) END,
                           CASE WHEN status = 'refused' THEN NULL ELSE 150 + floor(15000 * c.r2 * c.r2 * c.r3)::int END,
                           CASE WHEN c.r3 < 0.5 AND status NOT IN ('refused', 'error')
                                THEN 80 + floor(2500 * c.r1 * c.r2)::int END,
                           TRUE -- summed by the rebuild below, as the ledger sums its rows
                      FROM calls c
                      JOIN m ON m.n = c.member_n
                      JOIN st ON st.n = c.member_n %% 5
                      JOIN pl ON pl.n = c.member_n %% 4
                      CROSS JOIN LATERAL (SELECT CASE WHEN c.r3 < 0.02 THEN 'refused' WHEN c.r3 < 0.04 THEN 'error'
                                                      WHEN c.r3 < 0.05 THEN 'cancelled' WHEN c.r3 < 0.06 THEN 'incomplete'
                                                      ELSE 'ok' END AS status) s
                    """.formatted(MEMBERS, TODAY.plusDays(1).atStartOfDay(ZONE).toOffsetDateTime(), ROWS));
            s.execute("SET session_replication_role = DEFAULT");
            s.execute("ANALYZE usage_logs");
        }
    }

    /** The reports timed: a 90-day one broken down by model (what the analytics view opens with) and others. */
    private static List<Map<String, Object>> reports(Connection connection) throws Exception {
        AnalyticsService service = new AnalyticsService(new AnalyticsRepository(oneConnection(connection)),
                Clock.fixed(TODAY.atTime(12, 0).atZone(ZONE).toInstant(), ZONE));
        String from90 = TODAY.minusDays(89).toString();
        String to = TODAY.toString();
        List<Map<String, Object>> reports = new ArrayList<>();
        reports.add(time(service, "90 days by day, by model", params(from90, to, "day", "model", null), true));
        reports.add(time(service, "90 days by day, by member", params(from90, to, "day", "member", null), false));
        reports.add(time(service, "90 days by month, by feature", params(from90, to, "month", "feature", null), false));
        reports.add(time(service, "90 days by day, one member", params(from90, to, "day", "model", "150"), false));
        reports.add(time(service, "7 days by hour, by model",
                params(TODAY.minusDays(6).toString(), to, "hour", "model", null), false));
        return reports;
    }

    private static AnalyticsService.Params params(String from, String to, String granularity, String groupBy,
                                                  String memberId) {
        return new AnalyticsService.Params(from, to, granularity, groupBy, memberId, null, null, null, null, null);
    }

    private static Map<String, Object> time(AnalyticsService service, String name, AnalyticsService.Params params,
                                            boolean checkTotals) {
        AnalyticsQuery query = service.query(params);
        long[] ms = new long[RUNS];
        AnalyticsViews.AnalyticsReport report = null;
        for (int i = -WARMUP; i < RUNS; i++) {
            long start = System.nanoTime();
            report = service.report(query);
            if (i >= 0) {
                ms[i] = System.nanoTime() - start;
            }
        }
        if (checkTotals) {
            assertEquals(ROWS, report.totals().requests(), "every generated call is in the 90-day report");
        }
        Arrays.sort(ms);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("table", AnalyticsRepository.seriesTable(query).name);
        r.put("p50_ms", millis(ms[RUNS / 2]));
        r.put("p95_ms", millis(ms[(int) Math.ceil(RUNS * 0.95) - 1]));
        r.put("series_points", report.series().size());
        r.put("requests", report.totals().requests());
        return r;
    }

    /** What one ledger batch of 1,000 calls adds to its transaction: the roll-up statement (rolled back). */
    private static Map<String, Object> ledgerBatch(Connection c) throws SQLException {
        List<Long> members = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id FROM members WHERE username LIKE 'bench%' ORDER BY id")) {
            while (rs.next()) {
                members.add(rs.getLong(1));
            }
        }
        Random random = new Random(1);
        long[] ms = new long[20];
        c.setAutoCommit(false);
        for (int run = -WARMUP; run < ms.length; run++) {
            List<UsageRecord> batch = new ArrayList<>();
            OffsetDateTime now = TODAY.atTime(15, 0).atZone(ZONE).toOffsetDateTime();
            for (int i = 0; i < 1000; i++) {
                int m = (int) (MEMBERS * random.nextDouble() * random.nextDouble());
                batch.add(new UsageRecord(now.plusNanos(i * 1_000_000L), members.get(m), (long) (m % 5) + 1,
                        (long) (m % 4) + 1, "openai", "gpt-5-mini", random.nextBoolean() ? "chatbot" : "analysis",
                        random.nextInt(5) == 0 ? "api" : "app", "ok", true, null, null, 500, 200, 0, 0,
                        new BigDecimal("0.003250"), 800 + random.nextInt(4000), 200 + random.nextInt(600), null,
                        null, null));
            }
            long start = System.nanoTime();
            UsageRollups.add(c, batch, ZONE);
            if (run >= 0) {
                ms[run] = System.nanoTime() - start;
            }
            c.rollback();
        }
        c.setAutoCommit(true);
        Arrays.sort(ms);
        return Map.of("p50_ms", millis(ms[ms.length / 2]), "p95_ms", millis(ms[(int) Math.ceil(ms.length * 0.95) - 1]));
    }

    /** For comparison: the 90-day daily totals by model summed from usage_logs itself (one run). */
    private static double rawQuery(Connection c) throws SQLException {
        long start = System.nanoTime();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT CAST(created_at AT TIME ZONE 'Asia/Seoul' AS date), model, count(*), sum(total_tokens), sum(cost)
                  FROM usage_logs WHERE created_at >= timestamptz '%s' GROUP BY 1, 2
                """.formatted(TODAY.minusDays(89).atStartOfDay(ZONE).toOffsetDateTime()))) {
            while (rs.next()) {
                rs.getLong(3);
            }
        }
        return millis(System.nanoTime() - start);
    }

    /** A data source that hands out the one open connection (as the app's pool hands out a warm one). */
    private static DataSource oneConnection(Connection connection) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(AnalyticsBench.class.getClassLoader(),
                new Class<?>[]{Connection.class}, (proxy, method, args) -> method.getName().equals("close") ? null
                        : method.invoke(connection, args));
        return (DataSource) Proxy.newProxyInstance(AnalyticsBench.class.getClassLoader(),
                new Class<?>[]{DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}

package io.labgate.analytics;

import io.labgate.usage.UsageRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The hourly and daily roll-ups of the usage log, and the one SQL that sums usage rows into them
 * ({@link #hourlySums}; the daily tables are sums of those sums). The ledger runs it over each batch's rows in the
 * transaction that writes them ({@link #add}), and a rebuild runs it over the whole usage log ({@link #rebuild}) —
 * so the roll-ups equal the sums over {@code usage_logs} by construction, whichever way a row got there.
 *
 * <p>Hours and days are local to the platform's time zone. Rows are added in key order, so the batches of several
 * replicas lock shared roll-up rows in the same order and never deadlock.
 */
public final class UsageRollups {

    /** What a usage row is counted under, besides its local hour or day (the hourly and daily tables' keys). */
    static final List<String> ALL_DIMENSIONS = List.of("member_id", "ai_settings_id", "plan_id", "provider", "model",
            "request_type", "channel");

    /** Where the zone the roll-ups were built in is kept ({@code app_settings}). */
    static final String ZONE_SETTING = "usage_rollups_zone";

    /** The columns of a usage row the roll-ups read, as {@code usage_logs} names them. */
    private static final String SOURCE_COLUMNS = "created_at, member_id, ai_settings_id, plan_id, provider, model, "
            + "request_type, channel, status, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens, cost, "
            + "latency_ms, ttft_ms";
    /** A batch's rows, bound as one array per column (one round trip, however many rows). */
    private static final String BATCH = "SELECT * FROM unnest(CAST(? AS text[])::timestamptz[], CAST(? AS bigint[]), "
            + "CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), "
            + "CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]), "
            + "CAST(? AS bigint[]), CAST(? AS text[])::numeric[], CAST(? AS int[]), CAST(? AS int[])) AS u("
            + SOURCE_COLUMNS + ")";
    private static final Pattern ZONE_ID = Pattern.compile("[A-Za-z0-9/_+\\-]+");

    /**
     * The roll-up tables: by local hour, by local day, by local day without the member, and by local day, member and
     * model alone (what the member × model matrix reads when nothing else is filtered).
     */
    enum Table {
        HOURLY("usage_rollup_hourly", "hour_start", ALL_DIMENSIONS),
        DAILY("usage_rollup_daily", "day", ALL_DIMENSIONS),
        DAILY_ALL("usage_rollup_daily_all", "day", ALL_DIMENSIONS.subList(1, ALL_DIMENSIONS.size())),
        DAILY_MEMBER_MODEL("usage_rollup_daily_member_model", "day", List.of("member_id", "model"));

        final String name;
        final String timeColumn;
        private final List<String> dimensions;

        Table(String name, String timeColumn, List<String> dimensions) {
            this.name = name;
            this.timeColumn = timeColumn;
            this.dimensions = dimensions;
        }

        /** The key's columns after the time: the dimensions a report can group and filter by. */
        List<String> dimensions() {
            return dimensions;
        }

        /** The daily tables, summed from the hourly sums. */
        static List<Table> daily() {
            return List.of(DAILY, DAILY_ALL, DAILY_MEMBER_MODEL);
        }

        /** The unique index's expressions (V12), which ON CONFLICT must name exactly. */
        String conflictTarget() {
            return timeColumn + ", " + dimensions().stream().map(d -> switch (d) {
                case "member_id", "ai_settings_id", "plan_id" -> "(COALESCE(" + d + ", 0))";
                case "provider", "model" -> "(COALESCE(" + d + ", ''))";
                default -> d;
            }).collect(Collectors.joining(", "));
        }
    }

    /** The summed columns, with how a usage row adds to each. */
    private static final List<String[]> MEASURES = measures();

    private UsageRollups() {
    }

    private static List<String[]> measures() {
        List<String[]> m = new ArrayList<>();
        m.add(new String[]{"requests", "count(*)"});
        m.add(new String[]{"refusals", "count(*) FILTER (WHERE s.status = 'refused')"});
        m.add(new String[]{"errors", "count(*) FILTER (WHERE s.status IN ('error', 'incomplete', 'abandoned'))"});
        m.add(new String[]{"cancelled", "count(*) FILTER (WHERE s.status = 'cancelled')"});
        for (String tokens : List.of("prompt_tokens", "completion_tokens", "cached_tokens", "reasoning_tokens")) {
            m.add(new String[]{tokens, "COALESCE(sum(s." + tokens + "), 0)"});
        }
        m.add(new String[]{"cost", "COALESCE(sum(s.cost), 0)"});
        m.add(new String[]{"unpriced",
                "count(*) FILTER (WHERE s.cost IS NULL AND s.status IN ('ok', 'incomplete', 'cancelled'))"});
        List<String> latency = LatencyBuckets.columns("latency");
        List<String> ttft = LatencyBuckets.columns("ttft");
        for (int i = 0; i < LatencyBuckets.COUNT; i++) {
            m.add(new String[]{latency.get(i), "count(*) FILTER (WHERE s.latency_bucket = " + (i + 1) + ")"});
        }
        for (int i = 0; i < LatencyBuckets.COUNT; i++) {
            m.add(new String[]{ttft.get(i), "count(*) FILTER (WHERE s.ttft_bucket = " + (i + 1) + ")"});
        }
        return List.copyOf(m);
    }

    /** The summed columns of every roll-up table, in table order. */
    static List<String> measureColumns() {
        return MEASURES.stream().map(m -> m[0]).toList();
    }

    /**
     * The one place usage rows become sums: {@code source}'s rows (a relation with {@link #SOURCE_COLUMNS}) summed
     * per local hour and key, shaped like {@code usage_rollup_hourly}. Everything else is sums of these sums.
     */
    static String hourlySums(String source, ZoneId zone) {
        StringBuilder sql = new StringBuilder("SELECT date_trunc('hour', s.created_at, '")
                .append(zoneLiteral(zone)).append("') AS hour_start");
        for (String d : Table.HOURLY.dimensions()) {
            sql.append(", s.").append(d);
        }
        for (String[] m : MEASURES) {
            sql.append(",\n    ").append(m[1]).append(" AS ").append(m[0]);
        }
        // Empty ids and names are stored as NULL, so the unique key's COALESCE never merges two different keys.
        sql.append("\nFROM (SELECT src.created_at, NULLIF(src.member_id, 0) AS member_id, ")
                .append("NULLIF(src.ai_settings_id, 0) AS ai_settings_id, NULLIF(src.plan_id, 0) AS plan_id, ")
                .append("NULLIF(src.provider, '') AS provider, NULLIF(src.model, '') AS model, src.request_type, ")
                .append("src.channel, src.status, src.prompt_tokens, src.completion_tokens, src.cached_tokens, ")
                .append("src.reasoning_tokens, src.cost,\n    CASE WHEN src.status = 'ok' THEN ")
                .append(LatencyBuckets.bucketSql("src.latency_ms")).append(" END AS latency_bucket,\n    ")
                .append("CASE WHEN src.status = 'ok' THEN ").append(LatencyBuckets.bucketSql("src.ttft_ms"))
                .append(" END AS ttft_bucket\n  FROM ").append(source).append(" src) s\nGROUP BY ")
                .append(positions(Table.HOURLY.dimensions().size() + 1));
        return sql.toString();
    }

    /**
     * {@code hourly} (hourly sums: {@link #hourlySums} or the hourly table) summed into the keys of {@code table}:
     * per local day (a local hour lies in one local day), with or without the member.
     */
    static String sumsOf(Table table, String hourly, ZoneId zone) {
        List<String> dims = table.dimensions();
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(table == Table.HOURLY ? "h.hour_start"
                : "CAST(h.hour_start AT TIME ZONE '" + zoneLiteral(zone) + "' AS date)");
        for (String d : dims) {
            sql.append(", h.").append(d);
        }
        for (String column : measureColumns()) {
            sql.append(", sum(h.").append(column).append(')');
        }
        sql.append(" FROM ").append(hourly).append(" h GROUP BY ").append(positions(dims.size() + 1));
        return sql.toString();
    }

    /** Adds {@code sums} (shaped like {@code table}) to it, merging into its rows; rows are locked in key order. */
    static String upsert(Table table, String sums) {
        List<String> dims = table.dimensions();
        return "INSERT INTO " + table.name + " AS r (" + table.timeColumn + ", " + String.join(", ", dims) + ", "
                + String.join(", ", measureColumns()) + ")\nSELECT * FROM (" + sums + ") x ORDER BY "
                + positions(dims.size() + 1) + "\nON CONFLICT (" + table.conflictTarget() + ") DO UPDATE SET "
                + measureColumns().stream().map(c -> c + " = r." + c + " + EXCLUDED." + c)
                .collect(Collectors.joining(", "));
    }

    /** Data-modifying CTEs (each after a comma) adding {@code hourly} sums to every daily table. */
    private static String dailyUpserts(String hourly, ZoneId zone) {
        StringBuilder sql = new StringBuilder();
        for (Table daily : Table.daily()) {
            sql.append(",\nadd_").append(daily.name).append(" AS (").append(upsert(daily, sumsOf(daily, hourly, zone)))
                    .append(')');
        }
        return sql.toString();
    }

    /**
     * Adds the rows (as written to {@code usage_logs}) to every roll-up, in the caller's transaction: one statement
     * that reads the batch once.
     */
    public static void add(Connection connection, List<UsageRecord> rows, ZoneId zone) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "WITH batch AS MATERIALIZED (" + BATCH + "),\n"
                + "sums AS MATERIALIZED (" + hourlySums("batch", zone) + "),\n"
                + "hourly AS (" + upsert(Table.HOURLY, "SELECT * FROM sums") + ")"
                + dailyUpserts("sums", zone) + "\nSELECT count(*) FROM sums";
        int n = rows.size();
        String[] createdAt = new String[n];
        Long[] member = new Long[n];
        Long[] setting = new Long[n];
        Long[] plan = new Long[n];
        String[] provider = new String[n];
        String[] model = new String[n];
        String[] requestType = new String[n];
        String[] channel = new String[n];
        String[] status = new String[n];
        Long[] prompt = new Long[n];
        Long[] completion = new Long[n];
        Long[] cached = new Long[n];
        Long[] reasoning = new Long[n];
        String[] cost = new String[n];
        Integer[] latency = new Integer[n];
        Integer[] ttft = new Integer[n];
        for (int i = 0; i < n; i++) {
            UsageRecord r = rows.get(i);
            createdAt[i] = r.createdAt().toString();
            member[i] = r.memberId();
            setting[i] = r.settingId();
            plan[i] = r.planId();
            provider[i] = r.provider();
            model[i] = r.model();
            requestType[i] = r.requestType();
            channel[i] = r.channel();
            status[i] = r.status();
            prompt[i] = r.promptTokens();
            completion[i] = r.completionTokens();
            cached[i] = r.cachedTokens();
            reasoning[i] = r.reasoningTokens();
            cost[i] = r.cost() == null ? null : r.cost().toPlainString();
            latency[i] = r.latencyMs();
            ttft[i] = r.ttftMs();
        }
        try (PreparedStatement add = connection.prepareStatement(sql)) {
            int i = 1;
            add.setArray(i++, connection.createArrayOf("text", createdAt));
            add.setArray(i++, connection.createArrayOf("int8", member));
            add.setArray(i++, connection.createArrayOf("int8", setting));
            add.setArray(i++, connection.createArrayOf("int8", plan));
            add.setArray(i++, connection.createArrayOf("text", provider));
            add.setArray(i++, connection.createArrayOf("text", model));
            add.setArray(i++, connection.createArrayOf("text", requestType));
            add.setArray(i++, connection.createArrayOf("text", channel));
            add.setArray(i++, connection.createArrayOf("text", status));
            add.setArray(i++, connection.createArrayOf("int8", prompt));
            add.setArray(i++, connection.createArrayOf("int8", completion));
            add.setArray(i++, connection.createArrayOf("int8", cached));
            add.setArray(i++, connection.createArrayOf("int8", reasoning));
            add.setArray(i++, connection.createArrayOf("text", cost));
            add.setArray(i++, connection.createArrayOf("int4", latency));
            add.setArray(i, connection.createArrayOf("int4", ttft));
            add.execute();
        }
    }

    /**
     * Adds up to {@code limit} usage rows that are not in the roll-ups yet (written by a writer that does not keep
     * them: a replica of the previous version during a rolling upgrade) and marks them, in the caller's transaction;
     * returns how many. Rows another replica is adding at the same time are skipped, so each is added once.
     */
    public static int catchUp(Connection connection, ZoneId zone, int limit) throws SQLException {
        String sql = "WITH missed AS (SELECT id FROM usage_logs WHERE NOT rolled_up ORDER BY id LIMIT ? "
                + "FOR UPDATE SKIP LOCKED),\n"
                + "marked AS (UPDATE usage_logs u SET rolled_up = TRUE FROM missed WHERE u.id = missed.id RETURNING "
                + SOURCE_COLUMNS.replaceAll("(\\w+)", "u.$1") + "),\n"
                + "sums AS MATERIALIZED (" + hourlySums("marked", zone) + "),\n"
                + "hourly AS (" + upsert(Table.HOURLY, "SELECT * FROM sums") + ")"
                + dailyUpserts("sums", zone) + "\nSELECT count(*) FROM marked";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Sums the whole usage log into empty roll-ups, in {@code zone}, in the caller's transaction; usage rows
     * cannot be written meanwhile (the ledger waits). Used for the rows there before the roll-ups existed, after a
     * change of the platform's time zone, and by the benchmark.
     */
    public static void rebuild(Connection connection, ZoneId zone) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("LOCK TABLE usage_logs IN SHARE ROW EXCLUSIVE MODE");
            s.execute("UPDATE usage_logs SET rolled_up = TRUE WHERE NOT rolled_up");
            s.execute("TRUNCATE " + java.util.Arrays.stream(Table.values()).map(t -> t.name)
                    .collect(Collectors.joining(", ")));
            s.executeUpdate(upsert(Table.HOURLY, hourlySums("usage_logs", zone)));
            for (Table daily : Table.daily()) {
                s.executeUpdate(upsert(daily, sumsOf(daily, Table.HOURLY.name, zone)));
            }
        }
        try (PreparedStatement note = connection.prepareStatement("""
                INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, now())
                ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
                """)) {
            note.setString(1, ZONE_SETTING);
            note.setString(2, zone.getId());
            note.executeUpdate();
        }
    }

    /** The zone the roll-ups were built in; empty before they were first built. */
    static Optional<String> builtIn(Connection connection) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement("SELECT value FROM app_settings WHERE key = ?")) {
            read.setString(1, ZONE_SETTING);
            try (ResultSet rs = read.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Zone ids are letters, digits and / _ + - (ZoneId accepts nothing else), so they are safe to inline. */
    static String zoneLiteral(ZoneId zone) {
        String id = zone.getId();
        if (!ZONE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Unexpected zone id: " + id);
        }
        return id;
    }

    private static String positions(int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(String::valueOf)
                .collect(Collectors.joining(", "));
    }
}

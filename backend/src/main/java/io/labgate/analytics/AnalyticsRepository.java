package io.labgate.analytics;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries of a report, all on the roll-ups (never on usage_logs): the series from the smallest table that has
 * what the report asks for — per hour, per day and member, or per day of all members together — and the member ×
 * model matrix from the daily sums per member and model (or the full daily table when other filters are set). The range is the leading column of each table's unique key; a member is
 * found through the (member_id, time) index.
 */
@ApplicationScoped
public class AnalyticsRepository {

    private final DataSource dataSource;

    AnalyticsRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One point of the series as summed: its period (a LocalDate or an OffsetDateTime) and its group's key, or
     * {@code rest}: every group not read one by one.
     */
    record SeriesRow(Object period, String group, boolean rest, Sums sums) {
    }

    /** One member's use of one model. */
    record CellRow(Long memberId, String model, Sums sums) {
    }

    /** What a member is called. */
    record MemberNames(String username, String firstName, String lastName) {
    }

    /** The queries of one report, on one connection. */
    Reader open() throws SQLException {
        return new Reader(dataSource.getConnection());
    }

    /** Reads one report's figures; close it to give the connection back. */
    static final class Reader implements AutoCloseable {

        private final Connection connection;

        private Reader(Connection connection) {
            this.connection = connection;
        }

        /**
         * The series: sums per period and value of the report's dimension, from {@code table}; with
         * {@code onlyMembers}, only those members' calls (a null in it: the calls of no member).
         */
        List<SeriesRow> series(AnalyticsQuery query, UsageRollups.Table table, List<Long> onlyMembers)
                throws SQLException {
            return series(query, table, "CAST(" + query.groupBy().column + " AS text)", onlyMembers);
        }

        /** The sums per period alone (every value of the dimension together), from {@code table}. */
        List<SeriesRow> periodTotals(AnalyticsQuery query, UsageRollups.Table table) throws SQLException {
            return series(query, table, "CAST(NULL AS text)", null);
        }

        private List<SeriesRow> series(AnalyticsQuery query, UsageRollups.Table table, String group,
                                       List<Long> onlyMembers) throws SQLException {
            String period = switch (query.granularity()) {
                case HOUR -> "hour_start";
                case DAY -> "day";
                case MONTH -> "CAST(date_trunc('month', day) AS date)";
            };
            StringBuilder sql = new StringBuilder("SELECT ").append(period).append(", ").append(group);
            for (String column : UsageRollups.measureColumns()) {
                sql.append(", sum(").append(column).append(')');
            }
            sql.append(" FROM ").append(table.name);
            List<Object> params = new ArrayList<>();
            where(sql, params, query, table);
            if (onlyMembers != null) {
                sql.append(" AND (member_id = ANY(?)").append(onlyMembers.contains(null) ? " OR member_id IS NULL)"
                        : ")");
                params.add(connection.createArrayOf("int8", onlyMembers.stream().filter(id -> id != null)
                        .toArray()));
            }
            sql.append(" GROUP BY 1, 2");
            List<SeriesRow> rows = new ArrayList<>();
            try (PreparedStatement s = prepare(connection, sql.toString(), params); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Object at = query.granularity() == Granularity.HOUR ? rs.getObject(1, OffsetDateTime.class)
                            : rs.getObject(1, LocalDate.class);
                    rows.add(new SeriesRow(at, rs.getString(2), false, sums(rs, 3, true)));
                }
            }
            return rows;
        }

        /** Sums per member and model over the whole range, from a daily table (without latency). */
        List<CellRow> matrix(AnalyticsQuery query) throws SQLException {
            UsageRollups.Table table = matrixTable(query);
            StringBuilder sql = new StringBuilder("SELECT member_id, model");
            for (String column : UsageRollups.measureColumns().subList(0, SCALARS)) {
                sql.append(", sum(").append(column).append(')');
            }
            sql.append(" FROM ").append(table.name);
            List<Object> params = new ArrayList<>();
            where(sql, params, query, table);
            sql.append(" GROUP BY 1, 2");
            List<CellRow> rows = new ArrayList<>();
            try (PreparedStatement s = prepare(connection, sql.toString(), params); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long member = rs.getLong(1);
                    rows.add(new CellRow(rs.wasNull() ? null : member, rs.getString(2), sums(rs, 3, false)));
                }
            }
            return rows;
        }

        Map<Long, MemberNames> members(Collection<Long> ids) throws SQLException {
            Map<Long, MemberNames> names = new HashMap<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT id, username, first_name, last_name FROM members WHERE id = ANY(?)")) {
                s.setArray(1, connection.createArrayOf("int8", ids.stream().filter(id -> id != null).toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        names.put(rs.getLong(1), new MemberNames(rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return names;
        }

        Map<Long, String> settingNames(Collection<Long> ids) throws SQLException {
            return names("SELECT id, name FROM ai_settings WHERE id = ANY(?)", ids);
        }

        Map<Long, String> planNames(Collection<Long> ids) throws SQLException {
            return names("SELECT id, display_name FROM plans WHERE id = ANY(?)", ids);
        }

        private Map<Long, String> names(String sql, Collection<Long> ids) throws SQLException {
            Map<Long, String> names = new HashMap<>();
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setArray(1, connection.createArrayOf("int8", ids.stream().filter(id -> id != null).toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        names.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            return names;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** The table the series is read from: the smallest one that has the report's dimensions. */
    static UsageRollups.Table seriesTable(AnalyticsQuery query) {
        if (query.granularity() == Granularity.HOUR) {
            return UsageRollups.Table.HOURLY;
        }
        return query.groupBy() == Dimension.MEMBER || query.filters().memberId() != null
                ? UsageRollups.Table.DAILY : UsageRollups.Table.DAILY_ALL;
    }

    /** The smallest daily table with the member, the model and every filter the report sets. */
    static UsageRollups.Table matrixTable(AnalyticsQuery query) {
        AnalyticsQuery.Filters f = query.filters();
        return f.settingId() == null && f.planId() == null && f.feature() == null && f.channel() == null
                ? UsageRollups.Table.DAILY_MEMBER_MODEL : UsageRollups.Table.DAILY;
    }

    /** The table with every member's calls of a period together, for the report's granularity. */
    static UsageRollups.Table periodTable(AnalyticsQuery query) {
        return query.granularity() == Granularity.HOUR ? UsageRollups.Table.HOURLY : UsageRollups.Table.DAILY_ALL;
    }

    /** The counts, tokens and cost columns of {@link UsageRollups#measureColumns()}, before the histograms. */
    private static final int SCALARS = 10;

    private static Sums sums(ResultSet rs, int first, boolean histograms) throws SQLException {
        Sums sums = new Sums();
        int i = first;
        sums.requests = rs.getLong(i++);
        sums.refusals = rs.getLong(i++);
        sums.errors = rs.getLong(i++);
        sums.cancelled = rs.getLong(i++);
        sums.promptTokens = rs.getLong(i++);
        sums.completionTokens = rs.getLong(i++);
        sums.cachedTokens = rs.getLong(i++);
        sums.reasoningTokens = rs.getLong(i++);
        BigDecimal cost = rs.getBigDecimal(i++);
        sums.cost = cost == null ? BigDecimal.ZERO : cost;
        sums.unpriced = rs.getLong(i++);
        if (histograms) {
            for (int b = 0; b < LatencyBuckets.COUNT; b++) {
                sums.latency[b] = rs.getLong(i++);
            }
            for (int b = 0; b < LatencyBuckets.COUNT; b++) {
                sums.ttft[b] = rs.getLong(i++);
            }
        }
        return sums;
    }

    /** The range (whole local days) and the filters; every filter is one of the table's key columns. */
    private static void where(StringBuilder sql, List<Object> params, AnalyticsQuery query,
                              UsageRollups.Table table) {
        if (table == UsageRollups.Table.HOURLY) {
            sql.append(" WHERE hour_start >= ? AND hour_start < ?");
            params.add(query.from().atStartOfDay(query.zone()).toOffsetDateTime());
            params.add(query.to().plusDays(1).atStartOfDay(query.zone()).toOffsetDateTime());
        } else {
            sql.append(" WHERE day BETWEEN ? AND ?");
            params.add(query.from());
            params.add(query.to());
        }
        AnalyticsQuery.Filters f = query.filters();
        filter(sql, params, "member_id", f.memberId());
        filter(sql, params, "ai_settings_id", f.settingId());
        filter(sql, params, "model", f.model());
        filter(sql, params, "request_type", f.feature());
        filter(sql, params, "plan_id", f.planId());
        filter(sql, params, "channel", f.channel());
    }

    private static void filter(StringBuilder sql, List<Object> params, String column, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> params)
            throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
        return s;
    }
}

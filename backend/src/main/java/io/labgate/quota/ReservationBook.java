package io.labgate.quota;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The counters' side of the ledger: applies reservation ends inside the usage log's transaction. A settled call
 * is counted — the member's requests, tokens and cost, the setting's limited windows — and what it used moves from
 * this replica's leases to the counters, so committed + leases stays what it was. A released call changes
 * nothing here: what it took went back to the lease in memory.
 *
 * <p>Rows are changed in one order (member rows, setting windows, leases; each sorted), the order lease grants
 * lock them in too, so concurrent flushes and grants on several replicas never deadlock.
 */
public final class ReservationBook {

    // The day's counts belong to last_reset_date's day: a call of a later day starts the day (and perhaps the
    // month) afresh; a call of an earlier day, flushed after midnight, counts only in its month.
    private static final String COUNT_MEMBER = """
            UPDATE user_ai_access SET
                requests_today = CASE WHEN last_reset_date < ? THEN ? WHEN last_reset_date = ? THEN requests_today + ?
                    ELSE requests_today END,
                tokens_used_today = CASE WHEN last_reset_date < ? THEN ? WHEN last_reset_date = ? THEN tokens_used_today + ?
                    ELSE tokens_used_today END,
                tokens_used_month = CASE
                    WHEN date_trunc('month', last_reset_date) < date_trunc('month', CAST(? AS date)) THEN ?
                    WHEN date_trunc('month', last_reset_date) = date_trunc('month', CAST(? AS date)) THEN tokens_used_month + ?
                    ELSE tokens_used_month END,
                cost_used_month_micros = CASE
                    WHEN date_trunc('month', last_reset_date) < date_trunc('month', CAST(? AS date)) THEN ?
                    WHEN date_trunc('month', last_reset_date) = date_trunc('month', CAST(? AS date)) THEN cost_used_month_micros + ?
                    ELSE cost_used_month_micros END,
                last_reset_date = GREATEST(last_reset_date, ?),
                updated_at = now()
             WHERE id = ?
            """;
    private static final String COUNT_WINDOW = """
            INSERT INTO setting_usage_windows AS w (ai_settings_id, window_kind, window_start, requests)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (ai_settings_id, window_kind, window_start) DO UPDATE SET requests = w.requests + EXCLUDED.requests
            """;
    private static final String USE_LEASE = """
            UPDATE quota_leases SET amount = amount - ?
             WHERE counter = ? AND subject_id = ? AND window_start = ? AND replica_id = ?
            """;

    private ReservationBook() {
    }

    /** Applies the ends (nulls — calls that reserved nothing — are skipped) in the caller's transaction. */
    public static void apply(Connection connection, List<ReservationEnd> ends) throws SQLException {
        Map<MemberDay, long[]> members = new TreeMap<>();
        Map<Window, Long> windows = new TreeMap<>();
        Map<ReplicaLease, Long> leases = new TreeMap<>();
        for (ReservationEnd end : ends) {
            if (end == null || end.released()) {
                continue;
            }
            long[] counts = members.computeIfAbsent(new MemberDay(end.accessId(), end.day()), k -> new long[3]);
            counts[0]++;
            counts[1] += end.settledTokens();
            counts[2] += end.settledCostMicros();
            end.settingWindows().forEach((kind, start) ->
                    windows.merge(new Window(end.settingId(), kind, start), 1L, Long::sum));
            for (ReservationEnd.LeaseUse use : end.used()) {
                leases.merge(new ReplicaLease(use.key(), end.replicaId()), use.amount(), Long::sum);
            }
        }
        if (!members.isEmpty()) {
            try (PreparedStatement count = connection.prepareStatement(COUNT_MEMBER)) {
                for (var row : members.entrySet()) {
                    LocalDate day = row.getKey().day();
                    long requests = row.getValue()[0];
                    long tokens = row.getValue()[1];
                    long cost = row.getValue()[2];
                    int i = 1;
                    count.setObject(i++, day);
                    count.setLong(i++, requests);
                    count.setObject(i++, day);
                    count.setLong(i++, requests);
                    count.setObject(i++, day);
                    count.setLong(i++, tokens);
                    count.setObject(i++, day);
                    count.setLong(i++, tokens);
                    count.setObject(i++, day);
                    count.setLong(i++, tokens);
                    count.setObject(i++, day);
                    count.setLong(i++, tokens);
                    count.setObject(i++, day);
                    count.setLong(i++, cost);
                    count.setObject(i++, day);
                    count.setLong(i++, cost);
                    count.setObject(i++, day);
                    count.setLong(i, row.getKey().accessId());
                    count.addBatch();
                }
                count.executeBatch();
            }
        }
        if (!windows.isEmpty()) {
            try (PreparedStatement count = connection.prepareStatement(COUNT_WINDOW)) {
                for (var row : windows.entrySet()) {
                    count.setLong(1, row.getKey().settingId());
                    count.setString(2, row.getKey().kind().dbName());
                    count.setObject(3, row.getKey().start());
                    count.setLong(4, row.getValue());
                    count.addBatch();
                }
                count.executeBatch();
            }
        }
        if (!leases.isEmpty()) {
            try (PreparedStatement use = connection.prepareStatement(USE_LEASE)) {
                for (var row : leases.entrySet()) {
                    LeaseKey key = row.getKey().key();
                    use.setLong(1, row.getValue());
                    use.setString(2, key.counter().dbName());
                    use.setLong(3, key.subjectId());
                    use.setObject(4, key.windowStart());
                    use.setObject(5, row.getKey().replicaId());
                    use.addBatch();
                }
                use.executeBatch();
            }
        }
    }

    private record MemberDay(long accessId, LocalDate day) implements Comparable<MemberDay> {
        @Override
        public int compareTo(MemberDay o) {
            int c = Long.compare(accessId, o.accessId);
            return c != 0 ? c : day.compareTo(o.day);
        }
    }

    private record Window(long settingId, WindowKind kind, OffsetDateTime start) implements Comparable<Window> {
        @Override
        public int compareTo(Window o) {
            int c = Long.compare(settingId, o.settingId);
            if (c != 0) {
                return c;
            }
            c = kind.compareTo(o.kind);
            return c != 0 ? c : start.compareTo(o.start);
        }
    }

    private record ReplicaLease(LeaseKey key, UUID replicaId) implements Comparable<ReplicaLease> {
        @Override
        public int compareTo(ReplicaLease o) {
            int c = key.compareTo(o.key);
            return c != 0 ? c : replicaId.compareTo(o.replicaId);
        }
    }
}

package io.labgate.quota;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters' side of the ledger: applies reservation ends inside the usage log's transaction. Each end
 * changes its reservation's state only if it is still open — a second attempt (a retried batch, the sweeper
 * having been first) changes nothing — and only the ends that did so move the counters: tokens to what was
 * used, and for a release the request given back on the member's day and the setting's windows.
 */
public final class ReservationBook {

    private static final String RESOLVE = """
            UPDATE quota_reservations SET state = ?, settled_tokens = ?, resolved_at = ?
             WHERE id = ? AND state = 'reserved'
            """;
    // A window that was reset since the reservation no longer holds its counts: left alone.
    private static final String ADJUST_MEMBER = """
            UPDATE user_ai_access SET
                tokens_used_today = CASE WHEN last_reset_date = ? THEN GREATEST(0, tokens_used_today + ?)
                    ELSE tokens_used_today END,
                tokens_used_month = CASE WHEN date_trunc('month', last_reset_date) = date_trunc('month', CAST(? AS date))
                    THEN GREATEST(0, tokens_used_month + ?) ELSE tokens_used_month END,
                requests_today = CASE WHEN last_reset_date = ? THEN GREATEST(0, requests_today - ?)
                    ELSE requests_today END,
                updated_at = now()
             WHERE id = ?
            """;
    private static final String GIVE_BACK_WINDOW = """
            UPDATE setting_usage_windows SET requests = GREATEST(0, requests - ?)
             WHERE ai_settings_id = ? AND window_kind = ? AND window_start = ?
            """;

    private ReservationBook() {
    }

    /**
     * Applies the ends (nulls are skipped) in the caller's transaction; returns, per end, whether it was the
     * one that ended its reservation (true for a null, which has nothing to end).
     */
    public static boolean[] apply(Connection connection, List<ReservationEnd> ends) throws SQLException {
        boolean[] won = new boolean[ends.size()];
        List<Integer> present = new ArrayList<>();
        try (PreparedStatement resolve = connection.prepareStatement(RESOLVE)) {
            for (int i = 0; i < ends.size(); i++) {
                ReservationEnd end = ends.get(i);
                if (end == null) {
                    won[i] = true;
                    continue;
                }
                present.add(i);
                resolve.setString(1, end.released() ? "released" : "settled");
                resolve.setLong(2, end.settledTokens());
                resolve.setObject(3, end.at());
                resolve.setObject(4, end.reservationId());
                resolve.addBatch();
            }
            if (present.isEmpty()) {
                return won;
            }
            int[] counts = resolve.executeBatch();
            for (int k = 0; k < present.size(); k++) {
                won[present.get(k)] = counts[k] == 1;
            }
        }
        Map<MemberDay, long[]> members = new LinkedHashMap<>();
        Map<Window, Long> windows = new LinkedHashMap<>();
        for (int i : present) {
            if (!won[i]) {
                continue;
            }
            ReservationEnd end = ends.get(i);
            long[] delta = members.computeIfAbsent(new MemberDay(end.accessId(), end.day()), k -> new long[2]);
            delta[0] += end.settledTokens() - end.reservedTokens();
            if (end.released()) {
                delta[1]++;
                end.settingWindows().forEach((kind, start) ->
                        windows.merge(new Window(end.settingId(), kind, start), 1L, Long::sum));
            }
        }
        // Sorted by row, so concurrent flushes on several replicas lock rows in one order (no deadlock).
        List<Map.Entry<MemberDay, long[]>> memberRows = new ArrayList<>(members.entrySet());
        memberRows.sort(Map.Entry.comparingByKey());
        try (PreparedStatement adjust = connection.prepareStatement(ADJUST_MEMBER)) {
            for (var row : memberRows) {
                long tokens = row.getValue()[0];
                long requests = row.getValue()[1];
                if (tokens == 0 && requests == 0) {
                    continue;
                }
                adjust.setObject(1, row.getKey().day());
                adjust.setLong(2, tokens);
                adjust.setObject(3, row.getKey().day());
                adjust.setLong(4, tokens);
                adjust.setObject(5, row.getKey().day());
                adjust.setLong(6, requests);
                adjust.setLong(7, row.getKey().accessId());
                adjust.addBatch();
            }
            adjust.executeBatch();
        }
        List<Map.Entry<Window, Long>> windowRows = new ArrayList<>(windows.entrySet());
        windowRows.sort(Map.Entry.comparingByKey());
        try (PreparedStatement giveBack = connection.prepareStatement(GIVE_BACK_WINDOW)) {
            for (var row : windowRows) {
                giveBack.setLong(1, row.getValue());
                giveBack.setLong(2, row.getKey().settingId());
                giveBack.setString(3, row.getKey().kind().dbName());
                giveBack.setObject(4, row.getKey().start());
                giveBack.addBatch();
            }
            giveBack.executeBatch();
        }
        return won;
    }

    private record MemberDay(long accessId, java.time.LocalDate day) implements Comparable<MemberDay> {
        @Override
        public int compareTo(MemberDay o) {
            int c = Long.compare(accessId, o.accessId);
            return c != 0 ? c : day.compareTo(o.day);
        }
    }

    private record Window(long settingId, WindowKind kind, java.time.OffsetDateTime start) implements Comparable<Window> {
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

}

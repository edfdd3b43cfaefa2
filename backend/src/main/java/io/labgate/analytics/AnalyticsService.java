package io.labgate.analytics;

import io.labgate.common.error.ApiError;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ViolationCode;
import io.labgate.gateway.RequestType;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Usage analytics for the super-admin: validates what a report asks for and assembles it from the roll-ups —
 * series, groups, totals, the member × model matrix and the members by cost. Every figure is a sum of roll-up
 * sums; percentiles are read from summed latency buckets.
 */
@ApplicationScoped
public class AnalyticsService {

    /** The longest range one report may span, and the longest in hours (744 points). */
    static final int MAX_DAYS = 400;
    static final int MAX_HOURLY_DAYS = 31;
    /** Beyond this many groups, the smallest are summed into one "rest" group, so charts stay legible. */
    static final int MAX_GROUPS = 12;
    /** The range when none is given: the last 30 days. */
    static final int DEFAULT_DAYS = 30;
    private static final int MAX_MODEL_CHARS = 200;

    private final AnalyticsRepository repository;
    private final Clock clock;

    AnalyticsService(AnalyticsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The query parameters as the client sent them (text: bad values answer 400 naming the parameter). */
    public record Params(String from, String to, String granularity, String groupBy, String memberId,
                         String settingId, String model, String feature, String planId, String channel) {
    }

    /** Checks every parameter and answers all problems at once (400, each naming its parameter). */
    public AnalyticsQuery query(Params p) {
        List<ApiError.Violation> problems = new ArrayList<>();
        LocalDate from = date(p.from(), "from", problems);
        LocalDate to = date(p.to(), "to", problems);
        Granularity granularity = oneOf(p.granularity(), "granularity", Granularity.values(), Granularity.DAY,
                problems);
        Dimension groupBy = oneOf(p.groupBy(), "group_by", Dimension.values(), Dimension.MODEL, problems);
        Long memberId = id(p.memberId(), "member_id", problems);
        Long settingId = id(p.settingId(), "setting_id", problems);
        Long planId = id(p.planId(), "plan_id", problems);
        String model = blankToNull(p.model());
        if (model != null && model.length() > MAX_MODEL_CHARS) {
            problems.add(new ApiError.Violation("model", ViolationCode.TOO_LONG, Map.of("max", MAX_MODEL_CHARS),
                    "must be at most " + MAX_MODEL_CHARS + " characters"));
        }
        String feature = text(p.feature(), "feature",
                Arrays.stream(RequestType.values()).map(RequestType::wireName).toList(), problems);
        String channel = text(p.channel(), "channel", List.of("app", "api"), problems);

        LocalDate today = LocalDate.now(clock);
        if (to == null) {
            to = from != null && from.isAfter(today) ? from : today;
        }
        if (from == null) {
            from = to.minusDays(DEFAULT_DAYS - 1L);
        }
        if (problems.stream().noneMatch(v -> v.field().equals("from") || v.field().equals("to"))) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1;
            if (to.isBefore(from)) {
                problems.add(new ApiError.Violation("to", ViolationCode.BEFORE_START, Map.of("start", "from"),
                        "must not be before from"));
            } else if (days > MAX_DAYS) {
                problems.add(new ApiError.Violation("to", ViolationCode.RANGE_TOO_LONG, Map.of("max", MAX_DAYS),
                        "the range may span at most " + MAX_DAYS + " days"));
            } else if (granularity == Granularity.HOUR && days > MAX_HOURLY_DAYS) {
                problems.add(new ApiError.Violation("granularity", ViolationCode.RANGE_TOO_LONG,
                        Map.of("max", MAX_HOURLY_DAYS), "hourly points need a range of at most "
                        + MAX_HOURLY_DAYS + " days"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
        return new AnalyticsQuery(from, to, clock.getZone(), granularity, groupBy,
                new AnalyticsQuery.Filters(memberId, settingId, model, feature, planId, channel));
    }

    /** The report for a validated query. */
    public AnalyticsViews.AnalyticsReport report(AnalyticsQuery query) {
        try (AnalyticsRepository.Reader reader = repository.open()) {
            List<AnalyticsRepository.CellRow> cells = reader.matrix(query);
            List<AnalyticsRepository.SeriesRow> series = series(reader, query, cells);
            Map<Long, AnalyticsRepository.MemberNames> members = reader.members(
                    cells.stream().map(AnalyticsRepository.CellRow::memberId).distinct().toList());
            List<Long> groupIds = query.groupBy() == Dimension.SETTING || query.groupBy() == Dimension.PLAN
                    ? series.stream().filter(r -> !r.rest() && r.group() != null).map(r -> Long.valueOf(r.group()))
                    .distinct().toList() : List.of();
            Map<Long, String> labels = switch (query.groupBy()) {
                case SETTING -> reader.settingNames(groupIds);
                case PLAN -> reader.planNames(groupIds);
                case MEMBER -> {
                    Map<Long, String> usernames = new HashMap<>();
                    members.forEach((id, names) -> usernames.put(id, names.username()));
                    yield usernames;
                }
                default -> Map.of();
            };
            return assemble(query, series, cells, members, labels);
        } catch (SQLException e) {
            throw new IllegalStateException("Analytics query failed: SQLState " + e.getSQLState(), e);
        }
    }

    /**
     * The series. Broken down by member, only the largest members' points are read one by one (what the report
     * shows of them); the rest of each period is its total minus theirs — exact, as all figures are sums — which
     * spares summing every member's latency buckets.
     */
    private static List<AnalyticsRepository.SeriesRow> series(AnalyticsRepository.Reader reader,
                                                              AnalyticsQuery query,
                                                              List<AnalyticsRepository.CellRow> cells)
            throws SQLException {
        UsageRollups.Table table = AnalyticsRepository.seriesTable(query);
        Map<Long, Sums> byMember = new HashMap<>();
        if (query.groupBy() == Dimension.MEMBER) {
            cells.forEach(c -> byMember.computeIfAbsent(c.memberId(), k -> new Sums()).add(c.sums()));
        }
        if (byMember.size() <= MAX_GROUPS) {
            return reader.series(query, table, null);
        }
        List<Long> largest = new ArrayList<>(byMember.keySet());
        largest.sort(Sums.largestFirst(byMember));
        largest = largest.subList(0, MAX_GROUPS - 1);
        List<AnalyticsRepository.SeriesRow> rows = new ArrayList<>(reader.series(query, table, largest));
        Map<Object, Sums> rest = new LinkedHashMap<>();
        for (AnalyticsRepository.SeriesRow total : reader.periodTotals(query,
                AnalyticsRepository.periodTable(query))) {
            rest.put(total.period(), total.sums());
        }
        for (AnalyticsRepository.SeriesRow row : rows) {
            rest.get(row.period()).subtract(row.sums());
        }
        rest.forEach((period, sums) -> {
            if (sums.requests != 0) {
                rows.add(new AnalyticsRepository.SeriesRow(period, null, true, sums));
            }
        });
        return rows;
    }

    static AnalyticsViews.AnalyticsReport assemble(AnalyticsQuery query, List<AnalyticsRepository.SeriesRow> rows,
                                                   List<AnalyticsRepository.CellRow> cells,
                                                   Map<Long, AnalyticsRepository.MemberNames> names,
                                                   Map<Long, String> labels) {
        // Groups by their key, largest first; beyond MAX_GROUPS the smallest are summed into one rest group.
        Map<String, Sums> byGroup = new HashMap<>();
        Sums restSums = new Sums();
        boolean restRead = false;
        Sums totals = new Sums();
        for (AnalyticsRepository.SeriesRow row : rows) {
            if (row.rest()) {
                restSums.add(row.sums());
                restRead = true;
            } else {
                byGroup.computeIfAbsent(row.group(), k -> new Sums()).add(row.sums());
            }
            totals.add(row.sums());
        }
        List<String> keys = new ArrayList<>(byGroup.keySet());
        keys.sort(Sums.largestFirst(byGroup));
        List<String> kept = keys.size() > MAX_GROUPS ? keys.subList(0, MAX_GROUPS - 1) : keys;
        Map<String, Integer> index = new HashMap<>();
        List<AnalyticsViews.AnalyticsGroup> groups = new ArrayList<>();
        for (String key : kept) {
            index.put(key, groups.size());
            groups.add(new AnalyticsViews.AnalyticsGroup(key, label(query.groupBy(), key, labels), false,
                    byGroup.get(key).figures(true)));
        }
        if (restRead || keys.size() > kept.size()) {
            keys.subList(kept.size(), keys.size()).forEach(k -> restSums.add(byGroup.get(k)));
            groups.add(new AnalyticsViews.AnalyticsGroup(null, null, true, restSums.figures(true)));
        }
        int restIndex = groups.size() - 1;

        // Points: one per period and group (the rest group's points summed from its members').
        Map<String, Map<Integer, Sums>> points = new HashMap<>();
        for (AnalyticsRepository.SeriesRow row : rows) {
            int group = row.rest() ? restIndex : index.getOrDefault(row.group(), restIndex);
            points.computeIfAbsent(period(query, row.period()), k -> new HashMap<>())
                    .computeIfAbsent(group, k -> new Sums()).add(row.sums());
        }
        List<String> periods = periods(query);
        List<AnalyticsViews.AnalyticsPoint> series = new ArrayList<>();
        List<AnalyticsViews.AnalyticsPeriod> periodTotals = new ArrayList<>();
        for (String period : periods) {
            Map<Integer, Sums> at = points.get(period);
            if (at != null) {
                Sums all = new Sums();
                at.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                    series.add(new AnalyticsViews.AnalyticsPoint(period, e.getKey(), e.getValue().figures(true)));
                    all.add(e.getValue());
                });
                periodTotals.add(new AnalyticsViews.AnalyticsPeriod(period, all.figures(true)));
            }
        }

        // Matrix and members, from the per-member daily sums (no latency there).
        Map<String, Sums> byModel = new HashMap<>();
        Map<Long, Sums> byMember = new HashMap<>();
        for (AnalyticsRepository.CellRow cell : cells) {
            byModel.computeIfAbsent(cell.model(), k -> new Sums()).add(cell.sums());
            byMember.computeIfAbsent(cell.memberId(), k -> new Sums()).add(cell.sums());
        }
        List<String> models = new ArrayList<>(byModel.keySet());
        models.sort(Sums.largestFirst(byModel));
        List<Long> memberIds = new ArrayList<>(byMember.keySet());
        memberIds.sort(Sums.largestFirst(byMember));
        Map<Long, Integer> memberRank = new HashMap<>();
        memberIds.forEach(id -> memberRank.put(id, memberRank.size()));
        Map<String, Integer> modelRank = new HashMap<>();
        models.forEach(m -> modelRank.put(m, modelRank.size()));
        List<AnalyticsViews.AnalyticsCell> matrix = cells.stream()
                .sorted(Comparator.comparing((AnalyticsRepository.CellRow c) -> memberRank.get(c.memberId()))
                        .thenComparing(c -> modelRank.get(c.model())))
                .map(c -> new AnalyticsViews.AnalyticsCell(c.memberId(), c.model(), c.sums().requests,
                        c.sums().totalTokens(), c.sums().figures(false).cost()))
                .toList();
        List<AnalyticsViews.AnalyticsMember> members = memberIds.stream().map(id -> {
            AnalyticsRepository.MemberNames n = id == null ? null : names.get(id);
            return new AnalyticsViews.AnalyticsMember(id, n == null ? null : n.username(),
                    n == null ? null : n.firstName(), n == null ? null : n.lastName(),
                    byMember.get(id).figures(false));
        }).toList();

        return new AnalyticsViews.AnalyticsReport(query.zone().getId(), query.from(), query.to(),
                query.granularity(), query.groupBy(), periods, totals.figures(true), periodTotals, groups, series,
                models, matrix, members);
    }

    private static String label(Dimension dimension, String key, Map<Long, String> labels) {
        if (key == null) {
            return null;
        }
        return switch (dimension) {
            case SETTING, PLAN, MEMBER -> labels.get(Long.valueOf(key));
            default -> key;
        };
    }

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mmXXX", Locale.ROOT);

    /** How a period is named in the report: a date, a month, or a local hour with its offset. */
    static String period(AnalyticsQuery query, Object at) {
        return switch (query.granularity()) {
            case HOUR -> ((OffsetDateTime) at).atZoneSameInstant(query.zone()).format(HOUR);
            case DAY -> at.toString();
            case MONTH -> YearMonth.from((LocalDate) at).toString();
        };
    }

    /** Every period of the range, in order (local hours follow daylight-saving changes). */
    static List<String> periods(AnalyticsQuery query) {
        List<String> periods = new ArrayList<>();
        ZoneId zone = query.zone();
        switch (query.granularity()) {
            case HOUR -> {
                ZonedDateTime end = query.to().plusDays(1).atStartOfDay(zone);
                for (ZonedDateTime t = query.from().atStartOfDay(zone); t.isBefore(end); t = t.plusHours(1)) {
                    periods.add(t.format(HOUR));
                }
            }
            case DAY -> query.from().datesUntil(query.to().plusDays(1)).forEach(d -> periods.add(d.toString()));
            case MONTH -> {
                for (YearMonth m = YearMonth.from(query.from()); !m.isAfter(YearMonth.from(query.to()));
                     m = m.plusMonths(1)) {
                    periods.add(m.toString());
                }
            }
        }
        return periods;
    }

    private static LocalDate date(String value, String name, List<ApiError.Violation> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            problems.add(new ApiError.Violation(name, ViolationCode.INVALID_DATE, Map.of(),
                    "must be a date like 2026-11-25"));
            return null;
        }
    }

    private static <E extends Enum<E>> E oneOf(String value, String name, E[] values, E fallback,
                                               List<ApiError.Violation> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (E e : values) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        List<String> allowed = Arrays.stream(values).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        problems.add(new ApiError.Violation(name, ViolationCode.NOT_ONE_OF, Map.of("allowed", allowed),
                "must be one of " + String.join(", ", allowed)));
        return fallback;
    }

    private static String text(String value, String name, List<String> allowed, List<ApiError.Violation> problems) {
        String v = blankToNull(value);
        if (v != null && !allowed.contains(v)) {
            problems.add(new ApiError.Violation(name, ViolationCode.NOT_ONE_OF, Map.of("allowed", allowed),
                    "must be one of " + String.join(", ", allowed)));
            return null;
        }
        return v;
    }

    private static Long id(String value, String name, List<ApiError.Violation> problems) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            long id = Long.parseLong(v);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        problems.add(new ApiError.Violation(name, ViolationCode.WRONG_TYPE, Map.of(), "must be a positive id"));
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

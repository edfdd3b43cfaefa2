package io.labgate.analytics;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.agroal.api.AgroalDataSource;
import io.labgate.ledger.CallEntry;
import io.labgate.ledger.CallLedger;
import io.labgate.support.Api;
import io.labgate.support.Researchers;
import io.labgate.usage.UsageRecord;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The analytics report equals the sums over the raw usage rows, however it is asked for: a generated data set
 * (several members, settings, plans, models, features and both channels; refusals, errors, cancelled and unpriced
 * calls) spread over six hours across midnight — and a month's end — in the platform's zone (Asia/Seoul), where
 * the same hours are one day in UTC.
 */
@QuarkusTest
class AnalyticsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
    /** 2019-03-31 21:00 KST .. 2019-04-01 03:00 KST: no other test writes usage there. */
    private static final OffsetDateTime START = OffsetDateTime.parse("2019-03-31T21:00:00+09:00");
    private static final String FROM = "2019-03-31";
    private static final String TO = "2019-04-01";
    private static final List<String> MODELS = List.of("gpt-5-mini", "claude-sonnet-4-5", "gemini-2.5-flash");
    private static final List<String> FEATURES = List.of("chatbot", "analysis", "generation");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static boolean generated;
    private static boolean manyMembersWritten;
    private static String koreanSettingName;

    @Inject
    CallLedger ledger;

    @Inject
    AgroalDataSource db;

    @Inject
    RollupMaintenance maintenance;

    /** Writes the data set once, through the ledger in several batches, as the gateway's calls are written. */
    @BeforeEach
    void dataSet() throws Exception {
        if (generated) {
            return;
        }
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(Api.newResearcher().id());
        }
        members.add(null); // calls of a member deleted since: counted, under no member
        koreanSettingName = Api.unique("연구실 공용 설정 ");
        List<Long> settings = List.of(setting(koreanSettingName), setting(Api.unique("analysis setting ")));
        List<Long> plans = List.of(plan("basic"), plan("premium"));
        Random random = new Random(20190331);
        List<UsageRecord> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int member = random.nextInt(members.size());
            String status = pick(random, "ok", "ok", "ok", "ok", "ok", "ok", "ok", "refused", "error", "cancelled",
                    "incomplete");
            boolean answered = !status.equals("refused") && !status.equals("error");
            boolean stream = random.nextBoolean();
            long prompt = answered ? 20 + random.nextInt(4000) : 0;
            long completion = answered ? random.nextInt(2000) : 0;
            BigDecimal cost = answered && random.nextInt(6) > 0
                    ? BigDecimal.valueOf(random.nextInt(5_000_000), 6) : null;
            Integer latency = status.equals("refused") ? null : 30 + random.nextInt(random.nextBoolean() ? 2000 : 40000);
            Integer ttft = stream && answered ? 10 + random.nextInt(3000) : null;
            rows.add(new UsageRecord(START.plusSeconds(random.nextInt(6 * 3600)), members.get(member),
                    settings.get(member % 2), plans.get(random.nextInt(5) == 0 ? 1 - member % 2 : member % 2),
                    "sandbox", MODELS.get(random.nextInt(MODELS.size())), FEATURES.get(random.nextInt(3)),
                    random.nextInt(3) == 0 ? "api" : "app", status, stream, null, null, prompt, completion,
                    answered ? random.nextInt((int) prompt + 1) : 0, answered ? random.nextInt(300) : 0, cost,
                    latency, ttft, status.equals("ok") ? null : "test", "127.0.0.1", "analytics-test"));
        }
        for (int i = 0; i < rows.size(); i++) {
            ledger.submit(CallEntry.withoutReservation(rows.get(i)));
            if (i % 150 == 149) {
                assertTrue(ledger.awaitIdle(10_000)); // several batches: later ones add to the same roll-up rows
            }
        }
        assertTrue(ledger.awaitIdle(10_000));
        generated = true;
    }

    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource({"day, model", "day, setting", "day, feature", "day, plan", "day, member", "day, channel",
            "hour, model", "hour, member", "month, feature", "month, member"})
    void everyFigureEqualsTheSumOverTheUsageRows(String granularity, String groupBy) throws Exception {
        AnalyticsViews.AnalyticsReport report = report(Map.of("granularity", granularity, "group_by", groupBy));
        Map<List<String>, Raw> raw = raw(periodSql(granularity), groupSql(groupBy), "");

        Map<List<String>, AnalyticsViews.AnalyticsFigures> reported = new HashMap<>();
        for (AnalyticsViews.AnalyticsPoint p : report.series()) {
            AnalyticsViews.AnalyticsGroup g = report.groups().get(p.group());
            assertFalse(g.rest(), "so few groups are never folded");
            reported.put(List.of(p.period(), String.valueOf(g.key())), p.figures());
        }
        assertEquals(raw.keySet(), reported.keySet(), "one point per period and group with calls");
        raw.forEach((key, sums) -> sums.check(reported.get(key), key.toString()));
        assertTrue(raw.size() >= 2, "the data set spans several points");

        Map<List<String>, Raw> perPeriod = raw(periodSql(granularity), "'all'", "");
        assertEquals(perPeriod.size(), report.periodTotals().size());
        for (AnalyticsViews.AnalyticsPeriod p : report.periodTotals()) {
            perPeriod.get(List.of(p.period(), "all")).check(p.figures(), "period " + p.period());
        }
        Raw total = raw("'all'", "'all'", "").values().iterator().next();
        total.check(report.totals(), "totals");
        assertEquals(400, report.totals().requests());
        assertEquals(periods(granularity), report.periods());
    }

    @Test
    void aDayIsALocalDayOfThePlatformsZone() throws Exception {
        AnalyticsViews.AnalyticsReport report = report(Map.of("granularity", "day", "group_by", "channel"));
        assertEquals(List.of("2019-03-31", "2019-04-01"), report.periods());
        assertTrue(report.series().stream().anyMatch(p -> p.period().equals("2019-03-31")));
        assertTrue(report.series().stream().anyMatch(p -> p.period().equals("2019-04-01")));
        AnalyticsViews.AnalyticsReport hours = report(Map.of("granularity", "hour", "from", TO, "to", TO));
        assertEquals("2019-04-01T00:00+09:00", hours.periods().getFirst());
        assertEquals(24, hours.periods().size());
        assertEquals(raw("'all'", "'all'", " AND created_at >= '2019-04-01T00:00+09:00'").values().iterator()
                .next().requests, hours.totals().requests());
    }

    @Test
    void filtersCountOnlyTheMatchingCalls() throws Exception {
        long member = firstMemberWithCalls();
        AnalyticsViews.AnalyticsReport report = report(Map.of("group_by", "model", "member_id",
                String.valueOf(member), "channel", "app", "feature", "analysis"));
        Raw expected = raw("'all'", "'all'", " AND member_id = " + member
                + " AND channel = 'app' AND request_type = 'analysis'").values().iterator().next();
        expected.check(report.totals(), "filtered totals");
        assertTrue(report.members().stream().allMatch(m -> m.memberId() == member));

        String model = MODELS.getFirst();
        AnalyticsViews.AnalyticsReport byModel = report(Map.of("group_by", "plan", "model", model));
        raw("'all'", "'all'", " AND model = '" + model + "'").values().iterator().next()
                .check(byModel.totals(), "one model");
    }

    @Test
    void theMatrixAndTheMembersEqualTheSumsPerMemberAndModel() throws Exception {
        AnalyticsViews.AnalyticsReport report = report(Map.of());
        Map<List<String>, Raw> raw = raw("CAST(member_id AS text)", "model", "");
        assertEquals(raw.size(), report.matrix().size());
        for (AnalyticsViews.AnalyticsCell cell : report.matrix()) {
            Raw expected = raw.get(List.of(String.valueOf(cell.memberId()), cell.model()));
            assertNotNull(expected, "a cell for calls that exist");
            assertEquals(expected.requests, cell.requests());
            assertEquals(expected.prompt + expected.completion, cell.totalTokens());
            assertEquals(0, expected.cost.compareTo(cell.cost()));
        }
        Map<List<String>, Raw> perMember = raw("CAST(member_id AS text)", "'all'", "");
        assertEquals(perMember.size(), report.members().size());
        for (AnalyticsViews.AnalyticsMember m : report.members()) {
            perMember.get(List.of(String.valueOf(m.memberId()), "all")).check(m.figures(), "member");
        }
        for (int i = 1; i < report.members().size(); i++) {
            assertTrue(report.members().get(i - 1).figures().cost().compareTo(report.members().get(i).figures()
                    .cost()) >= 0, "members by cost, highest first");
        }
        assertTrue(report.members().stream().anyMatch(m -> m.memberId() == null), "a deleted member's calls count");
    }

    @Test
    void percentilesFallInTheBucketOfTheExactPercentile() throws Exception {
        AnalyticsViews.AnalyticsReport report = report(Map.of());
        assertInBucket(exactPercentile("latency_ms", 0.5), report.totals().latencyP50Ms());
        assertInBucket(exactPercentile("latency_ms", 0.95), report.totals().latencyP95Ms());
        assertInBucket(exactPercentile("ttft_ms", 0.5), report.totals().ttftP50Ms());
        assertInBucket(exactPercentile("ttft_ms", 0.95), report.totals().ttftP95Ms());
    }

    @Test
    void aRebuildFromTheUsageLogGivesTheSameRollUpsAndAZoneChangeRebuildsThem() throws Exception {
        AnalyticsViews.AnalyticsReport before = report(Map.of("granularity", "hour", "group_by", "member"));
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            UsageRollups.rebuild(c, ZoneId.of("UTC"));
            c.commit();
            c.setAutoCommit(true);
            assertEquals("UTC", UsageRollups.builtIn(c).orElseThrow());
        }
        assertTrue(maintenance.ensureBuilt(), "built in another zone: rebuilt in the platform's");
        assertFalse(maintenance.ensureBuilt(), "already in the platform's zone");
        AnalyticsViews.AnalyticsReport after = report(Map.of("granularity", "hour", "group_by", "member"));
        assertEquals(JSON.writeValueAsString(before.series()), JSON.writeValueAsString(after.series()));
        assertEquals(before.totals(), after.totals());
    }

    @Test
    void rowsWrittenWithoutTheirRollUpsAreAddedByTheCatchUp() throws Exception {
        // As a replica of the previous version writes during a rolling upgrade: the insert knows no roll-ups.
        String day = "2019-07-01";
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO usage_logs (created_at, provider, model, request_type, channel, status, "
                    + "prompt_tokens, completion_tokens, total_tokens, cost, latency_ms) VALUES "
                    + "('2019-07-01T10:00:00+09:00', 'sandbox', 'old-replica', 'chatbot', 'api', 'ok', 10, 5, 15, "
                    + "0.000100, 700), ('2019-07-01T23:59:00+09:00', 'sandbox', 'old-replica', 'analysis', 'app', "
                    + "'refused', 0, 0, 0, NULL, NULL)");
        }
        Map<String, String> range = Map.of("from", day, "to", day);
        assertEquals(0, report(range).totals().requests(), "not in the roll-ups yet");
        assertEquals(2, maintenance.catchUp());
        assertEquals(0, maintenance.catchUp(), "each row is added once");
        AnalyticsViews.AnalyticsReport report = report(range);
        raw("'all'", "'all'", "", day).values().iterator().next().check(report.totals(), "caught up");
        assertEquals(1, report.totals().refusals());
    }

    @Test
    void aCallThroughTheGatewayIsCountedWithItsPlanChannelAndFeature() throws Exception {
        Researchers.Researcher r = Researchers.on(Map.of(), "premium");
        Api.as(r.member().token()).body(Map.of("messages", List.of(Map.of("role", "user", "content", "hi"))))
                .post("/api/ai/chat").then().statusCode(200);
        Api.as(r.member().token()).body(Map.of("messages", List.of(Map.of("role", "user", "content", "CR?"))))
                .post("/api/ai/analysis").then().statusCode(200);
        RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + r.key())
                .body(Map.of("model", "x", "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .post("/v1/chat/completions").then().statusCode(200);
        assertTrue(ledger.awaitIdle(10_000));
        String today = LocalDate.now(ZONE).toString();
        Map<String, String> mine = Map.of("from", today, "to", today, "member_id", String.valueOf(r.member().id()));
        Map<String, Long> byChannel = requestsByGroup(report(with(mine, "group_by", "channel")));
        assertEquals(Map.of("app", 2L, "api", 1L), byChannel);
        AnalyticsViews.AnalyticsReport byPlan = report(with(mine, "group_by", "plan"));
        assertEquals(1, byPlan.groups().size());
        assertEquals(plan("premium"), Long.valueOf(byPlan.groups().getFirst().key()));
        assertNotNull(byPlan.groups().getFirst().label(), "the plan's name");
        assertEquals(Map.of("chatbot", 2L, "analysis", 1L), requestsByGroup(report(with(mine, "group_by", "feature"))));
        AnalyticsViews.AnalyticsReport bySetting = report(with(mine, "group_by", "setting"));
        assertEquals(String.valueOf(r.settingId()), bySetting.groups().getFirst().key());
    }

    @Test
    void eachTableExportsAsCsvThatReadsBackToTheSameFigures() throws Exception {
        AnalyticsViews.AnalyticsReport report = report(Map.of("group_by", "setting"));
        byte[] bytes = Api.asAdmin().queryParams(Map.of("from", FROM, "to", TO, "group_by", "setting", "format", "csv",
                        "table", "series")).get("/api/admin/analytics")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString(
                        "labgate-analytics-series-2019-03-31-2019-04-01.csv"))
                .extract().asByteArray();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(bytes, 3),
                "UTF-8 with a byte-order mark, for spreadsheet programs");
        List<CSVRecord> records = parse(new String(bytes, StandardCharsets.UTF_8).substring(1));
        assertEquals(report.series().size(), records.size());
        for (int i = 0; i < records.size(); i++) {
            CSVRecord row = records.get(i);
            AnalyticsViews.AnalyticsPoint p = report.series().get(i);
            AnalyticsViews.AnalyticsGroup g = report.groups().get(p.group());
            assertEquals(p.period(), row.get("period"));
            assertEquals(g.key(), row.get("group_key"));
            assertEquals(g.label(), row.get("group_label"));
            assertEquals(p.figures().requests(), Long.parseLong(row.get("requests")));
            assertEquals(p.figures().refusals(), Long.parseLong(row.get("refusals")));
            assertEquals(p.figures().errors(), Long.parseLong(row.get("errors")));
            assertEquals(p.figures().cachedTokens(), Long.parseLong(row.get("cached_tokens")));
            assertEquals(p.figures().reasoningTokens(), Long.parseLong(row.get("reasoning_tokens")));
            assertEquals(0, p.figures().cost().compareTo(new BigDecimal(row.get("cost_usd"))));
            assertEquals(String.valueOf(p.figures().latencyP95Ms()), row.get("latency_p95_ms").isEmpty() ? "null"
                    : row.get("latency_p95_ms"));
        }
        assertTrue(records.stream().anyMatch(r -> r.get("group_label").equals(koreanSettingName)),
                "Korean names survive the round trip");

        for (String table : List.of("groups", "matrix", "members")) {
            String csv = Api.asAdmin().queryParams(Map.of("from", FROM, "to", TO, "group_by", "setting",
                    "format", "csv", "table", table)).get("/api/admin/analytics").then().statusCode(200)
                    .extract().asString();
            List<CSVRecord> rows = parse(csv.substring(1));
            int expected = switch (table) {
                case "groups" -> report.groups().size();
                case "matrix" -> report.matrix().size();
                default -> report.members().size();
            };
            assertEquals(expected, rows.size(), table);
        }
        List<CSVRecord> members = parse(Api.asAdmin().queryParams(Map.of("from", FROM, "to", TO, "format", "csv",
                "table", "members")).get("/api/admin/analytics").then().extract().asString().substring(1));
        BigDecimal sum = members.stream().map(r -> new BigDecimal(r.get("cost_usd"))).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertEquals(0, report.totals().cost().compareTo(sum), "the members' costs add up to the total");
    }

    @ParameterizedTest(name = "by {0}")
    @CsvSource({"day", "hour"})
    void beyondTwelveMembersTheSmallestAreSummedIntoOneRestGroupExactly(String granularity) throws Exception {
        // 15 members on 2019-06-01 (KST), each spending more than the one before: the 11 largest are shown alone.
        String day = "2019-06-01";
        if (!manyMembersWritten) {
            OffsetDateTime at = OffsetDateTime.parse(day + "T08:00:00+09:00");
            Random random = new Random(601);
            for (int m = 0; m < 15; m++) {
                long member = Api.newResearcher().id();
                for (int i = 0; i < 5 + m; i++) {
                    ledger.submit(CallEntry.withoutReservation(new UsageRecord(at.plusMinutes(random.nextInt(600)),
                            member, null, null, "sandbox", "gpt-5-mini", "chatbot", "app", "ok", true, null, null,
                            100 + m, 10, 0, 0, BigDecimal.valueOf(1000L * (m + 1) + i, 6), 100 + random.nextInt(9000),
                            50 + random.nextInt(900), null, null, "analytics-many")));
                }
            }
            assertTrue(ledger.awaitIdle(10_000));
            manyMembersWritten = true;
        }
        AnalyticsViews.AnalyticsReport report = report(Map.of("from", day, "to", day, "granularity", granularity,
                "group_by", "member"));
        assertEquals(AnalyticsService.MAX_GROUPS, report.groups().size());
        assertTrue(report.groups().getLast().rest());
        Map<List<String>, Raw> perMember = raw("CAST(member_id AS text)", "'all'", "", day);
        List<String> largest = perMember.entrySet().stream()
                .sorted((a, b) -> b.getValue().cost().compareTo(a.getValue().cost()))
                .map(e -> e.getKey().getFirst()).limit(11).toList();
        Raw rest = raw("'rest'", "'all'", " AND member_id NOT IN (" + String.join(",", largest) + ")", day)
                .values().iterator().next();
        for (int i = 0; i < 11; i++) {
            AnalyticsViews.AnalyticsGroup g = report.groups().get(i);
            assertEquals(largest.get(i), g.key(), "largest first");
            perMember.get(List.of(g.key(), "all")).check(g.figures(), "member " + g.key());
        }
        rest.check(report.groups().getLast().figures(), "the rest");
        assertInBucket(exactPercentile("latency_ms", 0.5, " AND member_id NOT IN (" + String.join(",", largest)
                + ")", day), report.groups().getLast().figures().latencyP50Ms());
        // Per period too: the rest's points are each period's total minus the largest members' points.
        Map<List<String>, Raw> restByPeriod = raw(periodSql(granularity), "'rest'", " AND member_id NOT IN ("
                + String.join(",", largest) + ")", day);
        int restIndex = report.groups().size() - 1;
        Map<String, AnalyticsViews.AnalyticsFigures> restPoints = new HashMap<>();
        report.series().stream().filter(p -> p.group() == restIndex).forEach(p -> restPoints.put(p.period(),
                p.figures()));
        assertEquals(restByPeriod.size(), restPoints.size());
        restByPeriod.forEach((key, sums) -> sums.check(restPoints.get(key.getFirst()), "rest at " + key));
    }

    @Test
    void badParametersAnswer400NamingTheParameter() {
        invalid(Map.of("from", "2026-03-02", "to", "2026-03-01"), "to", "before_start");
        invalid(Map.of("from", "2025-01-01", "to", "2026-03-01"), "to", "range_too_long");
        invalid(Map.of("from", "2026-01-01", "to", "2026-03-01", "granularity", "hour"), "granularity",
                "range_too_long");
        invalid(Map.of("group_by", "colour"), "group_by", "not_one_of");
        invalid(Map.of("granularity", "week"), "granularity", "not_one_of");
        invalid(Map.of("from", "yesterday"), "from", "invalid_date");
        invalid(Map.of("member_id", "abc"), "member_id", "wrong_type");
        invalid(Map.of("plan_id", "-3"), "plan_id", "wrong_type");
        invalid(Map.of("feature", "poetry"), "feature", "not_one_of");
        invalid(Map.of("channel", "email"), "channel", "not_one_of");
        invalid(Map.of("format", "xlsx"), "format", "not_one_of");
        invalid(Map.of("format", "csv", "table", "pivot"), "table", "not_one_of");
        Api.asAdmin().queryParams(Map.of("group_by", "colour", "channel", "email")).get("/api/admin/analytics")
                .then().statusCode(400).body("violations.field", hasItems("group_by", "channel"));
    }

    // ------------------------------------------------------------------------------------------------

    private static void invalid(Map<String, String> params, String field, String code) {
        Api.asAdmin().queryParams(params).get("/api/admin/analytics").then().statusCode(400)
                .body("error", equalTo("validation_failed"))
                .body("violations[0].field", equalTo(field)).body("violations[0].code", equalTo(code));
    }

    private static AnalyticsViews.AnalyticsReport report(Map<String, String> params) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of("from", FROM, "to", TO));
        all.putAll(params);
        String body = Api.asAdmin().queryParams(all).get("/api/admin/analytics").then().statusCode(200)
                .contentType(ContentType.JSON).extract().asString();
        return JSON.readValue(body, AnalyticsViews.AnalyticsReport.class);
    }

    private static Map<String, String> with(Map<String, String> params, String key, String value) {
        Map<String, String> all = new HashMap<>(params);
        all.put(key, value);
        return all;
    }

    private static Map<String, Long> requestsByGroup(AnalyticsViews.AnalyticsReport report) {
        Map<String, Long> byGroup = new HashMap<>();
        report.groups().forEach(g -> byGroup.put(g.key(), g.figures().requests()));
        return byGroup;
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }

    private static long setting(String name) {
        return Api.asAdmin().body(Map.of("name", name, "provider", "sandbox", "model_name", "sandbox",
                        "max_tokens", 100, "temperature", 0.5, "hourly_limit", 0, "daily_limit", 0, "monthly_limit", 0))
                .post("/api/admin/ai-settings").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Long plan(String name) {
        return Api.asAdmin().get("/api/admin/plans").then().extract().jsonPath()
                .getLong("find { it.name == '" + name + "' }.id");
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static List<String> periods(String granularity) {
        return switch (granularity) {
            case "hour" -> {
                List<String> hours = new ArrayList<>();
                for (var t = LocalDate.parse(FROM).atStartOfDay(ZONE); t.isBefore(LocalDate.parse(TO).plusDays(1)
                        .atStartOfDay(ZONE)); t = t.plusHours(1)) {
                    hours.add(String.format("%sT%02d:00+09:00", t.toLocalDate(), t.getHour()));
                }
                yield hours;
            }
            case "month" -> List.of("2019-03", "2019-04");
            default -> List.of(FROM, TO);
        };
    }

    /** The period of a usage row as the report names it, computed here from created_at independently. */
    private static String periodSql(String granularity) {
        return switch (granularity) {
            case "hour" -> "to_char(created_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD\"T\"HH24:00+09:00')";
            case "month" -> "to_char(created_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM')";
            default -> "to_char(created_at AT TIME ZONE 'Asia/Seoul', 'YYYY-MM-DD')";
        };
    }

    private static String groupSql(String groupBy) {
        return switch (groupBy) {
            case "setting" -> "CAST(ai_settings_id AS text)";
            case "feature" -> "request_type";
            case "plan" -> "CAST(plan_id AS text)";
            case "member" -> "CAST(member_id AS text)";
            default -> groupBy;
        };
    }

    private long firstMemberWithCalls() throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT min(member_id) FROM usage_logs WHERE created_at >= ? AND created_at < ? AND user_agent = ?")) {
            s.setObject(1, START);
            s.setObject(2, START.plusHours(6));
            s.setString(3, "analytics-test");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Integer exactPercentile(String column, double q) throws Exception {
        return exactPercentile(column, q, "", null);
    }

    private Integer exactPercentile(String column, double q, String where, String day) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT percentile_disc(?) WITHIN GROUP (ORDER BY " + column + ") FROM usage_logs WHERE created_at >= ?"
                        + " AND created_at < ? AND status = 'ok' AND " + column + " IS NOT NULL" + where)) {
            s.setDouble(1, q);
            s.setObject(2, LocalDate.parse(day == null ? FROM : day).atStartOfDay(ZONE).toOffsetDateTime());
            s.setObject(3, LocalDate.parse(day == null ? TO : day).plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void assertInBucket(int exact, Integer reported) {
        assertNotNull(reported);
        int bucket = LatencyBuckets.bucketOf(exact);
        int lower = LatencyBuckets.lowerBound(bucket);
        int upper = bucket == LatencyBuckets.COUNT ? lower : LatencyBuckets.UPPER_BOUNDS_MS[bucket - 1];
        assertTrue(reported >= lower && reported <= upper,
                "exact " + exact + " is in [" + lower + ", " + upper + "); reported " + reported);
    }

    /** The raw sums of one group of usage rows, by the meaning of each figure (see AnalyticsFigures). */
    private record Raw(long requests, long refusals, long errors, long cancelled, long prompt, long completion,
                       long cached, long reasoning, BigDecimal cost, long unpriced) {

        void check(AnalyticsViews.AnalyticsFigures f, String what) {
            assertEquals(requests, f.requests(), what + " requests");
            assertEquals(refusals, f.refusals(), what + " refusals");
            assertEquals(errors, f.errors(), what + " errors");
            assertEquals(cancelled, f.cancelled(), what + " cancelled");
            assertEquals(prompt, f.promptTokens(), what + " prompt tokens");
            assertEquals(completion, f.completionTokens(), what + " completion tokens");
            assertEquals(cached, f.cachedTokens(), what + " cached tokens");
            assertEquals(reasoning, f.reasoningTokens(), what + " reasoning tokens");
            assertEquals(prompt + completion, f.totalTokens(), what + " total tokens");
            assertEquals(0, cost.compareTo(f.cost()), what + " cost " + cost + " vs " + f.cost());
            assertEquals(unpriced, f.unpricedRequests(), what + " unpriced");
        }
    }

    /** Sums over usage_logs in the range, grouped by two SQL expressions (e.g. the period and the group). */
    private Map<List<String>, Raw> raw(String first, String second, String where) throws Exception {
        return raw(first, second, where, null);
    }

    /** The same over one local day instead of the data set's range. */
    private Map<List<String>, Raw> raw(String first, String second, String where, String day) throws Exception {
        String sql = "SELECT " + first + ", " + second + ", count(*), count(*) FILTER (WHERE status = 'refused'), "
                + "count(*) FILTER (WHERE status IN ('error', 'incomplete')), "
                + "count(*) FILTER (WHERE status = 'cancelled'), sum(prompt_tokens), sum(completion_tokens), "
                + "sum(cached_tokens), sum(reasoning_tokens), COALESCE(sum(cost), 0), "
                + "count(*) FILTER (WHERE cost IS NULL AND status IN ('ok', 'incomplete', 'cancelled')) "
                + "FROM usage_logs WHERE created_at >= ? AND created_at < ?" + where + " GROUP BY 1, 2";
        Map<List<String>, Raw> sums = new HashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, LocalDate.parse(day == null ? FROM : day).atStartOfDay(ZONE).toOffsetDateTime());
            s.setObject(2, LocalDate.parse(day == null ? TO : day).plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sums.put(List.of(String.valueOf(rs.getString(1)), String.valueOf(rs.getString(2))),
                            new Raw(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                                    rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getBigDecimal(11),
                                    rs.getLong(12)));
                }
            }
        }
        return sums;
    }
}

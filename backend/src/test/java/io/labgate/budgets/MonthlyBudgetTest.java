package io.labgate.budgets;

import io.agroal.api.AgroalDataSource;
import io.labgate.common.config.LabgateConfig;
import io.labgate.providers.ChatMessage;
import io.labgate.providers.TokenEstimator;
import io.labgate.support.Api;
import io.labgate.support.Books;
import io.labgate.support.ProviderStubServer;
import io.labgate.support.ProviderStubServer.Reply;
import io.labgate.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monthly cost budget is a hard limit, enforced like the token limit: a call holds its most possible cost
 * (the prompt estimate and max_tokens at the model's price, an unpriced model at the fallback price) and settles
 * to what it really cost. The calls go through the real gateway to a provider stub whose billed usage the tests
 * choose, so each call's most and real cost are known to the micro-USD.
 */
@QuarkusTest
class MonthlyBudgetTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final String PROMPT = "hello";
    /** USD per 1M tokens: a call's cost in micro-USD is tokens × these. */
    private static final long INPUT_PRICE = 100;
    private static final long OUTPUT_PRICE = 400;

    private static ProviderStubServer stub;

    @Inject
    EntityManager em;

    @Inject
    TokenEstimator estimator;

    @Inject
    BudgetConfig budgets;

    @Inject
    LabgateConfig config;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void startStub() {
        stub = new ProviderStubServer();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @AfterEach
    void thaw() {
        TestClock.thaw();
    }

    /** A researcher on a plan of their own with {@code budgetUsd}, calling {@code model} on the stub. */
    private record Subject(Api.TestMember member, long accessId, long planId, String key, String model) {
    }

    /**
     * A plan with the budget, a provider setting on the stub whose answers bill {@code completionTokens} (and the
     * prompt as the gateway estimates it), a researcher on both; the model is priced unless {@code priced} is false.
     */
    private Subject subject(String budgetUsd, boolean priced, int maxTokens, long completionTokens,
                            long delayMillis) {
        String model = Api.unique("budget-model-");
        if (priced) {
            Api.asAdmin().body(Map.of("provider", "openai_compatible", "model", model, "input_per_mtok", INPUT_PRICE,
                    "output_per_mtok", OUTPUT_PRICE)).post("/api/admin/model-prices").then().statusCode(201);
        }
        String path = "/" + Api.unique("budget") + "/v1";
        stub.on("POST", path + "/chat/completions", Reply.json(200, completion(model, prompt(), completionTokens))
                .delayed(delayMillis));
        long planId = Api.asAdmin().body(Map.of("name", Api.unique("budget-plan"), "display_name",
                        Api.unique("Budget "), "monthly_cost", 0, "monthly_token_limit", 0, "daily_request_limit", 0,
                        "features", List.of("chatbot"), "monthly_budget_usd", new BigDecimal(budgetUsd)))
                .post("/api/admin/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        long settingId = Api.asAdmin().body(Map.of("name", Api.unique("budget-setting"), "provider",
                        "openai_compatible", "base_url", stub.baseUrl() + path, "api_key", "sk-budget-test-0001",
                        "model_name", model, "max_tokens", maxTokens, "hourly_limit", 0, "daily_limit", 0,
                        "monthly_limit", 0))
                .post("/api/admin/ai-settings").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.TestMember member = Api.newResearcher();
        long accessId = Api.asAdmin().body(Map.of("user_id", member.id(), "ai_plan_id", planId,
                        "ai_settings_id", settingId))
                .post("/api/admin/user-ai-access").then().statusCode(201).extract().jsonPath().getLong("id");
        String key = Api.as(member.token()).body(Map.of("name", "notebook")).post("/api/me/api-keys")
                .then().statusCode(201).extract().path("key");
        return new Subject(member, accessId, planId, key, model);
    }

    private static String completion(String model, long promptTokens, long completionTokens) {
        return "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"" + model + "\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],\"usage\":"
                + "{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens
                + ",\"total_tokens\":" + (promptTokens + completionTokens) + "}}";
    }

    /** The gateway's estimate of the prompt's tokens: what a call reserves as input. */
    private long prompt() {
        return estimator.promptTokens(List.of(new ChatMessage("user", PROMPT)));
    }

    /** A priced call's cost in micro-USD. */
    private static long priced(long promptTokens, long completionTokens) {
        return promptTokens * INPUT_PRICE + completionTokens * OUTPUT_PRICE;
    }

    /** An unpriced call's cost in micro-USD: every token at the fallback price. */
    private long unpriced(long tokens) {
        return budgets.fallbackUsdPerMtok().multiply(BigDecimal.valueOf(tokens)).longValueExact();
    }

    private static Response chat(Subject s) {
        return Api.as(s.member().token()).body(Map.of("messages", List.of(Map.of("role", "user", "content", PROMPT))))
                .post("/api/ai/chat");
    }

    /** {@code n} chats at once; returns their statuses. */
    private static List<Integer> burst(Subject s, int n) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return chat(s).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
            return statuses;
        }
    }

    private long number(String sql, Object param) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, param).getSingleResult()).longValue());
    }

    private long committedCost(Subject s) {
        return number("select cost_used_month_micros from user_ai_access where id = ?1", s.accessId());
    }

    /** What the member's usage rows cost, as the budget counts them: each row's cost, else the fallback price. */
    private long loggedCost(Subject s) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        select coalesce(sum(coalesce(ceil(cost * 1000000), ceil(total_tokens * ?2))), 0)
                          from usage_logs where member_id = ?1""")
                .setParameter(1, s.member().id()).setParameter(2, budgets.fallbackUsdPerMtok())
                .getSingleResult()).longValue());
    }

    private static void assertUsd(long micros, String usd) {
        assertEquals(0, BigDecimal.valueOf(micros, 6).compareTo(new BigDecimal(usd)), micros + " micro-USD, not " + usd);
    }

    /** N concurrent calls against room for exactly k: k are served, the others refused naming the budget. */
    private void race(String budgetUsd, boolean priced, int maxTokens, int calls) throws Exception {
        Subject s = subject(budgetUsd, priced, maxTokens, maxTokens, 0);
        long perCall = priced ? priced(prompt(), maxTokens) : unpriced(prompt() + maxTokens);
        long budget = new BigDecimal(budgetUsd).movePointRight(6).longValueExact();
        int fits = (int) (budget / perCall);
        assertTrue(fits >= 2 && fits * 4 < calls, "room for a few calls: " + fits);

        List<Integer> statuses = burst(s, calls);
        assertEquals(fits, statuses.stream().filter(st -> st == 200).count(), statuses.toString());
        assertEquals(calls - fits, statuses.stream().filter(st -> st == 429).count(), statuses.toString());
        Books.awaitWritten();
        assertEquals(fits, number("select count(*) from usage_logs where member_id = ?1 and status = 'ok'",
                s.member().id()));
        assertEquals(calls - fits, number("select count(*) from usage_logs where member_id = ?1 and status = 'refused'"
                + " and error = 'monthly_budget_limit'", s.member().id()));
        assertEquals(fits * perCall, committedCost(s), "the counter holds what the answered calls cost");
        assertEquals(loggedCost(s), committedCost(s), "counter and usage rows agree to the micro-USD");
        if (!priced) {
            assertEquals(0, number("select count(*) from usage_logs where member_id = ?1 and cost is not null",
                    s.member().id()), "the usage log keeps an unpriced call's cost unknown");
        }

        // The next call is refused, naming the budget, what the call needs and what is left, in USD.
        JsonPath refused = chat(s).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("error", equalTo("monthly_budget_limit")).extract().jsonPath();
        assertEquals(budgetUsd, refused.getString("params.limit"));
        assertEquals("USD", refused.getString("params.currency"));
        assertUsd(perCall, refused.getString("params.needed"));
        assertUsd(budget - fits * perCall, refused.getString("params.left"));
        assertTrue(refused.getInt("params.retry_after_seconds") > 0);
        ZonedDateTime resets = ZonedDateTime.parse(refused.getString("params.reset_at"));
        ZoneId zone = ZoneId.of(refused.getString("params.time_zone"));
        assertEquals(1, resets.withZoneSameInstant(zone).getDayOfMonth());
        assertEquals(0, resets.withZoneSameInstant(zone).getHour());
    }

    @Test
    void aBurstAgainstABudgetIsServedExactlyAsOftenAsItsMostCostFitsAndTheCounterEqualsTheRows() throws Exception {
        for (int round = 0; round < 3; round++) {
            race("0.05", true, 20, 40);   // about $0.009 a call (prompt at $100, 20 tokens at $400 per 1M): 5 fit
        }
    }

    @Test
    void anUnpricedModelCountsAtTheFallbackPriceNeverAsFree() throws Exception {
        for (int round = 0; round < 2; round++) {
            race("0.01", false, 300, 30); // about 310 tokens at the fallback $10 per 1M: about $0.0031, 3 fit
        }
    }

    @Test
    void aCallSettlesToWhatItCostAndALoweredBudgetRefusesTheNext() throws Exception {
        // max_tokens 20 reserved, 5 billed
        Subject s = subject("1.00", true, 20, 5, 0);
        chat(s).then().statusCode(200);
        Books.awaitWritten();
        long real = priced(prompt(), 5);
        assertEquals(real, committedCost(s), "settled to the real cost, not the reserved most");
        assertEquals(loggedCost(s), committedCost(s));
        assertEquals(0, number("select coalesce(sum(amount), 0) from quota_leases where counter = 'member_month_cost' "
                + "and subject_id = ?1 and amount < 0", s.accessId()), "no debt");
        Api.as(s.member().token()).get("/api/me/budget").then().statusCode(200)
                .body("spent_usd", equalTo(BigDecimal.valueOf(real, 6).floatValue()));

        // $0.01 leaves less than the most the next call may cost: refused at once, whatever this replica leased.
        Api.asAdmin().body(Map.of("monthly_budget_usd", new BigDecimal("0.01")))
                .patch("/api/admin/user-ai-access/" + s.accessId()).then().statusCode(200);
        long most = priced(prompt(), 20);
        assertTrue(10_000 - real < most);
        chat(s).then().statusCode(429).body("error", equalTo("monthly_budget_limit"))
                .body("params.limit", equalTo("0.01"))
                .body("params.left", equalTo(new BigDecimal(10_000 - real).movePointLeft(6).stripTrailingZeros()
                        .toPlainString()));
        // /v1 answers in OpenAI's shape, with OpenAI's one code for a spent quota.
        RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + s.key())
                .body(Map.of("model", s.model(), "messages", List.of(Map.of("role", "user", "content", PROMPT))))
                .post("/v1/chat/completions").then().statusCode(429)
                .body("error.code", equalTo("quota_exceeded")).body("error.type", equalTo("rate_limit_error"));

        // Back on the plan's $1.00: served again.
        Api.asAdmin().body(Map.of("follow_plan_budget", true)).patch("/api/admin/user-ai-access/" + s.accessId())
                .then().statusCode(200);
        chat(s).then().statusCode(200);
        Books.awaitWritten();
        assertEquals(2 * real, committedCost(s));
    }

    @Test
    void anAnswerThatCostMoreThanItReservedIsCountedInFullAndTheBudgetThenRefuses() throws Exception {
        // max_tokens 20 reserved, 30 billed (a provider that ignores max_tokens): about $0.013 a call in $0.03.
        Subject s = subject("0.03", true, 20, 30, 0);
        long real = priced(prompt(), 30);
        long most = priced(prompt(), 20);
        chat(s).then().statusCode(200);
        chat(s).then().statusCode(200);
        Books.awaitWritten();
        assertEquals(2 * real, committedCost(s), "the excess is counted, not dropped");
        assertEquals(loggedCost(s), committedCost(s));
        assertTrue(30_000 - 2 * real < most);
        chat(s).then().statusCode(429).body("error", equalTo("monthly_budget_limit"))
                .body("params.left", equalTo(new BigDecimal(30_000 - 2 * real).movePointLeft(6).stripTrailingZeros()
                        .toPlainString()));
        assertTrue(committedCost(s) + number("select coalesce(sum(amount), 0) from quota_leases "
                + "where counter = 'member_month_cost' and subject_id = ?1", s.accessId()) <= 30_000,
                "what is counted and leased stays within the budget");
    }

    @Test
    void aTimeOutAfterTheRequestWasSentCountsTheReservedMostCost() throws Exception {
        // The test profile's read time-out is 1 s: the provider got the request and may bill it.
        Subject s = subject("1.00", true, 20, 5, 2500);
        chat(s).then().statusCode(504).body("error", equalTo("provider_timeout"));
        Books.awaitWritten();
        assertEquals(priced(prompt(), 20), committedCost(s));
        assertEquals(loggedCost(s), committedCost(s));
    }

    @Test
    void resetUsageStartsTheBudgetAfresh() throws Exception {
        Subject s = subject("0.01", true, 20, 20, 0);   // about $0.009 a call: one fits
        chat(s).then().statusCode(200);
        chat(s).then().statusCode(429).body("error", equalTo("monthly_budget_limit"));
        Books.awaitWritten();
        Api.asAdmin().post("/api/admin/user-ai-access/" + s.accessId() + "/reset-usage").then().statusCode(200);
        assertEquals(0, committedCost(s));
        chat(s).then().statusCode(200);
        Books.awaitWritten();
        assertEquals(priced(prompt(), 20), committedCost(s));
    }

    @Test
    void aNewMonthStartsTheBudgetAfresh() throws Exception {
        ZonedDateTime now = ZonedDateTime.now(SEOUL);
        TestClock.freeze(now.toInstant());
        Subject s = subject("0.01", true, 20, 20, 0);
        chat(s).then().statusCode(200);
        chat(s).then().statusCode(429).body("error", equalTo("monthly_budget_limit"));
        Books.awaitWritten();

        TestClock.freeze(now.toLocalDate().withDayOfMonth(1).plusMonths(1).atTime(0, 0, 1).atZone(SEOUL).toInstant());
        chat(s).then().statusCode(200);
        Books.awaitWritten();
        assertEquals(priced(prompt(), 20), committedCost(s), "only the new month's call");
        Api.as(s.member().token()).get("/api/me/budget").then().statusCode(200)
                .body("spent_usd", equalTo(BigDecimal.valueOf(priced(prompt(), 20), 6).floatValue()));
        chat(s).then().statusCode(429).body("error", equalTo("monthly_budget_limit"));
    }

    @Test
    void theMigrationCountsWhatMembersHadSpentThisMonthBeforeIt() throws Exception {
        Subject s = subject("1.00", true, 20, 5, 0);
        chat(s).then().statusCode(200);
        chat(s).then().statusCode(200);
        Books.awaitWritten();
        long spent = committedCost(s);
        assertEquals(2 * priced(prompt(), 5), spent);
        ZonedDateTime monthStart = ZonedDateTime.now(SEOUL).toLocalDate().withDayOfMonth(1).atStartOfDay(SEOUL);
        long recounted;
        // In a transaction rolled back at the end: the other tests' members keep their counters.
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // An unpriced call this month (at the fallback price), one of last month (not counted), and the
                // counter as it was before the migration.
                insertUsage(c, s, monthStart.plusSeconds(1), null, 1234);
                insertUsage(c, s, monthStart.minusSeconds(1), new BigDecimal("5.000000"), 10);
                try (PreparedStatement q = c.prepareStatement("update user_ai_access set cost_used_month_micros = 0 "
                        + "where id = ?")) {
                    q.setLong(1, s.accessId());
                    q.executeUpdate();
                }
                try (Statement q = c.createStatement()) {
                    q.executeUpdate(backfill());
                }
                try (PreparedStatement q = c.prepareStatement("select cost_used_month_micros from user_ai_access "
                        + "where id = ?")) {
                    q.setLong(1, s.accessId());
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        recounted = rs.getLong(1);
                    }
                }
            } finally {
                c.rollback();
            }
        }
        assertEquals(spent + unpriced(1234), recounted);
    }

    /** V11's statement that fills the counter from the usage log, with the app's placeholders. */
    private String backfill() throws IOException {
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("db/migration/V11__hard_monthly_budget.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = sql.indexOf("UPDATE user_ai_access a");
            return sql.substring(start, sql.indexOf(';', start))
                    .replace("${time_zone}", config.timeZone())
                    .replace("${fallback_usd_per_mtok}", budgets.fallbackUsdPerMtok().toPlainString());
        }
    }

    private static void insertUsage(Connection c, Subject s, ZonedDateTime at, BigDecimal cost, long tokens)
            throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                insert into usage_logs (created_at, member_id, provider, model, request_type, channel, status,
                    stream, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens, total_tokens, cost)
                values (?, ?, 'openai_compatible', ?, 'chatbot', 'web', 'ok', false, ?, 0, 0, 0, ?, ?)
                """)) {
            q.setObject(1, at.toOffsetDateTime());
            q.setLong(2, s.member().id());
            q.setString(3, s.model());
            q.setLong(4, tokens);
            q.setLong(5, tokens);
            q.setBigDecimal(6, cost);
            q.executeUpdate();
        }
    }
}

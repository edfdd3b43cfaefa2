package io.labgate.alerts;

import io.labgate.support.Api;
import io.labgate.support.Books;
import io.labgate.support.GreenMailResource;
import io.labgate.support.ProviderStubServer;
import io.labgate.support.ProviderStubServer.Reply;
import io.labgate.support.TestClock;
import io.labgate.support.WebhookReceiver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules and channels as the super-admin edits them, tests of channels, key rejections, budgets and the bell. */
@QuarkusTest
class AlertAdminTest {

    private static ProviderStubServer stub;
    private static WebhookReceiver receiver;

    @Inject
    EntityManager em;

    @BeforeAll
    static void servers() {
        stub = new ProviderStubServer();
        stub.on("POST", "/ok/v1/chat/completions", Reply.json(200, AlertFixtures.COMPLETION));
        stub.on("POST", "/rejected/v1/chat/completions", Reply.json(401,
                "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}"));
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        stub.close();
        receiver.close();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        long rules = count("alert_rules");
        long channels = count("alert_channels");
        refused("/api/admin/alert-rules", Map.of("name", Api.unique("r"), "metric", "member_tokens",
                "thresholds", List.of(80, 0)), "thresholds[1]", "too_small");
        refused("/api/admin/alert-rules", Map.of("name", Api.unique("r"), "metric", "member_tokens",
                "thresholds", List.of(101)), "thresholds[0]", "too_large");
        refused("/api/admin/alert-rules", Map.of("name", Api.unique("r"), "metric", "tokens_per_hour"),
                "metric", "not_one_of");
        refused("/api/admin/alert-rules", Map.of("name", Api.unique("r"), "metric", "member_cost",
                "channel_ids", List.of(987654321)), "channel_ids[0]", "not_found");
        refused("/api/admin/alert-channels", Map.of("name", Api.unique("c"), "kind", "webhook",
                "url", "ftp://hooks.example/x", "secret", "s3cret-value"), "url", "invalid_url");
        refused("/api/admin/alert-channels", Map.of("name", Api.unique("c"), "kind", "webhook",
                "url", "https://hooks.example/x"), "secret", "required");
        refused("/api/admin/alert-channels", Map.of("name", Api.unique("c"), "kind", "email",
                "recipients", List.of("ops@lab.example", "not an address")), "recipients[1]", "invalid_email");
        refused("/api/admin/alert-channels", Map.of("name", Api.unique("c"), "kind", "email"), "recipients",
                "required");
        refused("/api/admin/plans", Map.of("name", Api.unique("p"), "display_name", "P", "monthly_cost", 0,
                "monthly_token_limit", 0, "daily_request_limit", 0, "features", List.of("chatbot"),
                "budget_soft_percent", 0), "budget_soft_percent", "too_small");
        assertEquals(rules, count("alert_rules"));
        assertEquals(channels, count("alert_channels"));
    }

    @Test
    void channelSecretsAreWriteOnlyAndEncrypted() {
        String secret = "whsec-never-shown-" + Api.unique("");
        JsonPath created = Api.asAdmin().body(Map.of("name", Api.unique("hook"), "kind", "webhook",
                        "url", receiver.url("/write-only"), "secret", secret, "format", "json"))
                .post("/api/admin/alert-channels").then().statusCode(201)
                .body(not(containsString(secret))).body("has_secret", equalTo(true)).extract().jsonPath();
        long id = created.getLong("id");
        Api.asAdmin().body(Map.of("name", created.getString("name"), "kind", "webhook", "url", receiver.url("/moved")))
                .put("/api/admin/alert-channels/" + id).then().statusCode(200)
                .body("has_secret", equalTo(true)).body("url", equalTo(receiver.url("/moved")));
        Api.asAdmin().get("/api/admin/alert-channels").then().statusCode(200).body(not(containsString(secret)));
        Api.asAdmin().get("/api/admin/audit-log?entity_type=alert_channel&size=200").then().statusCode(200)
                .body(not(containsString(secret)));
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "select secret_encrypted from alert_channels where id = ?1").setParameter(1, id).getSingleResult());
        assertTrue(stored.startsWith("v1:") && !stored.contains(secret));
        // The stored secret still signs: a test delivery verifies with it.
        int before = receiver.received().size();
        Api.asAdmin().post("/api/admin/alert-channels/" + id + "/test").then().statusCode(200)
                .body("[0].status", equalTo("sent")).body("[0].attempts", equalTo(1));
        WebhookReceiver.Received test = receiver.received().get(before);
        assertEquals("sha256=" + WebhookSender.sign(secret, test.header("X-LabGate-Timestamp"), test.body()),
                test.header("X-LabGate-Signature"));
        assertTrue(test.body().contains("\"type\":\"alert.test\""));
    }

    @Test
    void aTestEmailGoesThroughTheChannelsOwnServerWithItsPasswordAndReportsFailures() throws Exception {
        String to = Api.unique("smtp-test") + "@lab.example";
        Map<String, Object> body = new HashMap<>(Map.of("name", Api.unique("own-smtp"), "kind", "email",
                "recipients", List.of(to), "language", "en", "smtp_host", "127.0.0.1",
                "smtp_port", GreenMailResource.smtp().getSmtp().getPort(), "smtp_username", GreenMailResource.USER,
                "smtp_from", "alerts@lab.example", "secret", GreenMailResource.PASSWORD));
        long id = AlertFixtures.channel(body);
        Api.asAdmin().post("/api/admin/alert-channels/" + id + "/test").then().statusCode(200)
                .body("", hasSize(1)).body("[0].status", equalTo("sent")).body("[0].recipient", equalTo(to));
        List<MimeMessage> got = UsageAlertsTest.mails(to);
        assertEquals(1, got.size());
        assertEquals("[LabGate] Alert channel test", got.getFirst().getSubject());

        body.put("secret", "a-wrong-password");
        Api.asAdmin().body(body).put("/api/admin/alert-channels/" + id).then().statusCode(200);
        Api.asAdmin().post("/api/admin/alert-channels/" + id + "/test").then().statusCode(200)
                .body("[0].status", equalTo("failed")).body("[0].last_error", not(containsString("a-wrong-password")));
        Api.asAdmin().get("/api/admin/alert-deliveries?channel_id=" + id).then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].status", equalTo("failed"))
                .body("items[0].is_test", equalTo(true));
    }

    @Test
    void aRejectedKeyIsAnnouncedOncePerRunOfRejectionsAndAgainAfterTheKeyIsReplaced() throws Exception {
        AlertFixtures.Subject s = AlertFixtures.subject(stub, "/rejected/v1", Map.of());
        long rule = AlertFixtures.rule(Map.of("name", Api.unique("key"), "metric", "provider_key_rejected",
                "ai_settings_id", s.settingId()));
        assertEquals(List.of(502, 502), AlertFixtures.chats(s.member(), 2));
        AlertFixtures.await("the admin hears", () -> !AlertFixtures.notifications(Api.adminToken(), rule).isEmpty());
        assertEquals(List.of(502), AlertFixtures.chats(s.member(), 1));
        Thread.sleep(500);
        List<Map<String, Object>> heard = AlertFixtures.notifications(Api.adminToken(), rule);
        assertEquals(1, heard.size());
        assertEquals("provider_key_rejected", heard.getFirst().get("code"));
        assertTrue(AlertFixtures.notifications(s.member().token(), rule).isEmpty(), "a setting is the admin's");

        JsonPath setting = Api.asAdmin().get("/api/admin/ai-settings/" + s.settingId()).then().extract().jsonPath();
        Map<String, Object> replace = new HashMap<>(setting.getMap(""));
        replace.keySet().retainAll(List.of("name", "provider", "base_url", "model_name", "max_tokens"));
        replace.put("api_key", "sk-alerts-test-0002");
        Api.asAdmin().body(replace).put("/api/admin/ai-settings/" + s.settingId()).then().statusCode(200);
        assertEquals(List.of(502), AlertFixtures.chats(s.member(), 1));
        AlertFixtures.await("a second run is announced", () -> AlertFixtures.notifications(Api.adminToken(), rule).size() == 2);
    }

    @Test
    void aBudgetCountsUnpricedCallsAtTheFallbackPriceAndWarnsTheMemberInTheirLanguage() throws Exception {
        AlertFixtures.Subject s = AlertFixtures.subject(stub, "/ok/v1", Map.of("monthly_budget_usd", 0.01,
                "budget_soft_percent", 50));
        Api.as(s.member().token()).body(Map.of("language", "en")).put("/api/me/language").then().statusCode(200)
                .body("language", equalTo("en"));
        long mail = AlertFixtures.channel(Map.of("name", Api.unique("members"), "kind", "email", "notify_member", true));
        long rule = AlertFixtures.rule(Map.of("name", Api.unique("cost"), "metric", "member_cost",
                "thresholds", List.of(100), "plan_id", s.planId(), "channel_ids", List.of(mail)));
        // 5 calls of an unpriced model, 100 tokens each at the fallback of $10 per 1M: $0.005 of $0.01.
        assertEquals(List.of(200, 200, 200, 200, 200), AlertFixtures.chats(s.member(), 5));
        Books.awaitWritten();
        Api.as(s.member().token()).get("/api/me/budget").then().statusCode(200)
                .body("monthly_budget_usd", equalTo(0.01f)).body("source", equalTo("plan"))
                .body("spent_usd", equalTo(0.005f)).body("percent", equalTo(50.0f))
                .body("unpriced_calls", equalTo(5)).body("soft_percent", equalTo(50));
        String address = Api.as(s.member().token()).get("/api/auth/me").then().extract().path("email");
        AlertFixtures.await("the member's e-mail", () -> !UsageAlertsTest.mails(address).isEmpty());
        assertEquals("[LabGate] " + s.member().username() + " reached 50% of the monthly budget",
                UsageAlertsTest.mails(address).getFirst().getSubject());
        List<Map<String, Object>> mine = AlertFixtures.notifications(s.member().token(), rule);
        assertEquals(1, mine.size());
        assertEquals(50, ((Map<?, ?>) mine.getFirst().get("params")).get("threshold"));

        // The member's own budget overrides the plan's, until they follow the plan again.
        Api.asAdmin().body(Map.of("monthly_budget_usd", 1.5)).patch("/api/admin/user-ai-access/" + s.accessId())
                .then().statusCode(200).body("monthly_budget_usd", equalTo(1.5f))
                .body("plan.monthly_budget_usd", equalTo(0.01f));
        Api.as(s.member().token()).get("/api/me/budget").then().body("monthly_budget_usd", equalTo(1.5f))
                .body("source", equalTo("member"));
        Api.asAdmin().body(Map.of("follow_plan_budget", true)).patch("/api/admin/user-ai-access/" + s.accessId())
                .then().statusCode(200).body("monthly_budget_usd", equalTo(null));
    }

    @Test
    void aProviderFailingAboveTheRateOverTheSpanIsAnnouncedOnce() throws Exception {
        // 4 answers, then only 500s and 429s (each call tried 3 times, at once: Retry-After-Ms 1).
        List<Reply> replies = new ArrayList<>(List.of(ok(), ok(), ok(), ok()));
        for (int i = 0; i < 30; i++) {
            replies.add(Reply.json(i % 2 == 0 ? 500 : 429, "{\"error\":{\"message\":\"busy\"}}")
                    .header("Retry-After-Ms", "1"));
        }
        stub.on("POST", "/flaky/v1/chat/completions", replies.toArray(Reply[]::new));
        TestClock.freeze(java.time.Instant.now()); // one hour's window throughout
        try {
            AlertFixtures.Subject s = AlertFixtures.subject(stub, "/flaky/v1", Map.of());
            long rule = AlertFixtures.rule(Map.of("name", Api.unique("errors"), "metric", "provider_error_rate",
                    "thresholds", List.of(50), "min_calls", 10, "ai_settings_id", s.settingId()));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.addAll(AlertFixtures.chats(s.member(), 1));
            }
            assertEquals(List.of(200, 200, 200, 200, 502, 503, 502, 503), statuses, "the stub answered in order");
            Books.awaitWritten();
            Thread.sleep(500);
            assertTrue(AlertFixtures.notifications(Api.adminToken(), rule).isEmpty(),
                    "4 failures of 8 calls: fewer than the rule's 10 calls are not judged");
            // 6 failures of 10 calls: 60 %, over the rule's 50 %.
            AlertFixtures.chats(s.member(), 1);
            AlertFixtures.chats(s.member(), 1);
            AlertFixtures.await("the admin hears", () -> !AlertFixtures.notifications(Api.adminToken(), rule).isEmpty());
            for (int i = 0; i < 3; i++) {
                AlertFixtures.chats(s.member(), 1);
            }
            Books.awaitWritten();
            Thread.sleep(500);
            List<Map<String, Object>> heard = AlertFixtures.notifications(Api.adminToken(), rule);
            assertEquals(1, heard.size(), "once per threshold in the window, however many more calls fail");
            assertEquals("provider_error_rate", heard.getFirst().get("code"));
            Map<?, ?> params = (Map<?, ?>) heard.getFirst().get("params");
            assertEquals(50, params.get("threshold"));
            assertTrue(AlertFixtures.notifications(s.member().token(), rule).isEmpty(), "a provider is the admin's");
        } finally {
            TestClock.thaw();
        }
    }

    private static Reply ok() {
        return Reply.json(200, AlertFixtures.COMPLETION);
    }

    @Test
    void notificationsAreTheCallersOwnAndCanBeMarkedRead() throws Exception {
        AlertFixtures.Subject s = AlertFixtures.subject(stub, "/ok/v1", Map.of("daily_request_limit", 4));
        long rule = AlertFixtures.rule(Map.of("name", Api.unique("reqs"), "metric", "member_requests",
                "thresholds", List.of(25, 50), "plan_id", s.planId()));
        AlertFixtures.chats(s.member(), 1);
        AlertFixtures.await("25 %", () -> AlertFixtures.notifications(s.member().token(), rule).size() == 1);
        AlertFixtures.chats(s.member(), 1);
        AlertFixtures.await("50 %", () -> AlertFixtures.notifications(s.member().token(), rule).size() == 2);
        JsonPath page = Api.as(s.member().token()).get("/api/notifications").then().statusCode(200).extract().jsonPath();
        assertEquals(2, page.getInt("unread"));
        long newest = page.getLong("items[0].id");
        Api.asAdmin().post("/api/notifications/" + newest + "/read").then().statusCode(404);
        Api.as(s.member().token()).post("/api/notifications/" + newest + "/read").then().statusCode(200)
                .body("read_at", not(equalTo(null)));
        Api.as(s.member().token()).get("/api/notifications?unread_only=true").then()
                .body("unread", equalTo(1)).body("items", hasSize(1));
        Api.as(s.member().token()).post("/api/notifications/read-all").then().statusCode(200).body("marked", equalTo(1));
        Api.as(s.member().token()).get("/api/notifications").then().body("unread", equalTo(0));
        assertFalse(AlertFixtures.notifications(Api.adminToken(), rule).isEmpty(), "the admin hears too");
    }

    private static void refused(String path, Map<String, Object> body, String field, String code) {
        Api.asAdmin().body(body).post(path).then().statusCode(400).body("error", equalTo("validation_failed"))
                .body("violations[0].field", equalTo(field)).body("violations[0].code", equalTo(code));
    }

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }
}

package io.labgate.quota;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.labgate.alerts.WebhookSender;
import io.labgate.support.AppReplica;
import io.labgate.support.ExternalPostgres;
import io.labgate.support.ProviderStubServer;
import io.labgate.support.ProviderStubServer.Reply;
import io.labgate.support.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of the packaged app on one real PostgreSQL, as a cluster runs them: quotas stay exact across
 * them (each reserves against its own leases), a replica killed mid-burst overspends nothing and its leases are
 * forfeited, and one stopped with SIGTERM answers and logs every call it accepted and returns its leases.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(10)).build();
    private static final String ADMIN_PASSWORD = "replica-admin-password";
    private static final String COMPLETION = "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":"
            + "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}";

    private ExternalPostgres pg;
    private ProviderStubServer stub;
    private GreenMail smtp;
    private Map<String, String> env;
    private AppReplica a;
    private AppReplica b;
    private String adminToken;

    @BeforeAll
    void startCluster() throws Exception {
        pg = ExternalPostgres.start();
        stub = new ProviderStubServer();
        stub.on("POST", "/fast/v1/chat/completions", Reply.json(200, COMPLETION));
        stub.on("POST", "/slow/v1/chat/completions", Reply.json(200, COMPLETION).delayed(1500));
        Path secrets = Files.createTempDirectory("labgate-replica-secrets");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair jwt = generator.generateKeyPair();
        Files.writeString(secrets.resolve("jwt-private.pem"), pem("PRIVATE KEY", jwt.getPrivate().getEncoded()));
        Files.writeString(secrets.resolve("jwt-public.pem"), pem("PUBLIC KEY", jwt.getPublic().getEncoded()));
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        env = new HashMap<>(Map.of(
                "QUARKUS_PROFILE", "prod",
                "QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "unused",
                "LABGATE_MASTER_KEY", "v1:" + Base64.getEncoder().encodeToString(master),
                "LABGATE_JWT_PUBLIC_KEY_LOCATION", secrets.resolve("jwt-public.pem").toString(),
                "LABGATE_JWT_PRIVATE_KEY_LOCATION", secrets.resolve("jwt-private.pem").toString(),
                "LABGATE_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "LABGATE_QUOTA_HEARTBEAT_EVERY", "1s",
                "LABGATE_QUOTA_REPLICA_GRACE", "PT10S"));
        env.put("LABGATE_DATA_DIR", secrets.resolve("data").toString());
        smtp = new GreenMail(new ServerSetup(ExternalPostgres.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(smtp.getSmtp().getPort()));
        // Both at once on an empty database: Flyway's lock and the first-admin bootstrap must hold.
        a = AppReplica.start("replica-a", env);
        b = AppReplica.start("replica-b", env);
        a.awaitReady(Duration.ofSeconds(120));
        b.awaitReady(Duration.ofSeconds(120));
        adminToken = login(a, "admin", ADMIN_PASSWORD);
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (AutoCloseable c : new AutoCloseable[]{a, b, stub, pg}) {
            if (c != null) {
                c.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    @Order(1)
    void twoReplicasStartedTogetherMigrateOnceAndCreateOneAdmin() throws Exception {
        assertEquals(List.of(), a.ownDatabaseTraces(), "given a database, a replica starts no PostgreSQL of its own");
        assertEquals(List.of(), b.ownDatabaseTraces(), "given a database, a replica starts no PostgreSQL of its own");
        assertEquals(1, count("select count(*) from members where role = 'superadmin'"));
        assertEquals(0, count("select count(*) from flyway_schema_history where not success"));
        assertEquals(count("select count(distinct version) from flyway_schema_history where version is not null"),
                count("select count(*) from flyway_schema_history where version is not null"));
        assertEquals(2, count("select count(*) from gateway_replicas"));
    }

    @Test
    @Order(2)
    void aBurstSpreadOverBothReplicasIsServedExactlyAsOftenAsTheQuotaAllows() throws Exception {
        Subject s = subject("fast", 37);
        int hitsBefore = stub.received().size();
        List<Integer> statuses = burst(500, i -> i % 2 == 0 ? a : b, s);
        assertEquals(37, statuses.stream().filter(st -> st == 200).count(), histogram(statuses));
        assertEquals(463, statuses.stream().filter(st -> st == 429).count(), histogram(statuses));
        assertEquals(37, stub.received().size() - hitsBefore, "upstream calls");
        awaitLogged(s, 500);
        assertEquals(37, count("select count(*) from usage_logs where member_id = ? and status = 'ok'", s.memberId));
        // Refusals are booked too, a flush after they were answered.
        assertEquals(463, eventually(463, "select count(*) from usage_logs where member_id = ? and status = 'refused'",
                s.memberId));
        assertEquals(37, count("select requests from setting_usage_windows where ai_settings_id = ? "
                + "and window_kind = 'day'", s.settingId));
        assertEquals(37, count("select requests_today from user_ai_access where member_id = ?", s.memberId));
        assertEquals(37 * 15, count("select tokens_used_month from user_ai_access where member_id = ?", s.memberId));
        assertEquals(37 * 15, count("select sum(total_tokens) from usage_logs where member_id = ?", s.memberId));
        assertEquals(0, count("select coalesce(sum(amount), 0) from quota_leases where subject_id = ? "
                + "and counter = 'setting_day_requests'", s.settingId), "every lease granted was used");
    }

    @Test
    @Order(3)
    void aMonthlyBudgetHoldsExactlyAcrossBothReplicas() throws Exception {
        // Priced so that a call costs what it reserves, whatever the prompt: input free, 50 tokens (max_tokens) of
        // output at $100 per 1M = $0.005, and the stub bills exactly those 50. $0.10 is room for 20 calls.
        String model = "budget-" + System.nanoTime();
        stub.on("POST", "/budget/v1/chat/completions", Reply.json(200, COMPLETION.replace("\"model\":\"m\"",
                "\"model\":\"" + model + "\"").replace("\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15",
                "\"prompt_tokens\":12,\"completion_tokens\":50,\"total_tokens\":62")));
        post(b, "/api/admin/model-prices", adminToken, Map.of("provider", "openai_compatible", "model", model,
                "input_per_mtok", 0, "output_per_mtok", 100));
        JsonNode plan = post(b, "/api/admin/plans", adminToken, Map.of("name", "budget-" + System.nanoTime(),
                "display_name", "Budget " + System.nanoTime(), "monthly_cost", 0, "monthly_token_limit", 0,
                "daily_request_limit", 0, "features", List.of("chatbot"), "monthly_budget_usd", 0.10));
        JsonNode setting = post(b, "/api/admin/ai-settings", adminToken, Map.of("name", "budget-" + System.nanoTime(),
                "provider", "openai_compatible", "base_url", stub.baseUrl() + "/budget/v1", "api_key", "sk-replicas-0003",
                "model_name", model, "max_tokens", 50, "hourly_limit", 0, "daily_limit", 0, "monthly_limit", 0));
        String username = "budget" + System.nanoTime();
        JsonNode member = post(b, "/api/admin/members", adminToken, Map.of("username", username,
                "email", username + "@lab.example", "password", "password-" + username, "role", "researcher"));
        JsonNode access = post(b, "/api/admin/user-ai-access", adminToken, Map.of("user_id", member.path("id").asLong(),
                "ai_plan_id", plan.path("id").asLong(), "ai_settings_id", setting.path("id").asLong()));
        Subject s = new Subject(member.path("id").asLong(), setting.path("id").asLong(),
                login(a, username, "password-" + username));

        List<Integer> statuses = burst(200, i -> i % 2 == 0 ? a : b, s);
        assertEquals(20, statuses.stream().filter(st -> st == 200).count(), histogram(statuses));
        assertEquals(180, statuses.stream().filter(st -> st == 429).count(), histogram(statuses));
        awaitLogged(s, 200);
        assertEquals(180, eventually(180, "select count(*) from usage_logs where member_id = ? and status = 'refused' "
                + "and error = 'monthly_budget_limit'", s.memberId));
        long accessId = access.path("id").asLong();
        assertEquals(20 * 5_000, count("select cost_used_month_micros from user_ai_access where id = ?", accessId),
                "the counter holds exactly what was served, in micro-USD");
        assertEquals(20 * 5_000, count("select sum(ceil(cost * 1000000))::bigint from usage_logs where member_id = ?",
                s.memberId), "and so do the usage rows");
        assertTrue(count("select cost_used_month_micros from user_ai_access where id = ?", accessId)
                + count("select coalesce(sum(amount), 0) from quota_leases where counter = 'member_month_cost' "
                + "and subject_id = ?", accessId) <= 100_000, "committed + leases within the budget");
    }

    @Test
    @Order(4)
    void aReplicaKilledMidBurstOverspendsNothingAndTheOtherServesWhatIsLeft() throws Exception {
        Subject s = subject("slow", 30);
        int hitsBefore = stub.received().size();
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<Integer>> onA = new ArrayList<>();
        List<Future<Integer>> onB = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            onA.add(clients.submit(() -> chat(a, s)));
            onB.add(clients.submit(() -> chat(b, s)));
        }
        Thread.sleep(700);           // every call is with the provider now (it answers after 1.5 s)
        a.kill();
        int servedByB = 0;
        for (Future<Integer> f : onB) {
            servedByB += f.get() == 200 ? 1 : 0;
        }
        for (Future<Integer> f : onA) {
            assertTrue(f.get() != 200, "replica A was killed before it could answer");
        }
        // A's leases are forfeited once A has been silent for the grace period (10 s here).
        long forfeited = awaitForfeited(s);
        awaitAnswered(s, servedByB);
        long counted = count("select requests from setting_usage_windows where ai_settings_id = ? "
                + "and window_kind = 'day'", s.settingId);
        long ok = count("select count(*) from usage_logs where member_id = ? and status = 'ok'", s.memberId);
        assertEquals(servedByB, ok);
        assertEquals(counted, ok, "every counted request has its usage row");
        assertTrue(forfeited > 0, "what A held — its calls in flight among it — is counted as spent");
        assertTrue(counted + leased(s) <= 30, "never an overspend: " + counted + " + " + leased(s));
        assertTrue(stub.received().size() - hitsBefore <= 30, "the provider was called at most as often as allowed");

        // The survivor serves exactly what is left, and not one call more.
        List<Integer> more = burst(40, i -> b, s);
        long served = more.stream().filter(st -> st == 200).count();
        assertEquals(30 - counted - forfeited, served, histogram(more));
        awaitAnswered(s, servedByB + served);
        assertEquals(30 - forfeited, count("select requests from setting_usage_windows where ai_settings_id = ? "
                + "and window_kind = 'day'", s.settingId));
    }

    @Test
    @Order(5)
    void aReplicaStoppedWithSigtermAnswersAndLogsEveryCallItAccepted() throws Exception {
        try (AppReplica c = AppReplica.start("replica-c", env)) {
            c.awaitReady(Duration.ofSeconds(120));
            Subject s = subject("slow", 0);
            ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                calls.add(clients.submit(() -> chat(c, s)));
            }
            Thread.sleep(700);
            c.terminate(Duration.ofSeconds(60));
            for (Future<Integer> call : calls) {
                assertEquals(200, call.get(), "an accepted call is answered during a graceful stop");
            }
            assertEquals(30, count("select count(*) from usage_logs where member_id = ? and status = 'ok'", s.memberId));
            assertEquals(30, count("select requests_today from user_ai_access where member_id = ?", s.memberId));
            assertEquals(0, count("select count(*) from quota_leases l join user_ai_access x on x.id = l.subject_id "
                    + "where x.member_id = ? and l.counter like 'member%'", s.memberId), "C returned its leases");
        }
    }

    @Test
    @Order(6)
    void aThresholdCrossedThroughBothReplicasIsAnnouncedOnceOnEveryChannelAndPushedToATabOnEither() throws Exception {
        String completion = COMPLETION.replace("\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15",
                "\"prompt_tokens\":90,\"completion_tokens\":10,\"total_tokens\":100");
        stub.on("POST", "/hundred/v1/chat/completions", Reply.json(200, completion));
        try (AppReplica d = AppReplica.start("replica-d", env); WebhookReceiver receiver = new WebhookReceiver()) {
            d.awaitReady(Duration.ofSeconds(120));
            JsonNode plan = post(b, "/api/admin/plans", adminToken, Map.of("name", "alerts-" + System.nanoTime(),
                    "display_name", "Alerts " + System.nanoTime(), "monthly_cost", 0, "monthly_token_limit", 1000,
                    "daily_request_limit", 0, "features", List.of("chatbot")));
            JsonNode setting = post(b, "/api/admin/ai-settings", adminToken, Map.of("name", "alerts-" + System.nanoTime(),
                    "provider", "openai_compatible", "base_url", stub.baseUrl() + "/hundred/v1", "api_key", "sk-replicas-0002",
                    "model_name", "m", "max_tokens", 20, "hourly_limit", 0, "daily_limit", 0, "monthly_limit", 0));
            String username = "alerts" + System.nanoTime();
            JsonNode member = post(b, "/api/admin/members", adminToken, Map.of("username", username,
                    "email", username + "@lab.example", "password", "password-" + username, "role", "researcher"));
            post(b, "/api/admin/user-ai-access", adminToken, Map.of("user_id", member.path("id").asLong(),
                    "ai_plan_id", plan.path("id").asLong(), "ai_settings_id", setting.path("id").asLong()));
            Subject s = new Subject(member.path("id").asLong(), setting.path("id").asLong(),
                    login(d, username, "password-" + username));
            long hook = post(b, "/api/admin/alert-channels", adminToken, Map.of("name", "hook-" + System.nanoTime(),
                    "kind", "webhook", "url", receiver.url("/replicas"), "secret", "whsec-replicas-0123")).path("id").asLong();
            long mail = post(b, "/api/admin/alert-channels", adminToken, Map.of("name", "mail-" + System.nanoTime(),
                    "kind", "email", "recipients", List.of("ops-replicas@lab.example"))).path("id").asLong();
            long rule = post(b, "/api/admin/alert-rules", adminToken, Map.of("name", "tokens-" + System.nanoTime(),
                    "metric", "member_tokens", "plan_id", plan.path("id").asLong(), "channel_ids", List.of(hook, mail)))
                    .path("id").asLong();
            java.util.concurrent.BlockingQueue<String> pushed = new java.util.concurrent.LinkedBlockingQueue<>();
            HttpResponse<java.util.stream.Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(
                            URI.create(d.url("/api/notifications/stream"))).header("Authorization", "Bearer " + s.token())
                    .build(), HttpResponse.BodyHandlers.ofLines());
            Thread.ofVirtual().start(() -> stream.body().filter(l -> l.startsWith("data:") && l.contains("rule_id"))
                    .forEach(pushed::add));

            // 8 calls spread over both replicas, 100 tokens each: 800 of 1,000.
            served(8, i -> i % 2 == 0 ? b : d, s);
            awaitAlerts(receiver, rule, s, 1);
            assertTrue(pushed.poll(5, java.util.concurrent.TimeUnit.SECONDS) != null,
                    "the member's tab on replica D heard of it, whichever replica fired");
            WebhookReceiver.Received first = receiver.received().getFirst();
            assertEquals("sha256=" + WebhookSender.sign("whsec-replicas-0123", first.header("X-LabGate-Timestamp"),
                    first.body()), first.header("X-LabGate-Signature"));

            // 3 more: past the limit, 100 % once more.
            served(3, i -> i % 2 == 0 ? d : b, s);
            awaitAlerts(receiver, rule, s, 2);
            stream.body().close();
        }
    }

    /**
     * {@code calls} answered calls: a burst, topped up one by one for any that failed before an answer (a provider
     * connection dropped while idle fails a call without counting anything).
     */
    private void served(int calls, Router router, Subject s) throws Exception {
        List<Integer> statuses = burst(calls, router, s);
        long ok = statuses.stream().filter(st -> st == 200).count();
        assertTrue(statuses.stream().allMatch(st -> st == 200 || st == 502), histogram(statuses));
        for (int i = 0; ok < calls && i < 5; i++) {
            ok += chat(router.replicaFor(i), s) == 200 ? 1 : 0;
        }
        assertEquals(calls, ok, histogram(statuses));
    }

    /** Waits until the alert is announced {@code times} times, then checks that no replica announced it twice. */
    private void awaitAlerts(WebhookReceiver receiver, long rule, Subject s, int times) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline && (receiver.received().size() < times || mails() < times
                || count("select count(*) from notifications n join alert_firings f on f.id = n.firing_id "
                + "where f.rule_id = ? and n.member_id = ?", rule, s.memberId) < times)) {
            Thread.sleep(100);
        }
        Thread.sleep(1500); // the other replica's late evaluation, if it were to send too
        assertEquals(times, receiver.received().size(), "webhooks");
        assertEquals(times, mails(), "e-mails");
        assertEquals(times, count("select count(*) from notifications n join alert_firings f on f.id = n.firing_id "
                + "join members m on m.id = n.member_id where f.rule_id = ? and m.role = 'superadmin'", rule), "admin's");
        assertEquals(times, count("select count(*) from notifications n join alert_firings f on f.id = n.firing_id "
                + "where f.rule_id = ? and n.member_id = ?", rule, s.memberId), "member's");
        assertEquals(2L * times, count("select count(*) from alert_deliveries d join alert_firings f on f.id = d.firing_id "
                + "where f.rule_id = ? and d.status = 'sent'", rule), "deliveries (a webhook and an e-mail each) logged as sent");
    }

    private int mails() {
        return (int) java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return java.util.Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals("ops-replicas@lab.example"));
            } catch (Exception e) {
                return false;
            }
        }).count();
    }

    private record Subject(long memberId, long settingId, String token) {
    }

    private static String histogram(List<Integer> statuses) {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        statuses.forEach(st -> counts.merge(st, 1, Integer::sum));
        return "statuses: " + counts;
    }

    private Subject subject(String path, int dailyLimit) throws Exception {
        JsonNode setting = post(b, "/api/admin/ai-settings", adminToken, Map.of("name", "replicas-" + path + "-"
                        + System.nanoTime(), "provider", "openai_compatible", "base_url", stub.baseUrl() + "/" + path + "/v1",
                "api_key", "sk-replicas-0001", "model_name", "m", "max_tokens", 50, "temperature", 0.5,
                "hourly_limit", 0, "daily_limit", dailyLimit, "monthly_limit", 0));
        String username = "r" + System.nanoTime();
        JsonNode member = post(b, "/api/admin/members", adminToken, Map.of("username", username,
                "email", username + "@lab.example", "password", "password-" + username, "role", "researcher",
                "first_name", "Rep", "last_name", "Lica"));
        JsonNode plans = get(b, "/api/admin/plans", adminToken);
        long planId = 0;
        for (JsonNode plan : plans) {
            if (plan.path("name").asText().equals("enterprise")) {
                planId = plan.path("id").asLong();
            }
        }
        post(b, "/api/admin/user-ai-access", adminToken, Map.of("user_id", member.path("id").asLong(),
                "ai_plan_id", planId, "ai_settings_id", setting.path("id").asLong()));
        return new Subject(member.path("id").asLong(), setting.path("id").asLong(),
                login(b, username, "password-" + username));
    }

    private interface Router {
        AppReplica replicaFor(int call);
    }

    /** Fires all calls at once, each at the replica the router names; returns their statuses. */
    private List<Integer> burst(int calls, Router router, Subject s) throws Exception {
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            AppReplica target = router.replicaFor(i);
            futures.add(clients.submit(() -> {
                go.await();
                return chat(target, s);
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : futures) {
            statuses.add(f.get());
        }
        return statuses;
    }

    private static int chat(AppReplica replica, Subject s) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(replica.url("/api/ai/chat")))
                    .header("Authorization", "Bearer " + s.token()).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        } catch (Exception e) {
            return -1;   // the connection broke (a killed replica)
        }
    }

    /** Until {@code calls} of the member (refusals included) are in the usage log; they trail by a flush. */
    private void awaitLogged(Subject s, long calls) throws Exception {
        assertEquals(calls, eventually(calls, "select count(*) from usage_logs where member_id = ?", s.memberId),
                "usage rows of member " + s.memberId);
    }

    /** Until {@code calls} answered calls of the member are in the usage log. */
    private void awaitAnswered(Subject s, long calls) throws Exception {
        assertEquals(calls, eventually(calls, "select count(*) from usage_logs where member_id = ? and status = 'ok'",
                s.memberId), "answered calls of member " + s.memberId);
    }

    /** What leases hold on the setting's day, over all replicas. */
    private long leased(Subject s) throws Exception {
        return count("select coalesce(sum(amount), 0) from quota_leases where subject_id = ? "
                + "and counter = 'setting_day_requests'", s.settingId);
    }

    /** Waits until a lease on the setting's day has been forfeited; returns what the forfeited leases hold. */
    private long awaitForfeited(Subject s) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            if (count("select count(*) from quota_leases where subject_id = ? and counter = 'setting_day_requests' "
                    + "and forfeited_at is not null", s.settingId) > 0) {
                return count("select coalesce(sum(amount), 0) from quota_leases where subject_id = ? "
                        + "and counter = 'setting_day_requests' and forfeited_at is not null", s.settingId);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no lease of the killed replica was forfeited within 40 s");
    }

    /** The count once it reaches {@code expected}, or what it is after 10 s. */
    private long eventually(long expected, String sql, Object... params) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long value = count(sql, params);
        while (value != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = count(sql, params);
        }
        return value;
    }

    private long count(String sql, Object... params) throws Exception {
        try (Connection c = pg.connect(); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String login(AppReplica replica, String username, String password) throws Exception {
        return post(replica, "/api/auth/login", null, Map.of("username", username, "password", password))
                .path("access_token").asText();
    }

    private static JsonNode get(AppReplica replica, String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(replica.url(path))).header("Authorization", "Bearer " + token)
                .GET().build());
    }

    private static JsonNode post(AppReplica replica, String path, String token, Map<String, Object> body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica.url(path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private static JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}

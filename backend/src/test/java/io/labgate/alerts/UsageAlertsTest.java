package io.labgate.alerts;

import io.labgate.support.Api;
import io.labgate.support.Books;
import io.labgate.support.GreenMailResource;
import io.labgate.support.ProviderStubServer;
import io.labgate.support.ProviderStubServer.Reply;
import io.labgate.support.TestClock;
import io.labgate.support.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A member crossing their monthly token limit through concurrent calls on the real gateway: each threshold is
 * announced exactly once — one signed webhook, one e-mail at a real SMTP server, one notification for the
 * super-admin and one for the member, pushed to the member's open stream — and a new month re-arms the rule.
 */
@QuarkusTest
@QuarkusTestResource(GreenMailResource.class)
class UsageAlertsTest {

    private static final String WEBHOOK_SECRET = "whsec-usage-alerts-0123456789";
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static ProviderStubServer stub;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void servers() {
        stub = new ProviderStubServer();
        stub.on("POST", "/ok/v1/chat/completions", Reply.json(200, AlertFixtures.COMPLETION));
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stop() {
        stub.close();
        receiver.close();
    }

    @AfterEach
    void thaw() {
        TestClock.thaw();
    }

    @Test
    void eachTokenThresholdIsAnnouncedOnceOnEveryChannelAndANewMonthReArmsIt() throws Exception {
        AlertFixtures.Subject s = AlertFixtures.subject(stub, "/ok/v1", Map.of("monthly_token_limit", 1000));
        // Time stands still within this month (tokens keep being checked against the real time).
        ZonedDateTime now = ZonedDateTime.now(SEOUL);
        TestClock.freeze(now.toInstant());
        String ops = Api.unique("ops") + "@lab.example";
        long webhook = AlertFixtures.channel(Map.of("name", Api.unique("hook"), "kind", "webhook",
                "url", receiver.url("/tokens"), "secret", WEBHOOK_SECRET));
        long email = AlertFixtures.channel(Map.of("name", Api.unique("mail"), "kind", "email",
                "recipients", List.of(ops)));
        long rule = AlertFixtures.rule(Map.of("name", Api.unique("tokens"), "metric", "member_tokens",
                "plan_id", s.planId(), "channel_ids", List.of(webhook, email)));
        SseClient stream = SseClient.open(s.member().token());
        stream.await("ready");

        // 8 calls at once, 100 tokens each: 800 of 1000 = 80 %.
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), AlertFixtures.chats(s.member(), 8));
        Books.awaitWritten();
        awaitAnnounced(s, rule, ops, 1);
        SseClient.Event pushed = stream.await("notification");
        assertTrue(pushed.data().contains("\"threshold\":80"), pushed.data());
        OffsetDateTime created = OffsetDateTime.parse(pushed.field("created_at"));
        assertTrue(Duration.between(created.toInstant(), pushed.receivedAt()).toMillis() < 2000,
                "pushed within 2 s of its commit: " + created + " → " + pushed.receivedAt());

        WebhookReceiver.Received hook = hooks().getFirst();
        String timestamp = hook.header("X-LabGate-Timestamp");
        assertEquals("sha256=" + WebhookSender.sign(WEBHOOK_SECRET, timestamp, hook.body()),
                hook.header("X-LabGate-Signature"), "the receiver verifies the signature");
        assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 60);
        assertTrue(hook.body().contains("\"metric\":\"member_tokens\"") && hook.body().contains("\"threshold\":80")
                && hook.body().contains("\"used\":800"), hook.body());
        MimeMessage mail = mails(ops).getFirst();
        assertTrue(mail.getSubject().contains("월간 토큰 80% 도달"), mail.getSubject());
        assertTrue(mail.getContent().toString().contains("800 / 1,000"), mail.getContent().toString());

        // 2 more: 1,000 of 1,000 — 100 % once more. (Not 3: two could finish, billing all 200 tokens left, before
        // the third reserves, which then is refused, rightly.)
        assertEquals(List.of(200, 200), AlertFixtures.chats(s.member(), 2));
        Books.awaitWritten();
        awaitAnnounced(s, rule, ops, 2);
        assertTrue(hooks().getLast().body().contains("\"threshold\":100"));
        assertTrue(stream.await("notification").data().contains("\"threshold\":100"));

        // A new month: the counters start again and 80 % is announced again.
        ZonedDateTime nextMonth = now.toLocalDate().withDayOfMonth(1).plusMonths(1).atTime(9, 0).atZone(SEOUL);
        TestClock.freeze(nextMonth.toInstant());
        assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200), AlertFixtures.chats(s.member(), 8));
        Books.awaitWritten();
        awaitAnnounced(s, rule, ops, 3);
        assertTrue(hooks().getLast().body().contains("\"window_key\":\"" + nextMonth.toLocalDate().toString().substring(0, 7) + "\""), hooks().getLast().body());
        Thread.sleep(500);
        assertEquals(3, hooks().size(), "exactly once per threshold and month");
        assertEquals(3, mails(ops).size());
        stream.close();
    }

    @Test
    void aWebhookThatFailsTwiceGetsTheAlertOnTheThirdTryAndTheLogSaysSo() throws Exception {
        AlertFixtures.Subject s = AlertFixtures.subject(stub, "/ok/v1", Map.of("daily_request_limit", 2));
        receiver.answering(500, 500, 200);
        int before = receiver.received().size();
        long webhook = AlertFixtures.channel(Map.of("name", Api.unique("flaky"), "kind", "webhook",
                "url", receiver.url("/flaky"), "secret", WEBHOOK_SECRET));
        AlertFixtures.rule(Map.of("name", Api.unique("requests"), "metric", "member_requests",
                "thresholds", List.of(50), "plan_id", s.planId(), "channel_ids", List.of(webhook)));
        assertEquals(List.of(200), AlertFixtures.chats(s.member(), 1));
        AlertFixtures.await("the delivery succeeded", () -> "sent".equals(Api.asAdmin()
                .get("/api/admin/alert-deliveries?channel_id=" + webhook).then().extract().path("items[0].status")));
        var log = Api.asAdmin().get("/api/admin/alert-deliveries?channel_id=" + webhook).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, log.getInt("total"));
        assertEquals(3, log.getInt("items[0].attempts"));
        assertEquals(200, log.getInt("items[0].last_status"));
        assertEquals("member_requests", log.getString("items[0].metric"));
        List<WebhookReceiver.Received> got = receiver.received().subList(before, receiver.received().size());
        assertEquals(3, got.size());
        assertEquals(1, got.stream().map(r -> r.header("X-LabGate-Delivery")).distinct().count(), "one delivery, retried");
        receiver.answering(200);
    }

    private void awaitAnnounced(AlertFixtures.Subject s, long rule, String ops, int times) throws Exception {
        AlertFixtures.await(times + " webhook(s)", () -> hooks().size() >= times);
        AlertFixtures.await(times + " e-mail(s)", () -> mails(ops).size() >= times);
        AlertFixtures.await(times + " notification(s) for the admin",
                () -> AlertFixtures.notifications(Api.adminToken(), rule).size() >= times);
        AlertFixtures.await(times + " notification(s) for the member",
                () -> AlertFixtures.notifications(s.member().token(), rule).size() >= times);
        Thread.sleep(300); // a second replica's or a late batch's duplicate would show by now
        assertEquals(times, hooks().size());
        assertEquals(times, mails(ops).size());
        assertEquals(times, AlertFixtures.notifications(Api.adminToken(), rule).size());
        assertEquals(times, AlertFixtures.notifications(s.member().token(), rule).size());
    }

    private static List<WebhookReceiver.Received> hooks() {
        return receiver.received().stream().filter(r -> r.body().contains("\"type\":\"alert.fired\"")
                && r.body().contains("member_tokens")).toList();
    }

    /** Messages sent to {@code to}, each once (GreenMail may keep a copy per mailbox it touched). */
    static List<MimeMessage> mails(String to) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return Arrays.stream(GreenMailResource.smtp().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to))
                        && seen.add(m.getMessageID());
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** An open notification stream, read as a browser tab reads it. */
    record SseClient(HttpResponse<java.util.stream.Stream<String>> response, BlockingQueue<Event> events,
                     Thread reader) implements AutoCloseable {

        record Event(String name, String data, Instant receivedAt) {
            String field(String name) {
                int at = data.indexOf("\"" + name + "\":\"");
                assertTrue(at >= 0, name + " in " + data);
                int start = at + name.length() + 4;
                return data.substring(start, data.indexOf('"', start));
            }
        }

        static SseClient open(String token) throws Exception {
            HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(AlertFixtures.baseUrl() + "/api/notifications/stream"))
                            .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            BlockingQueue<Event> events = new LinkedBlockingQueue<>();
            Thread reader = Thread.ofVirtual().start(() -> {
                String[] name = {null};
                response.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        name[0] = line.substring(6).trim();
                    } else if (line.startsWith("data:") && name[0] != null) {
                        events.add(new Event(name[0], line.substring(5).trim(), Instant.now()));
                        name[0] = null;
                    }
                });
            });
            return new SseClient(response, events, reader);
        }

        Event await(String name) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline) {
                Event e = events.poll(100, TimeUnit.MILLISECONDS);
                if (e != null && e.name().equals(name)) {
                    return e;
                }
            }
            throw new AssertionError("no " + name + " event within 15 s");
        }

        @Override
        public void close() {
            response.body().close();
            reader.interrupt();
        }
    }
}

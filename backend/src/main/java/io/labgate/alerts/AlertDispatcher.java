package io.labgate.alerts;

import io.labgate.common.crypto.SecretCipher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends the outbox of e-mails and webhooks. Any replica may send any row: a row is claimed with
 * {@code FOR UPDATE SKIP LOCKED} for a while, sent outside the transaction, and its outcome written; a failed
 * attempt is tried again after a backoff that doubles (first-backoff, up to max-backoff) until max-attempts,
 * then the row is marked failed. A replica that dies holding a claim leaves the row to be claimed again once the
 * claim has expired — the receiver may then see it twice, and can tell by {@code X-LabGate-Delivery}.
 */
@ApplicationScoped
public class AlertDispatcher {

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);
    private static final int BATCH = 20;
    private static final int ERROR_CHARS = 300;

    private final EntityManager em;
    private final AlertsConfig config;
    private final WebhookSender webhooks;
    private final AlertMailer mail;
    private final SecretCipher cipher;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Thread worker;
    private volatile boolean running;

    AlertDispatcher(EntityManager em, AlertsConfig config, WebhookSender webhooks, AlertMailer mail,
                    SecretCipher cipher) {
        this.em = em;
        this.config = config;
        this.webhooks = webhooks;
        this.mail = mail;
        this.cipher = cipher;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        worker = Thread.ofPlatform().name("alert-dispatcher").daemon(true).start(this::run);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /** Something was queued on this replica: look now rather than at the next poll. */
    public void wake() {
        Thread thread = worker;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (running) {
            int sent = 0;
            try {
                sent = sendDue();
            } catch (RuntimeException e) {
                LOG.warnf("Alert deliveries could not be sent: %s", e.getClass().getSimpleName());
                LOG.debug("Alert dispatch failed", e);
            }
            if (sent < BATCH) {
                LockSupport.parkNanos(this, config.pollInterval().toNanos());
            }
        }
    }

    /** Claims the deliveries that are due and sends them; returns how many were attempted. */
    public int sendDue() {
        List<Long> claimed = QuarkusTransaction.requiringNew().call(() -> {
            List<?> ids = em.createNativeQuery("""
                            UPDATE alert_deliveries SET claimed_until = now() + make_interval(secs => :claim)
                             WHERE id IN (SELECT id FROM alert_deliveries
                                           WHERE status = 'pending' AND next_attempt_at <= now()
                                             AND (claimed_until IS NULL OR claimed_until < now())
                                           ORDER BY next_attempt_at, id LIMIT :batch FOR UPDATE SKIP LOCKED)
                            RETURNING id
                            """)
                    .setParameter("claim", (double) claimSeconds())
                    .setParameter("batch", BATCH)
                    .getResultList();
            return ids.stream().map(id -> ((Number) id).longValue()).toList();
        });
        attempt(claimed, true);
        return claimed.size();
    }

    /**
     * Sends these deliveries once each, in parallel, and records the outcomes; with {@code retry} a failure is
     * scheduled again (else it is final, as for a channel's test). Returns when all have been attempted.
     */
    void attempt(List<Long> ids, boolean retry) {
        List<Future<?>> running = new ArrayList<>();
        for (long id : ids) {
            running.add(senders.submit(() -> attemptOne(id, retry)));
        }
        for (Future<?> f : running) {
            try {
                f.get(claimSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debugf("Waiting for an alert delivery ended: %s", e.getClass().getSimpleName());
            }
        }
    }

    private void attemptOne(long id, boolean retry) {
        Outgoing outgoing = QuarkusTransaction.requiringNew().call(() -> load(id));
        if (outgoing == null) {
            return;
        }
        SendResult result;
        try {
            result = outgoing.channel().isWebhook()
                    ? webhooks.send(outgoing.channel(), outgoing.secret(), outgoing.deliveryId(), outgoing.event(),
                    outgoing.language(), outgoing.test())
                    : mail.send(outgoing.channel(), outgoing.secret(), outgoing.recipient(), outgoing.event(),
                    outgoing.language(), outgoing.test());
        } catch (RuntimeException e) {
            result = SendResult.failed(null, e.getClass().getSimpleName());
        }
        record(id, result, retry);
    }

    /** What one attempt needs, read in one short transaction (the network is not waited on inside it). */
    record Outgoing(long deliveryId, AlertChannel channel, String secret, String recipient, String language,
                    boolean test, AlertEvent event) {
    }

    private Outgoing load(long id) {
        AlertDelivery d = em.find(AlertDelivery.class, id);
        if (d == null || !AlertDelivery.PENDING.equals(d.status)) {
            return null;
        }
        AlertChannel c = d.channel;
        AlertChannel copy = new AlertChannel();
        copy.id = c.id;
        copy.kind = c.kind;
        copy.url = c.url;
        copy.format = c.format;
        copy.smtpHost = c.smtpHost;
        copy.smtpPort = c.smtpPort;
        copy.smtpUsername = c.smtpUsername;
        copy.smtpFrom = c.smtpFrom;
        copy.smtpStartTls = c.smtpStartTls;
        copy.updatedAt = c.updatedAt;
        String secret = c.secretEncrypted == null ? null : cipher.decrypt(c.secretEncrypted, AlertChannelService.SECRET_PURPOSE);
        AlertEvent event = d.firing == null ? null : AlertEvent.fromMap(d.firing.event);
        return new Outgoing(d.id, copy, secret, d.recipient, d.language, d.isTest, event);
    }

    private void record(long id, SendResult result, boolean retry) {
        QuarkusTransaction.requiringNew().run(() -> {
            AlertDelivery d = em.find(AlertDelivery.class, id);
            if (d == null) {
                return;
            }
            d.attempts++;
            d.lastStatus = result.httpStatus();
            d.claimedUntil = null;
            OffsetDateTime now = OffsetDateTime.now();
            if (result.ok()) {
                d.status = AlertDelivery.SENT;
                d.sentAt = now;
                d.lastError = null;
                return;
            }
            d.lastError = result.error() == null ? null
                    : result.error().length() > ERROR_CHARS ? result.error().substring(0, ERROR_CHARS) : result.error();
            if (!retry || d.attempts >= config.maxAttempts()) {
                d.status = AlertDelivery.FAILED;
                LOG.warnf("Alert delivery %d over channel %d failed after %d attempt(s): %s", d.id, d.channel.id,
                        d.attempts, d.lastError);
            } else {
                d.nextAttemptAt = now.plus(backoff(d.attempts));
            }
        });
    }

    /** After the n-th failed attempt. */
    Duration backoff(int failedAttempts) {
        Duration wait = config.firstBackoff().multipliedBy(1L << Math.min(20, failedAttempts - 1));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    /** A claim outlives one attempt's longest wait, with room. */
    private long claimSeconds() {
        return Math.max(30, config.sendTimeout().toSeconds() * 3);
    }

    /** One attempt's outcome: {@code httpStatus} for webhooks; {@code error} never holds a secret. */
    record SendResult(boolean ok, Integer httpStatus, String error) {

        static SendResult sent(Integer status) {
            return new SendResult(true, status, null);
        }

        static SendResult failed(Integer status, String error) {
            return new SendResult(false, status, error);
        }
    }
}

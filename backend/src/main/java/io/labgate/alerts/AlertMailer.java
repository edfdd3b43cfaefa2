package io.labgate.alerts;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Sends alert e-mails in the reader's language: through the platform's mailer (quarkus.mailer.*: host, port,
 * from, and the password from the environment), or through a channel's own SMTP server when it names one (its
 * password stored encrypted with the channel).
 */
@ApplicationScoped
public class AlertMailer {

    private final ReactiveMailer mailer;
    private final Vertx vertx;
    private final AlertTexts texts;
    private final AlertsConfig config;
    /** One client per channel with its own server, replaced when the channel changes. */
    private final Map<Long, OwnClient> clients = new ConcurrentHashMap<>();

    private record OwnClient(OffsetDateTime version, MailClient client) {
    }

    AlertMailer(ReactiveMailer mailer, Vertx vertx, AlertTexts texts, AlertsConfig config) {
        this.mailer = mailer;
        this.vertx = vertx;
        this.texts = texts;
        this.config = config;
    }

    AlertDispatcher.SendResult send(AlertChannel channel, String password, String to, AlertEvent event,
                                    String language, boolean test) {
        AlertTexts.Text text = texts.of(event, language);
        try {
            if (channel.ownSmtp()) {
                MailMessage message = new MailMessage()
                        .setFrom(channel.smtpFrom != null ? channel.smtpFrom : channel.smtpUsername)
                        .setTo(to).setSubject(text.subject()).setText(text.body());
                client(channel, password).sendMail(message).toCompletionStage().toCompletableFuture()
                        .get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } else {
                // Bounded: a server that stops answering must fail this attempt, not hold the dispatcher.
                mailer.send(Mail.withText(to, text.subject(), text.body())).await().atMost(config.sendTimeout());
            }
            return AlertDispatcher.SendResult.sent(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AlertDispatcher.SendResult.failed(null, "interrupted");
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return AlertDispatcher.SendResult.failed(null, cause.getClass().getSimpleName() + ": "
                    + firstLine(cause.getMessage()));
        }
    }

    private MailClient client(AlertChannel channel, String password) {
        OwnClient current = clients.get(channel.id);
        if (current != null && current.version().equals(channel.updatedAt)) {
            return current.client();
        }
        MailConfig mail = new MailConfig().setHostname(channel.smtpHost)
                .setPort(channel.smtpPort == null ? 25 : channel.smtpPort)
                .setStarttls(channel.smtpStartTls ? StartTLSOptions.REQUIRED : StartTLSOptions.OPTIONAL)
                .setConnectTimeout((int) config.sendTimeout().toMillis());
        if (channel.smtpUsername != null && !channel.smtpUsername.isBlank()) {
            mail.setUsername(channel.smtpUsername).setPassword(password == null ? "" : password)
                    .setLogin(LoginOption.REQUIRED);
        } else {
            mail.setLogin(LoginOption.DISABLED);
        }
        MailClient client = MailClient.create(vertx, mail);
        OwnClient previous = clients.put(channel.id, new OwnClient(channel.updatedAt, client));
        if (previous != null) {
            previous.client().close();
        }
        return client;
    }

    /** SMTP replies can run over lines; the first says what went wrong, and never holds the password. */
    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

package io.labgate.alerts;

import io.labgate.audit.AuditService;
import io.labgate.common.crypto.SecretCipher;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ViolationCode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** E-mail and webhook channels: validation, write-only secrets, and "send a test". */
@ApplicationScoped
public class AlertChannelService {

    /** Associated data bound into every channel secret's ciphertext. */
    static final String SECRET_PURPOSE = "alert_channels.secret";

    private final AlertChannelRepository channels;
    private final SecretCipher cipher;
    private final AuditService audit;
    private final AlertDispatcher dispatcher;
    private final AlertFiringService firings;
    private final AlertDeliveryService deliveries;
    private final EntityManager em;
    private final Clock clock;

    AlertChannelService(AlertChannelRepository channels, SecretCipher cipher, AuditService audit,
                        AlertDispatcher dispatcher, AlertFiringService firings, AlertDeliveryService deliveries,
                        EntityManager em, Clock clock) {
        this.channels = channels;
        this.cipher = cipher;
        this.audit = audit;
        this.dispatcher = dispatcher;
        this.firings = firings;
        this.deliveries = deliveries;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public List<AlertChannelView> list() {
        return channels.listByName().stream().map(AlertChannelView::of).toList();
    }

    @Transactional
    public AlertChannelView get(long id) {
        return AlertChannelView.of(find(id));
    }

    @Transactional
    public AlertChannelView create(AlertChannelRequest request) {
        if (channels.nameTaken(request.name().trim(), null)) {
            throw ApiException.duplicate("name", "An alert channel with this name already exists");
        }
        AlertChannel channel = new AlertChannel();
        channel.createdAt = OffsetDateTime.now(clock);
        apply(channel, request);
        channels.persist(channel);
        AlertChannelView view = AlertChannelView.of(channel);
        audit.record("alert_channel.create", "alert_channel", channel.id, null, view);
        return view;
    }

    @Transactional
    public AlertChannelView update(long id, AlertChannelRequest request) {
        AlertChannel channel = find(id);
        if (channels.nameTaken(request.name().trim(), id)) {
            throw ApiException.duplicate("name", "An alert channel with this name already exists");
        }
        AlertChannelView before = AlertChannelView.of(channel);
        apply(channel, request);
        AlertChannelView after = AlertChannelView.of(channel);
        audit.record(hasText(request.secret()) ? "alert_channel.update_with_secret" : "alert_channel.update",
                "alert_channel", id, before, after);
        return after;
    }

    @Transactional
    public void delete(long id) {
        AlertChannel channel = find(id);
        AlertChannelView before = AlertChannelView.of(channel);
        channels.delete(channel);
        audit.record("alert_channel.delete", "alert_channel", id, before, null);
    }

    /** Re-encrypts stored channel secrets under the current master key (rotation, docs/operations.md). */
    @Transactional
    public int reEncryptAll() {
        int changed = 0;
        for (AlertChannel channel : channels.list("secretEncrypted is not null")) {
            if (!cipher.isCurrent(channel.secretEncrypted)) {
                channel.secretEncrypted = cipher.encrypt(cipher.decrypt(channel.secretEncrypted, SECRET_PURPOSE),
                        SECRET_PURPOSE);
                changed++;
            }
        }
        audit.record("crypto.rotate", "alert_channel", null, null, java.util.Map.of("re_encrypted", changed));
        return changed;
    }

    /**
     * Sends a test message over the channel now — once, to each of its addresses — and answers how it went. Not
     * retried: the super-admin is looking at the result. Logged in the delivery history like any delivery.
     */
    public List<AlertDeliveryView> sendTest(long id) {
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> {
            AlertChannel channel = find(id);
            List<AlertDelivery> created = new ArrayList<>();
            if (channel.isWebhook()) {
                created.add(AlertFiringService.delivery(null, channel, null, channel.language));
            } else {
                firings.mailRecipients(channel, null).forEach((to, language) ->
                        created.add(AlertFiringService.delivery(null, channel, to, language)));
            }
            // Claimed by this request from the start, so no dispatcher's poll sends it as well.
            created.forEach(d -> d.claimedUntil = d.createdAt.plusMinutes(5));
            created.forEach(em::persist);
            em.flush();
            return created.stream().map(d -> d.id).toList();
        });
        dispatcher.attempt(ids, false);
        return deliveries.views(ids);
    }

    private AlertChannel find(long id) {
        return channels.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("alert_channel", id));
    }

    private void apply(AlertChannel channel, AlertChannelRequest request) {
        channel.name = request.name().trim();
        channel.kind = request.kind();
        channel.enabled = request.enabled() == null || request.enabled();
        channel.language = request.language();
        if (hasText(request.secret())) {
            channel.secretEncrypted = cipher.encrypt(request.secret().trim(), SECRET_PURPOSE);
        }
        if (channel.isWebhook()) {
            channel.url = webhookUrl(request.url());
            channel.format = request.format();
            channel.recipients = new ArrayList<>();
            channel.notifyMember = false;
            channel.smtpHost = null;
            channel.smtpPort = null;
            channel.smtpUsername = null;
            channel.smtpFrom = null;
            channel.smtpStartTls = false;
            if ("json".equals(channel.format) && channel.secretEncrypted == null) {
                throw ApiException.invalid("secret", ViolationCode.REQUIRED, "is required to sign the webhook's body");
            }
        } else {
            channel.url = null;
            channel.format = "json";
            channel.recipients = new ArrayList<>(new LinkedHashSet<>(request.recipients().stream().map(String::trim).toList()));
            channel.notifyMember = Boolean.TRUE.equals(request.notifyMember());
            if (channel.recipients.isEmpty() && !channel.notifyMember) {
                throw ApiException.invalid("recipients", ViolationCode.REQUIRED,
                        "name at least one address, or let members hear of their own limits");
            }
            channel.smtpHost = hasText(request.smtpHost()) ? request.smtpHost().trim() : null;
            channel.smtpPort = channel.smtpHost == null ? null : request.smtpPort();
            channel.smtpUsername = channel.smtpHost == null || !hasText(request.smtpUsername()) ? null
                    : request.smtpUsername().trim();
            channel.smtpFrom = channel.smtpHost == null || !hasText(request.smtpFrom()) ? null : request.smtpFrom().trim();
            channel.smtpStartTls = channel.smtpHost != null && Boolean.TRUE.equals(request.smtpStartTls());
            if (channel.smtpHost != null && channel.smtpPort == null) {
                throw ApiException.invalid("smtp_port", ViolationCode.REQUIRED, "is required with smtp_host");
            }
            if (channel.smtpHost != null && channel.smtpFrom == null && channel.smtpUsername == null) {
                throw ApiException.invalid("smtp_from", ViolationCode.REQUIRED, "is required with smtp_host");
            }
            if (channel.smtpHost == null) {
                channel.secretEncrypted = null;
            }
        }
        channel.updatedAt = OffsetDateTime.now(clock);
    }

    private static String webhookUrl(String requested) {
        if (!hasText(requested)) {
            throw ApiException.invalid("url", ViolationCode.REQUIRED, "is required for a webhook");
        }
        String url = requested.trim();
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw notAnHttpUrl();
            }
            if (uri.getUserInfo() != null) {
                throw ApiException.invalid("url", ViolationCode.URL_NOT_PLAIN, "must not contain credentials");
            }
        } catch (URISyntaxException e) {
            throw notAnHttpUrl();
        }
        return url;
    }

    private static ApiException notAnHttpUrl() {
        return ApiException.invalid("url", ViolationCode.INVALID_URL, "must be an http(s) URL");
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}

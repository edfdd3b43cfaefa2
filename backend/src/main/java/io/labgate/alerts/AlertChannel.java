package io.labgate.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Where alerts go besides the notification centre: an e-mail list or a webhook. */
@Entity
@Table(name = "alert_channels")
public class AlertChannel {

    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    /** {@link #EMAIL} or {@link #WEBHOOK}. */
    public String kind;

    public boolean enabled = true;

    public String url;

    /** {@code json} (LabGate's payload) or {@code slack} (a body Slack's incoming webhooks take). */
    public String format = "json";

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> recipients = new ArrayList<>();

    /** E-mail: the member also hears of their own limits, at their own address. */
    @Column(name = "notify_member")
    public boolean notifyMember;

    /** Language of texts whose recipient is not a member. */
    public String language = "ko";

    @Column(name = "smtp_host")
    public String smtpHost;

    @Column(name = "smtp_port")
    public Integer smtpPort;

    @Column(name = "smtp_username")
    public String smtpUsername;

    @Column(name = "smtp_from")
    public String smtpFrom;

    @Column(name = "smtp_start_tls")
    public boolean smtpStartTls;

    /** The webhook's signing secret or the SMTP password, encrypted; never leaves this package in clear. */
    @Column(name = "secret_encrypted")
    public String secretEncrypted;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean isWebhook() {
        return WEBHOOK.equals(kind);
    }

    /** E-mail through its own SMTP server rather than the configured one. */
    public boolean ownSmtp() {
        return smtpHost != null && !smtpHost.isBlank();
    }
}

package io.labgate.alerts;

import java.time.OffsetDateTime;
import java.util.List;

/** A channel as the super-admin sees it: whether a secret is stored, never the secret. */
public record AlertChannelView(Long id, String name, String kind, boolean enabled, String url, String format,
                               List<String> recipients, boolean notifyMember, String language, String smtpHost,
                               Integer smtpPort, String smtpUsername, String smtpFrom, boolean smtpStartTls,
                               boolean hasSecret, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static AlertChannelView of(AlertChannel c) {
        return new AlertChannelView(c.id, c.name, c.kind, c.enabled, c.url, c.format, List.copyOf(c.recipients),
                c.notifyMember, c.language, c.smtpHost, c.smtpPort, c.smtpUsername, c.smtpFrom, c.smtpStartTls,
                c.secretEncrypted != null, c.createdAt, c.updatedAt);
    }
}

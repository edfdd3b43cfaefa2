package io.labgate.providers;

import io.labgate.members.Member;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The user's AIServiceSettings: one provider connection the super-admin manages. */
@Entity
@Table(name = "ai_settings")
public class AiSetting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    /** Wire name of a {@link Provider}. */
    public String provider;

    @Column(name = "base_url")
    public String baseUrl;

    /** AES-256-GCM ciphertext with its key version; never leaves this package in clear. */
    @Column(name = "api_key_encrypted")
    public String apiKeyEncrypted;

    @Column(name = "api_key_hint")
    public String apiKeyHint;

    @Column(name = "model_name")
    public String modelName;

    @Column(name = "max_tokens")
    public int maxTokens;

    public BigDecimal temperature;

    @Column(name = "hourly_limit")
    public int hourlyLimit;

    @Column(name = "daily_limit")
    public int dailyLimit;

    @Column(name = "monthly_limit")
    public int monthlyLimit;

    @Column(name = "is_active")
    public boolean isActive = true;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by")
    public Member createdBy;

    /** Why the provider last rejected this setting's key (never the key itself); null when fine. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_error_at")
    public OffsetDateTime lastErrorAt;

    /** Since when the provider has been rejecting the key: set by the first rejection, cleared with lastError. */
    @Column(name = "key_failing_since")
    public OffsetDateTime keyFailingSince;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public Provider providerKind() {
        return Provider.fromWire(provider);
    }
}

package io.labgate.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One e-mail or webhook of a firing (or a channel's test): the outbox row and its delivery log. */
@Entity
@Table(name = "alert_deliveries")
public class AlertDelivery {

    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Null for a test. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "firing_id")
    public AlertFiring firing;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "channel_id")
    public AlertChannel channel;

    /** The e-mail address; null for a webhook. */
    public String recipient;

    public String language = "ko";

    @Column(name = "is_test")
    public boolean isTest;

    public String status = PENDING;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    /** The webhook's last HTTP status. */
    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "claimed_until")
    public OffsetDateTime claimedUntil;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;
}

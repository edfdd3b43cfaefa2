package io.labgate.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.Map;

/** A rule that fired for a subject, a window and a threshold: written once, by whichever replica got there first. */
@Entity
@Table(name = "alert_firings")
public class AlertFiring {

    @Id
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "rule_id")
    public AlertRule rule;

    public String subject;

    @Column(name = "window_key")
    public String windowKey;

    public int threshold;

    /** {@link AlertEvent#toMap()}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> event;

    @Column(name = "fired_at")
    public OffsetDateTime firedAt;
}

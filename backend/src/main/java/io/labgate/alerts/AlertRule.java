package io.labgate.alerts;

import io.labgate.plans.Plan;
import io.labgate.providers.AiSetting;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One alert rule: a metric, its thresholds (percent), whom it narrows to and which channels carry it. */
@Entity
@Table(name = "alert_rules")
public class AlertRule {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;

    /** Wire name of an {@link AlertMetric}. */
    public String metric;

    /** Ascending percentages, 1..100. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Integer> thresholds = new ArrayList<>(List.of(80, 100));

    /** Only members on this plan; null: every plan. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    /** Only this provider setting (and members on it); null: every setting. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "ai_settings_id")
    public AiSetting aiSetting;

    @Column(name = "min_calls")
    public int minCalls = 10;

    public boolean enabled = true;

    /** E-mail and webhook channels; the in-app notification centre always hears. */
    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "alert_rule_channels", joinColumns = @JoinColumn(name = "rule_id"),
            inverseJoinColumns = @JoinColumn(name = "channel_id"))
    public Set<AlertChannel> channels = new LinkedHashSet<>();

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public AlertMetric metricKind() {
        return AlertMetric.fromWire(metric).orElseThrow();
    }
}

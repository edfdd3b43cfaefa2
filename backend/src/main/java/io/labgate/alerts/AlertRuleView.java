package io.labgate.alerts;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

public record AlertRuleView(Long id, String name, AlertMetric metric, List<Integer> thresholds, Long planId,
                            String planName, Long aiSettingsId, String aiSettingsName, int minCalls,
                            List<Long> channelIds, boolean enabled, OffsetDateTime createdAt,
                            OffsetDateTime updatedAt) {

    static AlertRuleView of(AlertRule r) {
        return new AlertRuleView(r.id, r.name, r.metricKind(), List.copyOf(r.thresholds),
                r.plan == null ? null : r.plan.id, r.plan == null ? null : r.plan.displayName,
                r.aiSetting == null ? null : r.aiSetting.id, r.aiSetting == null ? null : r.aiSetting.name,
                r.minCalls, r.channels.stream().map(c -> c.id).sorted(Comparator.naturalOrder()).toList(), r.enabled,
                r.createdAt, r.updatedAt);
    }
}

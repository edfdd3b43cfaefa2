package io.labgate.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one firing says, the same to every channel: the notification centre's params (worded by the SPA), the
 * webhook's payload and the e-mail's template values. Kept as JSON on the firing, keys in snake_case.
 *
 * @param subjectType member, setting or replica
 * @param unit        tokens, requests, usd, calls (error rate: failed of all) or rows (backlog)
 * @param window      month, day, hour (a setting's or the error rate's), or episode (a key's run of rejections)
 * @param resetsAt    when the window ends and the rule re-arms; null for an episode
 */
public record AlertEvent(AlertMetric metric, long ruleId, String ruleName, int threshold, BigDecimal percent,
                         BigDecimal used, BigDecimal limit, String unit, String subjectType, String subjectId,
                         String subjectName, String window, String windowKey, OffsetDateTime resetsAt,
                         String timeZone) {

    static BigDecimal percent(BigDecimal used, BigDecimal limit) {
        return limit.signum() == 0 ? BigDecimal.ZERO
                : used.multiply(BigDecimal.valueOf(100)).divide(limit, 1, RoundingMode.HALF_UP);
    }

    AlertEvent at(int threshold) {
        return new AlertEvent(metric, ruleId, ruleName, threshold, percent, used, limit, unit, subjectType, subjectId,
                subjectName, window, windowKey, resetsAt, timeZone);
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("metric", metric.wireName());
        map.put("rule_id", ruleId);
        map.put("rule_name", ruleName);
        map.put("threshold", threshold);
        map.put("percent", percent);
        map.put("used", used);
        map.put("limit", limit);
        map.put("unit", unit);
        map.put("subject_type", subjectType);
        map.put("subject_id", subjectId);
        map.put("subject_name", subjectName);
        map.put("window", window);
        map.put("window_key", windowKey);
        map.put("resets_at", resetsAt == null ? null : resetsAt.toString());
        map.put("time_zone", timeZone);
        return map;
    }

    static AlertEvent fromMap(Map<String, Object> map) {
        Object resets = map.get("resets_at");
        return new AlertEvent(AlertMetric.fromWire((String) map.get("metric")).orElseThrow(),
                ((Number) map.get("rule_id")).longValue(), (String) map.get("rule_name"),
                ((Number) map.get("threshold")).intValue(), decimal(map.get("percent")), decimal(map.get("used")),
                decimal(map.get("limit")), (String) map.get("unit"), (String) map.get("subject_type"),
                String.valueOf(map.get("subject_id")), (String) map.get("subject_name"), (String) map.get("window"),
                (String) map.get("window_key"), resets == null ? null : OffsetDateTime.parse((String) resets),
                (String) map.get("time_zone"));
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}

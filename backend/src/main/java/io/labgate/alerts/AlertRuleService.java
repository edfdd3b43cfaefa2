package io.labgate.alerts;

import io.labgate.audit.AuditService;
import io.labgate.common.error.ApiError;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ViolationCode;
import io.labgate.plans.PlanRepository;
import io.labgate.providers.AiSettingRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Alert rules: what they watch, their thresholds, what they narrow to and which channels carry them. */
@ApplicationScoped
public class AlertRuleService {

    private final AlertRuleRepository rules;
    private final AlertChannelRepository channels;
    private final PlanRepository plans;
    private final AiSettingRepository settings;
    private final AuditService audit;
    private final Clock clock;

    AlertRuleService(AlertRuleRepository rules, AlertChannelRepository channels, PlanRepository plans,
                     AiSettingRepository settings, AuditService audit, Clock clock) {
        this.rules = rules;
        this.channels = channels;
        this.plans = plans;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<AlertRuleView> list() {
        return rules.listByName().stream().map(AlertRuleView::of).toList();
    }

    @Transactional
    public AlertRuleView get(long id) {
        return AlertRuleView.of(find(id));
    }

    @Transactional
    public AlertRuleView create(AlertRuleRequest request) {
        if (rules.nameTaken(request.name().trim(), null)) {
            throw ApiException.duplicate("name", "An alert rule with this name already exists");
        }
        AlertRule rule = new AlertRule();
        rule.createdAt = OffsetDateTime.now(clock);
        apply(rule, request);
        rules.persist(rule);
        AlertRuleView view = AlertRuleView.of(rule);
        audit.record("alert_rule.create", "alert_rule", rule.id, null, view);
        return view;
    }

    @Transactional
    public AlertRuleView update(long id, AlertRuleRequest request) {
        AlertRule rule = find(id);
        if (rules.nameTaken(request.name().trim(), id)) {
            throw ApiException.duplicate("name", "An alert rule with this name already exists");
        }
        AlertRuleView before = AlertRuleView.of(rule);
        apply(rule, request);
        AlertRuleView after = AlertRuleView.of(rule);
        audit.record("alert_rule.update", "alert_rule", id, before, after);
        return after;
    }

    @Transactional
    public void delete(long id) {
        AlertRule rule = find(id);
        AlertRuleView before = AlertRuleView.of(rule);
        rules.delete(rule);
        audit.record("alert_rule.delete", "alert_rule", id, before, null);
    }

    private AlertRule find(long id) {
        return rules.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("alert_rule", id));
    }

    private void apply(AlertRule rule, AlertRuleRequest request) {
        List<ApiError.Violation> unknown = new ArrayList<>();
        rule.name = request.name().trim();
        rule.metric = request.metric();
        // Ascending and once each: a threshold is a state key, "80, 80" would be one.
        rule.thresholds = new ArrayList<>(new TreeSet<>(request.thresholds()));
        rule.plan = null;
        if (request.planId() != null) {
            rule.plan = plans.findByIdOptional(request.planId()).orElse(null);
            if (rule.plan == null) {
                unknown.add(unknownId("plan_id", request.planId()));
            }
        }
        rule.aiSetting = null;
        if (request.aiSettingsId() != null) {
            rule.aiSetting = settings.findByIdOptional(request.aiSettingsId()).orElse(null);
            if (rule.aiSetting == null) {
                unknown.add(unknownId("ai_settings_id", request.aiSettingsId()));
            }
        }
        rule.channels = new LinkedHashSet<>();
        List<Long> ids = request.channelIds();
        for (int i = 0; i < ids.size(); i++) {
            AlertChannel channel = channels.findByIdOptional(ids.get(i)).orElse(null);
            if (channel == null) {
                unknown.add(unknownId("channel_ids[" + i + "]", ids.get(i)));
            } else {
                rule.channels.add(channel);
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.invalid(unknown);
        }
        rule.minCalls = request.minCalls();
        rule.enabled = request.enabled() == null || request.enabled();
        rule.updatedAt = OffsetDateTime.now(clock);
    }

    private static ApiError.Violation unknownId(String field, long id) {
        return new ApiError.Violation(field, ViolationCode.NOT_FOUND, Map.of("id", id), "names nothing: " + id);
    }
}

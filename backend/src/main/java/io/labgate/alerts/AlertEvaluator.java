package io.labgate.alerts;

import io.labgate.audit.AdminChange;
import io.labgate.budgets.MemberBudget;
import io.labgate.budgets.MemberSpend;
import io.labgate.common.cache.ReadCache;
import io.labgate.common.config.LabgateConfig;
import io.labgate.ledger.BooksWritten;
import io.labgate.ledger.CallLedger;
import io.labgate.providers.ProviderKeyRejected;
import io.labgate.quota.MemberUsage;
import io.labgate.quota.Replica;
import io.labgate.quota.WindowKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Compares what is committed with the rules, and fires those whose thresholds are crossed
 * ({@link AlertFiringService}). Woken by the ledger after each batch (for the members and settings it touched),
 * by a provider's rejection of a key, and by the backlog job; every replica evaluates, and the firing's unique
 * row lets only one of them send.
 */
@ApplicationScoped
public class AlertEvaluator {

    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class);
    /** The one key of the cache of metrics with enabled rules, and how long a read of it is used. */
    private static final String ENABLED = "enabled";
    private static final Duration ENABLED_MAX_AGE = Duration.ofSeconds(30);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");
    private static final Set<String> MEMBER_METRICS = Set.of(AlertMetric.MEMBER_TOKENS.wireName(),
            AlertMetric.MEMBER_REQUESTS.wireName(), AlertMetric.MEMBER_COST.wireName());
    private static final Set<String> SETTING_METRICS = Set.of(AlertMetric.SETTING_REQUESTS.wireName(),
            AlertMetric.PROVIDER_ERROR_RATE.wireName());

    private final EntityManager em;
    private final AlertRuleRepository rules;
    private final AlertFiringService firings;
    private final AlertDispatcher dispatcher;
    private final MemberSpend spend;
    private final CallLedger ledger;
    private final Replica replica;
    private final AlertsConfig config;
    private final LabgateConfig labgate;
    private final Clock clock;
    /** Key rejections are evaluated off the call that saw them. */
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    /**
     * Which metrics have enabled rules, so a usage batch with none to check costs no transaction. Dropped on every
     * admin change (on every replica); read again after 30 s at most (it expires then, no refresh ahead).
     */
    private final ReadCache<String, Set<String>> enabledMetrics;

    AlertEvaluator(EntityManager em, AlertRuleRepository rules, AlertFiringService firings,
                   AlertDispatcher dispatcher, MemberSpend spend, CallLedger ledger, Replica replica,
                   AlertsConfig config, LabgateConfig labgate, Clock clock) {
        this.em = em;
        this.rules = rules;
        this.enabledMetrics = ReadCache.ofDatabase(ENABLED_MAX_AGE, ENABLED_MAX_AGE, 1, background,
                ignored -> rules.enabledMetrics());
        this.firings = firings;
        this.dispatcher = dispatcher;
        this.spend = spend;
        this.ledger = ledger;
        this.replica = replica;
        this.config = config;
        this.labgate = labgate;
        this.clock = clock;
    }

    void onAdminChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AdminChange change) {
        enabledMetrics.clear();
    }

    /** Whether any of these metrics has an enabled rule. */
    private boolean anyEnabled(Set<String> metrics) {
        return enabledMetrics.get(ENABLED).stream().anyMatch(metrics::contains);
    }

    void onBooksWritten(@ObservesAsync BooksWritten written) {
        try {
            evaluateMembers(written.memberIds());
            evaluateSettings(written.settingIds());
        } catch (RuntimeException e) {
            LOG.warnf("Alert rules could not be evaluated after a usage batch: %s", e.getClass().getSimpleName());
            LOG.debug("Alert evaluation failed", e);
        }
    }

    void onKeyRejected(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProviderKeyRejected rejected) {
        background.execute(() -> {
            try {
                evaluateKey(rejected);
            } catch (RuntimeException e) {
                LOG.warnf("The key-rejected alert could not be evaluated: %s", e.getClass().getSimpleName());
            }
        });
    }

    /** Members' tokens, requests and spend against their limits. */
    public void evaluateMembers(Collection<Long> memberIds) {
        if (memberIds.isEmpty() || !anyEnabled(MEMBER_METRICS)) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        List<AlertFiringService.Candidate> candidates = QuarkusTransaction.requiringNew().call(() -> {
            List<AlertRule> active = rules.enabled(MEMBER_METRICS);
            if (active.isEmpty()) {
                return List.of();
            }
            List<?> rows = em.createNativeQuery("""
                            SELECT a.member_id, m.username, a.plan_id, a.ai_settings_id, a.requests_today,
                                   a.tokens_used_today, a.tokens_used_month, a.last_reset_date,
                                   p.monthly_token_limit, p.daily_request_limit, a.monthly_budget_usd,
                                   p.monthly_budget_usd, p.budget_soft_percent
                              FROM user_ai_access a JOIN plans p ON p.id = a.plan_id JOIN members m ON m.id = a.member_id
                             WHERE a.member_id IN (:members)
                            """)
                    .setParameter("members", memberIds).getResultList();
            boolean costRules = active.stream().anyMatch(r -> r.metricKind() == AlertMetric.MEMBER_COST);
            Map<Long, BigDecimal> spent = costRules ? spend.monthToDate(memberIds, now) : Map.of();
            List<AlertFiringService.Candidate> found = new ArrayList<>();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                long memberId = ((Number) r[0]).longValue();
                String username = (String) r[1];
                long planId = ((Number) r[2]).longValue();
                Long settingId = r[3] == null ? null : ((Number) r[3]).longValue();
                MemberUsage usage = MemberUsage.asOf(today, localDate(r[7]), ((Number) r[4]).intValue(),
                        ((Number) r[5]).longValue(), ((Number) r[6]).longValue());
                MemberBudget budget = MemberBudget.of((BigDecimal) r[10], (BigDecimal) r[11], ((Number) r[12]).intValue());
                for (AlertRule rule : active) {
                    if ((rule.plan != null && rule.plan.id != planId)
                            || (rule.aiSetting != null && !rule.aiSetting.id.equals(settingId))) {
                        continue;
                    }
                    AlertMetric metric = rule.metricKind();
                    BigDecimal used;
                    BigDecimal limit;
                    List<Integer> thresholds = rule.thresholds;
                    String window;
                    String windowKey;
                    OffsetDateTime resets;
                    String unit;
                    switch (metric) {
                        case MEMBER_TOKENS -> {
                            used = BigDecimal.valueOf(usage.tokensMonth());
                            limit = BigDecimal.valueOf(((Number) r[8]).longValue());
                            unit = "tokens";
                            window = "month";
                        }
                        case MEMBER_REQUESTS -> {
                            used = BigDecimal.valueOf(usage.requestsToday());
                            limit = BigDecimal.valueOf(((Number) r[9]).longValue());
                            unit = "requests";
                            window = "day";
                        }
                        default -> {
                            used = spent.getOrDefault(memberId, MemberSpend.Spend.NONE.usd());
                            limit = budget.usd();
                            unit = "usd";
                            window = "month";
                            // The plan's warning share counts as one more threshold of every cost rule.
                            TreeSet<Integer> withSoft = new TreeSet<>(thresholds);
                            withSoft.add(budget.softPercent());
                            thresholds = List.copyOf(withSoft);
                        }
                    }
                    if (limit.signum() <= 0) {
                        continue; // no limit, nothing to cross
                    }
                    if ("month".equals(window)) {
                        windowKey = today.toString().substring(0, 7);
                        resets = WindowKind.MONTH.end(now).toOffsetDateTime();
                    } else {
                        windowKey = today.toString();
                        resets = WindowKind.DAY.end(now).toOffsetDateTime();
                    }
                    candidate(rule, "member:" + memberId, memberId, thresholds,
                            new AlertEvent(metric, rule.id, rule.name, 0, AlertEvent.percent(used, limit), used, limit,
                                    unit, "member", String.valueOf(memberId), username, window, windowKey, resets,
                                    zone()), found);
                }
            }
            return found;
        });
        fireAll(candidates);
    }

    /** Provider settings' shared windows and error rates. */
    public void evaluateSettings(Collection<Long> settingIds) {
        if (settingIds.isEmpty() || !anyEnabled(SETTING_METRICS)) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<AlertFiringService.Candidate> candidates = QuarkusTransaction.requiringNew().call(() -> {
            List<AlertRule> active = rules.enabled(SETTING_METRICS);
            if (active.isEmpty()) {
                return List.of();
            }
            List<?> settings = em.createNativeQuery("""
                            SELECT s.id, s.name, s.hourly_limit, s.daily_limit, s.monthly_limit FROM ai_settings s
                             WHERE s.id IN (:settings)
                            """).setParameter("settings", settingIds).getResultList();
            List<AlertFiringService.Candidate> found = new ArrayList<>();
            boolean windowRules = active.stream().anyMatch(r -> r.metricKind() == AlertMetric.SETTING_REQUESTS);
            boolean rateRules = active.stream().anyMatch(r -> r.metricKind() == AlertMetric.PROVIDER_ERROR_RATE);
            Map<String, Long> windows = windowRules ? windowCounts(settingIds, now) : Map.of();
            Map<Long, long[]> rates = rateRules ? errorRates(settingIds, now) : Map.of();
            for (Object row : settings) {
                Object[] s = (Object[]) row;
                long settingId = ((Number) s[0]).longValue();
                String name = (String) s[1];
                for (AlertRule rule : active) {
                    if (rule.aiSetting != null && rule.aiSetting.id != settingId) {
                        continue;
                    }
                    if (rule.metricKind() == AlertMetric.SETTING_REQUESTS) {
                        for (WindowKind kind : WindowKind.values()) {
                            long limit = ((Number) s[2 + kind.ordinal()]).longValue();
                            if (limit <= 0) {
                                continue;
                            }
                            long used = windows.getOrDefault(settingId + ":" + kind.dbName(), 0L);
                            candidate(rule, "setting:" + settingId, null, rule.thresholds, new AlertEvent(
                                    AlertMetric.SETTING_REQUESTS, rule.id, rule.name, 0,
                                    AlertEvent.percent(BigDecimal.valueOf(used), BigDecimal.valueOf(limit)),
                                    BigDecimal.valueOf(used), BigDecimal.valueOf(limit), "requests", "setting",
                                    String.valueOf(settingId), name, kind.dbName(),
                                    kind.dbName() + ":" + windowKey(kind, now), kind.end(now).toOffsetDateTime(),
                                    zone()), found);
                        }
                    } else {
                        long[] rate = rates.get(settingId);
                        if (rate == null || rate[1] < rule.minCalls) {
                            continue;
                        }
                        candidate(rule, "setting:" + settingId, null, rule.thresholds, new AlertEvent(
                                AlertMetric.PROVIDER_ERROR_RATE, rule.id, rule.name, 0,
                                AlertEvent.percent(BigDecimal.valueOf(rate[0]), BigDecimal.valueOf(rate[1])),
                                BigDecimal.valueOf(rate[0]), BigDecimal.valueOf(rate[1]), "calls", "setting",
                                String.valueOf(settingId), name, "hour", "hour:" + windowKey(WindowKind.HOUR, now),
                                WindowKind.HOUR.end(now).toOffsetDateTime(), zone()), found);
                    }
                }
            }
            return found;
        });
        fireAll(candidates);
    }

    /** The provider rejected a setting's key: once per run of rejections (re-armed when the key is replaced). */
    public void evaluateKey(ProviderKeyRejected rejected) {
        List<AlertFiringService.Candidate> candidates = QuarkusTransaction.requiringNew().call(() -> {
            List<AlertRule> active = rules.enabled(Set.of(AlertMetric.PROVIDER_KEY_REJECTED.wireName()));
            List<?> names = em.createNativeQuery("SELECT name FROM ai_settings WHERE id = :id")
                    .setParameter("id", rejected.settingId()).getResultList();
            if (active.isEmpty() || names.isEmpty()) {
                return List.<AlertFiringService.Candidate>of();
            }
            List<AlertFiringService.Candidate> found = new ArrayList<>();
            for (AlertRule rule : active) {
                if (rule.aiSetting != null && rule.aiSetting.id != rejected.settingId()) {
                    continue;
                }
                found.add(new AlertFiringService.Candidate(rule.id, "setting:" + rejected.settingId(), null,
                        List.of(100), new AlertEvent(AlertMetric.PROVIDER_KEY_REJECTED, rule.id, rule.name, 100,
                        BigDecimal.valueOf(100), BigDecimal.ONE, BigDecimal.ONE, "rejections", "setting",
                        String.valueOf(rejected.settingId()), (String) names.getFirst(), "episode",
                        "key:" + rejected.since().toInstant().toEpochMilli(), null, zone())));
            }
            return found;
        });
        fireAll(candidates);
    }

    /** This replica's usage-log backlog against the queue's capacity; called by {@link BacklogCheckJob}. */
    public void checkBacklog() {
        int depth = ledger.depth();
        int capacity = labgate.usage().queueCapacity();
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<AlertFiringService.Candidate> candidates = QuarkusTransaction.requiringNew().call(() -> {
            List<AlertFiringService.Candidate> found = new ArrayList<>();
            for (AlertRule rule : rules.enabled(Set.of(AlertMetric.USAGE_BACKLOG.wireName()))) {
                String replicaId = replica.id().toString();
                candidate(rule, "replica:" + replicaId, null, rule.thresholds, new AlertEvent(
                        AlertMetric.USAGE_BACKLOG, rule.id, rule.name, 0,
                        AlertEvent.percent(BigDecimal.valueOf(depth), BigDecimal.valueOf(capacity)),
                        BigDecimal.valueOf(depth), BigDecimal.valueOf(capacity), "rows", "replica", replicaId,
                        replicaId.substring(0, 8), "hour", "hour:" + windowKey(WindowKind.HOUR, now),
                        WindowKind.HOUR.end(now).toOffsetDateTime(), zone()), found);
            }
            return found;
        });
        fireAll(candidates);
    }

    private static void candidate(AlertRule rule, String subject, Long memberId, List<Integer> thresholds,
                                  AlertEvent event, List<AlertFiringService.Candidate> into) {
        List<Integer> crossed = thresholds.stream().filter(t -> event.percent().compareTo(BigDecimal.valueOf(t)) >= 0)
                .sorted().toList();
        if (!crossed.isEmpty()) {
            into.add(new AlertFiringService.Candidate(rule.id, subject, memberId, crossed, event));
        }
    }

    private void fireAll(List<AlertFiringService.Candidate> candidates) {
        boolean fired = false;
        for (AlertFiringService.Candidate candidate : candidates) {
            fired |= firings.fire(candidate);
        }
        if (fired) {
            dispatcher.wake();
        }
    }

    private Map<String, Long> windowCounts(Collection<Long> settingIds, ZonedDateTime now) {
        List<?> rows = em.createNativeQuery("""
                        SELECT ai_settings_id, window_kind, requests FROM setting_usage_windows
                         WHERE ai_settings_id IN (:settings)
                           AND ((window_kind = 'hour' AND window_start = :hour) OR (window_kind = 'day' AND window_start = :day)
                                OR (window_kind = 'month' AND window_start = :month))
                        """)
                .setParameter("settings", settingIds)
                .setParameter("hour", WindowKind.HOUR.start(now).toOffsetDateTime())
                .setParameter("day", WindowKind.DAY.start(now).toOffsetDateTime())
                .setParameter("month", WindowKind.MONTH.start(now).toOffsetDateTime())
                .getResultList();
        Map<String, Long> counts = new java.util.HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            counts.put(((Number) r[0]).longValue() + ":" + r[1], ((Number) r[2]).longValue());
        }
        return counts;
    }

    /** Per setting: failed calls and all calls (refusals by our own quota are not the provider's) in the span. */
    private Map<Long, long[]> errorRates(Collection<Long> settingIds, ZonedDateTime now) {
        List<?> rows = em.createNativeQuery("""
                        SELECT ai_settings_id, count(*) FILTER (WHERE status = 'error'), count(*) FROM usage_logs
                         WHERE ai_settings_id IN (:settings) AND created_at >= :since AND status <> 'refused'
                         GROUP BY ai_settings_id
                        """)
                .setParameter("settings", settingIds)
                .setParameter("since", now.minus(config.errorRateSpan()).toOffsetDateTime())
                .getResultList();
        Map<Long, long[]> rates = new java.util.HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            rates.put(((Number) r[0]).longValue(), new long[]{((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
        }
        return rates;
    }

    private static String windowKey(WindowKind kind, ZonedDateTime now) {
        ZonedDateTime start = kind.start(now);
        return switch (kind) {
            case HOUR -> start.format(HOUR);
            case DAY -> start.toLocalDate().toString();
            case MONTH -> start.toLocalDate().toString().substring(0, 7);
        };
    }

    private String zone() {
        return clock.getZone().getId();
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}

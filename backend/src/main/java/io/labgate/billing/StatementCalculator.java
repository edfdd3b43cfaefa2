package io.labgate.billing;

import io.labgate.billing.BillingViews.FeatureUsage;
import io.labgate.billing.BillingViews.ModelUsage;
import io.labgate.billing.BillingViews.Statement;
import io.labgate.billing.BillingViews.StatementMember;
import io.labgate.billing.BillingViews.StatementPlan;
import io.labgate.billing.BillingViews.StatementUsage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of a statement, and nothing else (no database, no clock), so its rules are in one place:
 * <ul>
 * <li><b>Proration by day</b> in the platform's zone. A period is charged for the days from the date it began to
 * the date it ended, that end date excluded: the day of a change is charged to the plan held from then on, so
 * a member who moves from basic to premium on the 16th of a 30-day month pays 15/30 of each. A period still open
 * runs to the end of the month. Each day is charged to one plan at most.</li>
 * <li>A plan line is {@code fee × days ÷ days in the month}, rounded half-up to the cent; the plan fees are the
 * sum of the lines. They are what the statement bills (its subtotal).</li>
 * <li>Usage cost is the sum of the usage log's per-call costs as priced (6 decimals), not rounded; it is shown
 * for reference and not billed.</li>
 * <li>VAT, when the month adds it: {@code subtotal × rate}, half-up to the cent.</li>
 * <li>KRW, when the month has a rate: the subtotal (in cents) × the rate, half-up to the won; VAT on that,
 * rounded down to the won (원 미만 절사, as Korean tax invoices do); the total is their sum.</li>
 * </ul>
 */
public final class StatementCalculator {

    static final int USD_SCALE = 2;
    static final int COST_SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private StatementCalculator() {
    }

    /** A period the member held a plan; {@code endedAt} null while held. */
    public record Period(Long planId, String planName, String displayName, BigDecimal monthlyFee,
                         OffsetDateTime startedAt, OffsetDateTime endedAt) {
    }

    /** The member's calls of one model for one feature in the month. */
    public record UsageRow(String provider, String model, String requestType, long calls, long promptTokens,
                           long completionTokens, long totalTokens, BigDecimal cost, long unpricedCalls) {
    }

    /** The month's settings: rate null until entered; VAT percent null when the month adds none. */
    public record Terms(BigDecimal krwPerUsd, BigDecimal vatPercent) {
    }

    public static Statement compute(YearMonth month, ZoneId zone, String state, boolean current, OffsetDateTime asOf,
                                    StatementMember member, List<Period> periods, List<UsageRow> usage,
                                    Terms terms) {
        int daysInMonth = month.lengthOfMonth();
        List<StatementPlan> plans = new ArrayList<>();
        for (Period p : periods) {
            StatementPlan line = line(month, zone, p);
            if (line != null) {
                plans.add(line);
            }
        }
        plans.sort(Comparator.comparing(StatementPlan::from));
        BigDecimal fees = plans.stream().map(StatementPlan::amountUsd).reduce(zero(USD_SCALE), BigDecimal::add);
        StatementUsage used = usage(usage);
        BigDecimal vat = terms.vatPercent() == null ? null
                : fees.multiply(terms.vatPercent()).divide(HUNDRED, USD_SCALE, RoundingMode.HALF_UP);
        BigDecimal total = vat == null ? fees : fees.add(vat);
        BigDecimal rate = terms.krwPerUsd();
        BigDecimal subtotalKrw = rate == null ? null : fees.multiply(rate).setScale(0, RoundingMode.HALF_UP);
        BigDecimal vatKrw = subtotalKrw == null || terms.vatPercent() == null ? null
                : subtotalKrw.multiply(terms.vatPercent()).divide(HUNDRED, 0, RoundingMode.DOWN);
        BigDecimal totalKrw = subtotalKrw == null ? null : vatKrw == null ? subtotalKrw : subtotalKrw.add(vatKrw);
        BigDecimal usageKrw = rate == null ? null : used.costUsd().multiply(rate).setScale(0, RoundingMode.HALF_UP);
        return new Statement(month.toString(), state, current, asOf, zone.getId(), daysInMonth, member, plans, fees,
                used, fees, terms.vatPercent(), vat, total, rate, subtotalKrw, vatKrw, totalKrw, usageKrw);
    }

    /** Whether the statement bills or shows anything: a plan day, or a call. */
    static boolean hasContent(Statement s) {
        return !s.plans().isEmpty() || s.usage().calls() > 0 || s.usage().costUsd().signum() != 0;
    }

    /** The period's charged days in the month, or null when it has none there. */
    static StatementPlan line(YearMonth month, ZoneId zone, Period p) {
        LocalDate monthStart = month.atDay(1);
        LocalDate afterMonth = month.plusMonths(1).atDay(1);
        LocalDate first = max(p.startedAt().atZoneSameInstant(zone).toLocalDate(), monthStart);
        LocalDate end = p.endedAt() == null ? afterMonth
                : min(p.endedAt().atZoneSameInstant(zone).toLocalDate(), afterMonth);
        long days = ChronoUnit.DAYS.between(first, end);
        if (days <= 0) {
            return null;
        }
        BigDecimal amount = p.monthlyFee().multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(month.lengthOfMonth()), USD_SCALE, RoundingMode.HALF_UP);
        return new StatementPlan(p.planId(), p.planName(), p.displayName(), p.monthlyFee().setScale(USD_SCALE),
                first, end.minusDays(1), (int) days, amount);
    }

    private static StatementUsage usage(List<UsageRow> rows) {
        Map<String, long[]> modelCounts = new LinkedHashMap<>();
        Map<String, BigDecimal> modelCost = new LinkedHashMap<>();
        Map<String, long[]> featureCounts = new LinkedHashMap<>();
        Map<String, BigDecimal> featureCost = new LinkedHashMap<>();
        long calls = 0, prompt = 0, completion = 0, tokens = 0, unpriced = 0;
        BigDecimal cost = zero(COST_SCALE);
        for (UsageRow r : rows) {
            String modelKey = r.provider() + "\u0000" + r.model();
            add(modelCounts.computeIfAbsent(modelKey, k -> new long[3]), r);
            modelCost.merge(modelKey, r.cost(), BigDecimal::add);
            add(featureCounts.computeIfAbsent(r.requestType(), k -> new long[3]), r);
            featureCost.merge(r.requestType(), r.cost(), BigDecimal::add);
            calls += r.calls();
            prompt += r.promptTokens();
            completion += r.completionTokens();
            tokens += r.totalTokens();
            unpriced += r.unpricedCalls();
            cost = cost.add(r.cost());
        }
        List<ModelUsage> byModel = new ArrayList<>();
        modelCounts.forEach((key, c) -> {
            String[] parts = key.split("\u0000", 2);
            byModel.add(new ModelUsage(parts[0], parts[1], c[0], c[1], scale(modelCost.get(key)), c[2]));
        });
        byModel.sort(Comparator.comparing(ModelUsage::costUsd).reversed().thenComparing(ModelUsage::model));
        List<FeatureUsage> byFeature = new ArrayList<>();
        featureCounts.forEach((type, c) -> byFeature.add(
                new FeatureUsage(type, c[0], c[1], scale(featureCost.get(type)), c[2])));
        byFeature.sort(Comparator.comparing(FeatureUsage::requestType));
        return new StatementUsage(calls, prompt, completion, tokens, scale(cost), unpriced, byModel, byFeature);
    }

    private static void add(long[] counts, UsageRow r) {
        counts[0] += r.calls();
        counts[1] += r.totalTokens();
        counts[2] += r.unpricedCalls();
    }

    static BigDecimal scale(BigDecimal cost) {
        return cost.setScale(COST_SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal zero(int scale) {
        return BigDecimal.ZERO.setScale(scale);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

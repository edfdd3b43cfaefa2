package io.labgate.billing;

import io.labgate.billing.BillingViews.Statement;
import io.labgate.billing.BillingViews.StatementMember;
import io.labgate.billing.StatementCalculator.Period;
import io.labgate.billing.StatementCalculator.Terms;
import io.labgate.billing.StatementCalculator.UsageRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The proration and rounding rules on their own (no database): see {@link StatementCalculator}. */
class StatementCalculatorTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final StatementMember KIM = new StatementMember(5, "kim", "지우", "김", "kim@lab.example", "ko",
            false);

    private static OffsetDateTime seoul(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(SEOUL).toOffsetDateTime();
    }

    private static Period period(String name, String fee, String from, String to) {
        return new Period(1L, name, name, new BigDecimal(fee), seoul(from), to == null ? null : seoul(to));
    }

    private static Statement compute(YearMonth month, List<Period> periods, Terms terms) {
        return StatementCalculator.compute(month, SEOUL, "open", false, seoul("2026-12-01T00:00"), KIM, periods,
                List.of(), terms);
    }

    @Test
    void theDayOfAChangeIsChargedToTheNewPlan() {
        // November 2026 has 30 days; the move happens on the 16th at 10:00 Seoul time.
        Statement s = compute(YearMonth.of(2026, 11), List.of(
                period("basic", "10.00", "2026-10-20T09:00", "2026-11-16T10:00"),
                period("premium", "30.00", "2026-11-16T10:00", null)), new Terms(null, null));
        assertEquals(2, s.plans().size());
        assertEquals(LocalDate.of(2026, 11, 1), s.plans().get(0).from());
        assertEquals(LocalDate.of(2026, 11, 15), s.plans().get(0).to());
        assertEquals(15, s.plans().get(0).days());
        assertEquals(new BigDecimal("5.00"), s.plans().get(0).amountUsd());
        assertEquals(LocalDate.of(2026, 11, 16), s.plans().get(1).from());
        assertEquals(LocalDate.of(2026, 11, 30), s.plans().get(1).to());
        assertEquals(new BigDecimal("15.00"), s.plans().get(1).amountUsd());
        assertEquals(new BigDecimal("20.00"), s.planFeesUsd());
    }

    @Test
    void linesRoundHalfUpToTheCentAndAChangeWithinADayChargesOnlyTheLastPlan() {
        // October has 31 days: 10 × 15/31 = 4.8387… → 4.84; 30 × 16/31 = 15.4838… → 15.48.
        Statement s = compute(YearMonth.of(2026, 10), List.of(
                period("basic", "10.00", "2026-10-01T00:00", "2026-10-16T08:00"),
                period("enterprise", "100.00", "2026-10-16T08:00", "2026-10-16T09:00"),
                period("premium", "30.00", "2026-10-16T09:00", null)), new Terms(null, null));
        assertEquals(List.of("basic", "premium"), s.plans().stream().map(BillingViews.StatementPlan::planName).toList());
        assertEquals(new BigDecimal("4.84"), s.plans().get(0).amountUsd());
        assertEquals(new BigDecimal("15.48"), s.plans().get(1).amountUsd());
        assertEquals(new BigDecimal("20.32"), s.planFeesUsd());
    }

    @Test
    void aPeriodOutsideTheMonthOrOfNoWholeDayChargesNothing() {
        Statement s = compute(YearMonth.of(2026, 11), List.of(
                period("basic", "10.00", "2026-10-01T00:00", "2026-11-01T10:00"),
                period("premium", "30.00", "2026-11-05T10:00", "2026-11-05T18:00")), new Terms(null, null));
        assertTrue(s.plans().isEmpty());
        assertEquals(new BigDecimal("0.00"), s.totalUsd());
        assertTrue(!StatementCalculator.hasContent(s));
    }

    @Test
    void krwIsRoundedToTheWonAndItsVatDownToTheWon() {
        // 20.00 USD × 1,385.55 = 27,711 ₩; VAT 2,771.1 → 2,771 ₩; USD VAT 2.00.
        Statement s = compute(YearMonth.of(2026, 11), List.of(period("premium", "20.00", "2026-10-01T00:00", null)),
                new Terms(new BigDecimal("1385.55"), new BigDecimal("10")));
        assertEquals(new BigDecimal("2.00"), s.vatUsd());
        assertEquals(new BigDecimal("22.00"), s.totalUsd());
        assertEquals(new BigDecimal("27711"), s.subtotalKrw());
        assertEquals(new BigDecimal("2771"), s.vatKrw());
        assertEquals(new BigDecimal("30482"), s.totalKrw());
        Statement noVat = compute(YearMonth.of(2026, 11), List.of(period("premium", "20.00", "2026-10-01T00:00", null)),
                new Terms(new BigDecimal("1385.55"), null));
        assertNull(noVat.vatUsd());
        assertNull(noVat.vatKrw());
        assertEquals(new BigDecimal("27711"), noVat.totalKrw());
    }

    @Test
    void usageIsSummedByModelAndFeatureAndNotBilled() {
        Statement s = StatementCalculator.compute(YearMonth.of(2026, 11), SEOUL, "open", true,
                seoul("2026-11-20T00:00"), KIM, List.of(), List.of(
                        new UsageRow("openai", "gpt-4o", "chatbot", 2, 2000, 200, 2200, new BigDecimal("0.007000"), 0),
                        new UsageRow("openai", "gpt-4o", "analysis", 1, 500, 50, 550, new BigDecimal("0.001750"), 0),
                        new UsageRow("sandbox", "sandbox", "chatbot", 3, 30, 30, 60, BigDecimal.ZERO, 3)),
                new Terms(null, null));
        assertEquals(6, s.usage().calls());
        assertEquals(3, s.usage().unpricedCalls());
        assertEquals(new BigDecimal("0.008750"), s.usage().costUsd());
        assertEquals("gpt-4o", s.usage().byModel().get(0).model());
        assertEquals(3, s.usage().byModel().get(0).calls());
        assertEquals(List.of("analysis", "chatbot"),
                s.usage().byFeature().stream().map(BillingViews.FeatureUsage::requestType).toList());
        assertEquals(5, s.usage().byFeature().get(1).calls());
        assertEquals(new BigDecimal("0.00"), s.totalUsd());
        assertTrue(StatementCalculator.hasContent(s));
    }
}

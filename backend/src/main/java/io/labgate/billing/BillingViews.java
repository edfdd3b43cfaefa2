package io.labgate.billing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What billing answers. Money is USD unless the name says KRW; see docs/operations.md for the rounding rules. */
public final class BillingViews {

    private BillingViews() {
    }

    /** Whom a statement bills: the member as they are, or as they were when deleted. */
    public record StatementMember(long id, String username, String firstName, String lastName, String email,
                                  @Schema(description = "ko or en: the member's language when the figures were taken (PDFs follow the current one)")
                                  String language,
                                  boolean deleted) {
    }

    /** One plan held in the month: its fee as it was, the days charged and the prorated amount. */
    public record StatementPlan(Long planId, String planName, String displayName, BigDecimal monthlyFeeUsd,
                                @Schema(description = "first day charged") LocalDate from,
                                @Schema(description = "last day charged (inclusive)") LocalDate to, int days,
                                BigDecimal amountUsd) {
    }

    public record ModelUsage(String provider, String model, long calls, long totalTokens, BigDecimal costUsd,
                             long unpricedCalls) {
    }

    public record FeatureUsage(String requestType, long calls, long totalTokens, BigDecimal costUsd,
                               long unpricedCalls) {
    }

    /** What the member's calls in the month cost the platform (refused calls are not counted). */
    public record StatementUsage(long calls, long promptTokens, long completionTokens, long totalTokens,
                                 BigDecimal costUsd, long unpricedCalls, List<ModelUsage> byModel,
                                 List<FeatureUsage> byFeature) {
    }

    /**
     * A member's statement for a month. The plan fees are what is billed ({@code subtotal_usd}); the usage cost is
     * what the member's AI use cost the platform, shown for reference. KRW fields are null until the month has an
     * exchange rate; VAT fields are null when the month bills no VAT.
     */
    public record Statement(String month,
                            @Schema(description = "open or closed") String state,
                            @Schema(description = "the current month: figures so far") boolean current,
                            @Schema(description = "when the figures were taken: now, or when the month closed")
                            OffsetDateTime asOf,
                            String timeZone, int daysInMonth, StatementMember member, List<StatementPlan> plans,
                            BigDecimal planFeesUsd, StatementUsage usage, BigDecimal subtotalUsd,
                            BigDecimal vatPercent, BigDecimal vatUsd, BigDecimal totalUsd, BigDecimal krwPerUsd,
                            BigDecimal subtotalKrw, BigDecimal vatKrw, BigDecimal totalKrw,
                            BigDecimal usageCostKrw) {
    }

    /** A statement as a row of the month's list or of the member's own months. */
    public record StatementSummary(String month, String state, boolean current, StatementMember member,
                                   List<String> plans, BigDecimal planFeesUsd, BigDecimal usageCostUsd, long calls,
                                   long unpricedCalls, BigDecimal vatUsd, BigDecimal totalUsd,
                                   BigDecimal totalKrw) {

        static StatementSummary of(Statement s) {
            return new StatementSummary(s.month(), s.state(), s.current(), s.member(),
                    s.plans().stream().map(StatementPlan::displayName).distinct().toList(), s.planFeesUsd(),
                    s.usage().costUsd(), s.usage().calls(), s.usage().unpricedCalls(), s.vatUsd(), s.totalUsd(),
                    s.totalKrw());
        }
    }

    /**
     * The month's totals over every statement. {@code unattributed_*}: calls whose member was deleted before
     * billing kept member ids, on the platform's cost but on no statement.
     */
    public record MonthTotals(int statements, BigDecimal planFeesUsd, BigDecimal usageCostUsd,
                              BigDecimal unattributedUsageUsd, long unattributedCalls, BigDecimal vatUsd,
                              BigDecimal totalUsd, BigDecimal totalKrw,
                              @Schema(description = "plan fees less the usage cost") BigDecimal marginUsd) {
    }

    /** A close or reopen of the month. */
    public record ClosingEvent(@Schema(description = "closed or reopened") String action, OffsetDateTime at,
                               String by, String reason) {
    }

    public record BillingMonthView(String month,
                                   @Schema(description = "open or closed") String state,
                                   @Schema(description = "the current month: open, figures so far") boolean current,
                                   @Schema(description = "the month is over and may be closed") boolean ended,
                                   String timeZone, BigDecimal krwPerUsd, boolean applyVat, BigDecimal vatPercent,
                                   OffsetDateTime closedAt, String closedBy, MonthTotals totals,
                                   List<ClosingEvent> history) {
    }

    /** One page of a month's statements: {@code {items, total, page, size}}. */
    public record StatementPage(List<StatementSummary> items, long total, int page, int size) {
    }
}

package io.labgate.billing;

import java.math.BigDecimal;
import java.util.List;

public final class BillingViews {

    private BillingViews() {
    }

    /** One member's month: the plan fee they are billed and what their AI use cost the platform. */
    public record MemberBill(Long memberId, String username, String email, String planName, String planDisplayName,
                             BigDecimal planFee, BigDecimal aiCost, long tokens, long requests, long unpricedCalls) {
    }

    public record MonthlyBilling(String month, String timeZone, List<MemberBill> members, BigDecimal totalPlanFees,
                                 BigDecimal totalAiCost, BigDecimal margin) {
    }
}

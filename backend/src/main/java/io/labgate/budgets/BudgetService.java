package io.labgate.budgets;

import io.labgate.access.AccessRepository;
import io.labgate.access.UserAiAccess;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.quota.PendingUsage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;

/** A member's budget and spend, as their workspace shows it next to tokens and requests. */
@ApplicationScoped
public class BudgetService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final AccessRepository access;
    private final MemberSpend spend;
    private final PendingUsage pending;
    private final Clock clock;

    BudgetService(AccessRepository access, MemberSpend spend, PendingUsage pending, Clock clock) {
        this.access = access;
        this.spend = spend;
        this.pending = pending;
        this.clock = clock;
    }

    /** Read after the member's own ended calls are booked, like their usage. */
    public MyBudgetView forMember(long memberId) {
        pending.awaitMember(memberId);
        return QuarkusTransaction.joiningExisting().call(() -> read(memberId));
    }

    private MyBudgetView read(long memberId) {
        UserAiAccess a = access.findByMember(memberId).orElseThrow(() -> new ApiException(404, ErrorCode.NOT_FOUND,
                "No AI access has been assigned to you yet", Map.of("resource", "access")));
        MemberBudget budget = MemberBudget.of(a.monthlyBudgetUsd, a.plan.monthlyBudgetUsd, a.plan.budgetSoftPercent);
        ZonedDateTime now = ZonedDateTime.now(clock);
        MemberSpend.Spend spent = spend.monthToDate(memberId, now);
        ZonedDateTime resets = now.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(now.getZone());
        BigDecimal left = null;
        BigDecimal percent = null;
        if (budget.limited()) {
            left = budget.usd().subtract(spent.usd()).max(BigDecimal.ZERO).setScale(6, RoundingMode.HALF_UP);
            percent = spent.usd().multiply(HUNDRED).divide(budget.usd(), 1, RoundingMode.HALF_UP);
        }
        return new MyBudgetView(budget.limited() ? budget.usd() : null, budget.softPercent(),
                budget.source().name().toLowerCase(Locale.ROOT), spent.usd(), left, percent, spent.unpricedCalls(),
                spend.fallbackUsdPerMtok(), resets.toOffsetDateTime(), clock.getZone().getId());
    }
}

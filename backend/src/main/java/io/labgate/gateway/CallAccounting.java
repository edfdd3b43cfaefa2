package io.labgate.gateway;

import io.labgate.budgets.BudgetCosts;
import io.labgate.pricing.PricingService;
import io.labgate.promptlog.PromptLogRow;
import io.labgate.promptlog.PromptLogService;
import io.labgate.providers.AiSettingService;
import io.labgate.providers.ChatCall;
import io.labgate.providers.TokenUsage;
import io.labgate.providers.UpstreamException;
import io.labgate.quota.QuotaService;
import io.labgate.quota.ReservationEnd;
import io.labgate.usage.ContentRetention;
import io.labgate.ledger.CallEntry;
import io.labgate.ledger.CallLedger;
import io.labgate.usage.UsageRecord;
import io.labgate.usage.UsageSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * How a call ends in the books: its reservation settled to the usage (or released), priced, and handed to the
 * ledger with its usage row and prompt-log entry, which writes them in one transaction. A call is booked by
 * the path that ended its reservation and by no other, so a stream's done, error and cancel paths can race
 * without counting a call twice or logging it twice.
 */
@ApplicationScoped
class CallAccounting {

    private static final Logger LOG = Logger.getLogger(CallAccounting.class);

    private final QuotaService quota;
    private final PricingService pricing;
    private final BudgetCosts costs;
    private final CallLedger ledger;
    private final UsageSettings usageSettings;
    private final PromptLogService promptLog;
    private final AiSettingService settings;
    private final CallMetrics metrics;
    private final Clock clock;

    CallAccounting(QuotaService quota, PricingService pricing, BudgetCosts costs, CallLedger ledger,
                   UsageSettings usageSettings, PromptLogService promptLog, AiSettingService settings,
                   CallMetrics metrics, Clock clock) {
        this.quota = quota;
        this.pricing = pricing;
        this.costs = costs;
        this.ledger = ledger;
        this.usageSettings = usageSettings;
        this.promptLog = promptLog;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What the provider produced, as the usage log keeps it. */
    record Answer(String status, String text, TokenUsage usage, String model, Integer ttftMs, String error) {
    }

    /** A settled call's price; {@code cost} is null when the model has no price. */
    record Settled(BigDecimal cost) {
    }

    /** The quota refused the call before it reached a provider: logged, nothing was reserved. */
    void refused(MemberRoute route, RequestType type, CallOrigin origin, ChatCall call, String limit) {
        UsageRecord row = record(route, type, origin, call, false, new Answer("refused", null, TokenUsage.NONE,
                call.model(), null, limit), null, null, usageSettings.contentRetention());
        metrics.refused(row, limit);
        ledger.submit(CallEntry.withoutReservation(row));
    }

    /**
     * The provider answered, all or part: settles to the usage and its cost (the usage row's, else the budget's
     * fallback price) and logs the call. Empty when another path had already ended the call — then nothing is
     * counted or logged again.
     */
    Optional<Settled> answered(GatewayService.PreparedCall call, boolean stream, Answer answer) {
        // Whatever may have to be read from the database is read before the reservation ends: up to here a call
        // on an event loop may still move to a virtual thread and start again (WouldBlock), after it not.
        BigDecimal cost = price(call, answer.model(), answer.usage());
        ContentRetention retention = usageSettings.contentRetention();
        Optional<ReservationEnd> end = quota.settle(call.reservation(), answer.usage().totalTokens(),
                costs.micros(cost, answer.usage()));
        if (end.isEmpty()) {
            return Optional.empty();
        }
        UsageRecord row = record(call, stream, answer, cost, retention);
        metrics.booked(row);
        ledger.submit(new CallEntry(row, end.get(), promptRow(call, answer.text(), retention)
                .withUsage(answer.model(), answer.usage())));
        return Optional.of(new Settled(cost));
    }

    /**
     * The call failed. After a time-out the request had reached the provider, which may still do — and bill —
     * the work: the reserved amount is settled, not released (its tokens, and their cost at the configured
     * model's price: what was reserved of the budget). Any other failure gives the reservation back.
     * {@code partialText} is what had already been streamed to the member, if anything.
     */
    void failed(GatewayService.PreparedCall call, boolean stream, UpstreamException e, String partialText) {
        if (e.kind() == UpstreamException.Kind.AUTH) {
            // Admin-visible: the settings card shows it, and the log has it for alerting.
            LOG.errorf("Provider rejected the key of AI setting %d (%s): %s", call.route().connection().settingId(),
                    call.route().connection().provider().wireName(), e.getMessage());
            settings.recordKeyFailure(call.route().connection().settingId(), e.getMessage());
        }
        String error = e.kind().name().toLowerCase() + ": " + e.getMessage();
        if (e.kind() == UpstreamException.Kind.TIMEOUT) {
            long prompt = call.reservation().promptTokens();
            TokenUsage reserved = new TokenUsage(prompt, call.reservation().tokens() - prompt, 0, 0, 0);
            answered(call, stream, new Answer(partialText == null || partialText.isEmpty() ? "error" : "incomplete",
                    partialText, reserved, call.call().model(), null, error));
            return;
        }
        ContentRetention retention = usageSettings.contentRetention();
        quota.release(call.reservation()).ifPresent(end -> {
            UsageRecord row = record(call, stream, new Answer("error", partialText, TokenUsage.NONE, call.call().model(),
                    null, error), null, retention);
            metrics.booked(row);
            ledger.submit(new CallEntry(row, end, null));
        });
    }

    /** Priced by the model the provider reports (dated snapshots match their family), else the configured one. */
    private BigDecimal price(GatewayService.PreparedCall call, String reportedModel, TokenUsage usage) {
        String provider = call.route().connection().provider().wireName();
        return pricing.cost(provider, reportedModel, usage)
                .or(() -> pricing.cost(provider, call.call().model(), usage))
                .orElse(null);
    }

    /** Every answered call lands in the member's prompt log, without any step from the client. */
    private PromptLogRow promptRow(GatewayService.PreparedCall call, String answer, ContentRetention retention) {
        String prompt = call.call().messages().getLast().content();
        return promptLog.entryFor(call.route().memberId(), call.origin().channel(), call.sessionId(), call.context(),
                prompt, answer, retention);
    }

    private UsageRecord record(GatewayService.PreparedCall call, boolean stream, Answer answer, BigDecimal cost,
                               ContentRetention retention) {
        return record(call.route(), call.type(), call.origin(), call.call(), stream, answer, cost,
                elapsedMs(call.startNanos()), retention);
    }

    private UsageRecord record(MemberRoute route, RequestType type, CallOrigin origin, ChatCall call, boolean stream,
                               Answer answer, BigDecimal cost, Integer latencyMs, ContentRetention retention) {
        String prompt = call.messages().isEmpty() ? null : call.messages().getLast().content();
        TokenUsage usage = answer.usage();
        return new UsageRecord(OffsetDateTime.now(clock), route.memberId(), route.connection().settingId(),
                route.planId(), route.connection().provider().wireName(), call.model(), type.wireName(), origin.channel(),
                answer.status(), stream, retention.apply(prompt), retention.apply(answer.text()),
                usage.promptTokens(), usage.completionTokens(), usage.cachedTokens(), usage.reasoningTokens(), cost,
                latencyMs, answer.ttftMs(), answer.error(), origin.clientIp(), origin.userAgent());
    }

    static int elapsedMs(long startNanos) {
        return (int) ((System.nanoTime() - startNanos) / 1_000_000);
    }
}

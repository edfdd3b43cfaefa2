package io.labgate.gateway;

import io.labgate.budgets.BudgetCosts;
import io.labgate.common.config.LabgateConfig;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ViolationCode;
import io.labgate.providers.ChatCall;
import io.labgate.providers.ChatMessage;
import io.labgate.providers.ChatResult;
import io.labgate.providers.ProviderAdapter;
import io.labgate.providers.ProviderConnection;
import io.labgate.providers.TokenEstimator;
import io.labgate.providers.TokenUsage;
import io.labgate.providers.UpstreamException;
import io.labgate.quota.QuotaExceededException;
import io.labgate.quota.QuotaReservation;
import io.labgate.quota.QuotaService;
import io.labgate.ledger.CallLedger;
import io.labgate.common.threads.ContextFree;
import io.labgate.common.threads.WouldBlock;
import io.quarkus.virtual.threads.VirtualThreads;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * One AI call from start to end: route, validate, reserve quota, call the provider, and hand the ending to
 * {@link CallAccounting} (settle or release, price, log). Every call that got a reservation is resolved
 * exactly once, and every call that reached a provider — or was refused — is logged once.
 */
@ApplicationScoped
public class GatewayService {

    private final MemberRouteResolver routes;
    private final QuotaService quota;
    private final TokenEstimator tokens;
    private final Instance<ProviderAdapter> adapters;
    private final CallAccounting accounting;
    private final CallLedger ledger;
    private final BudgetCosts costs;
    private final int maxPromptChars;
    private final ExecutorService virtualThreads;
    private final CallMetrics metrics;

    GatewayService(MemberRouteResolver routes, QuotaService quota, TokenEstimator tokens,
                   Instance<ProviderAdapter> adapters, CallAccounting accounting, CallLedger ledger,
                   BudgetCosts costs, LabgateConfig config, CallMetrics metrics,
                   @VirtualThreads ExecutorService virtualThreads) {
        this.metrics = metrics;
        this.virtualThreads = virtualThreads;
        this.ledger = ledger;
        this.costs = costs;
        this.routes = routes;
        this.quota = quota;
        this.tokens = tokens;
        this.adapters = adapters;
        this.accounting = accounting;
        this.maxPromptChars = config.gateway().maxPromptChars();
    }

    /** A call ready to go: quota reserved. The caller must run it (complete or stream). */
    public record PreparedCall(String id, MemberRoute route, RequestType type, ChatCall call,
                               QuotaReservation reservation, int estimatedPromptTokens, CallOrigin origin,
                               long startNanos, String sessionId, String context) {
    }

    public PreparedCall prepare(long memberId, RequestType type, ChatRequest request, CallOrigin origin) {
        long start = System.nanoTime();
        // A call we could not record is not taken: 503 with Retry-After while the usage log is backed up.
        ledger.ensureAccepting();
        MemberRoute route = routes.resolve(memberId, type);
        ChatCall call = toCall(route, type, request);
        int promptTokens = tokens.promptTokens(call.messages());
        // The most the call may cost, held of the member's budget (only a budget needs it).
        long maxCost = route.limits().monthlyBudgetMicros() > 0 ? costs.maxMicros(
                route.connection().provider().wireName(), call.model(), promptTokens, call.maxTokens()) : 0;
        QuotaReservation reservation;
        try {
            reservation = quota.reserve(new QuotaService.Claim(route.accessId(), route.connection().settingId(),
                    promptTokens, (long) promptTokens + call.maxTokens(), maxCost), route.limits());
        } catch (QuotaExceededException refused) {
            accounting.refused(route, type, origin, call, refused.limit());
            throw refused;
        }
        return new PreparedCall("chat-" + UUID.randomUUID(), route, type, call, reservation, promptTokens, origin,
                start, request.sessionId(), request.context() == null || request.context().isBlank()
                ? type.wireName() : request.context().trim());
    }

    /** The whole answer, for a caller that may wait (a virtual thread). */
    public ChatResponse complete(PreparedCall prepared) {
        return answer(prepared).await().indefinitely();
    }

    /**
     * The whole answer, without holding a thread while the provider works (the adapter's wait is bounded). The
     * answer is booked on the thread it arrives on — the event loop — unless a price or setting must be read
     * first; failures are booked on a virtual thread (a rejected key is written down at once).
     */
    public Uni<ChatResponse> answer(PreparedCall prepared) {
        Uni<ChatResult> result;
        try {
            result = adapterFor(prepared.route().connection()).complete(prepared.route().connection(), prepared.call());
        } catch (RuntimeException e) {
            result = Uni.createFrom().failure(e);
        }
        return result.onItemOrFailure().transformToUni((answer, failure) -> failure == null
                ? WouldBlock.orElseOn(virtualThreads, metrics::moved, () -> answered(prepared, answer))
                : Uni.createFrom().<ChatResponse>emitter(e -> {
                    if (failure instanceof UpstreamException upstream) {
                        accounting.failed(prepared, false, upstream, null);
                        e.fail(toApiError(upstream));
                    } else {
                        accounting.failed(prepared, false, new UpstreamException(UpstreamException.Kind.MALFORMED, 0,
                                "unexpected failure: " + failure.getClass().getSimpleName()), null);
                        e.fail(failure);
                    }
                }).runSubscriptionOn(virtualThreads));
    }

    private ChatResponse answered(PreparedCall prepared, ChatResult result) {
        TokenUsage usage = StreamTally.reportedOrCounted(result.usage(), prepared.estimatedPromptTokens(),
                result.content(), tokens);
        BigDecimal cost = accounting.answered(prepared, false, new CallAccounting.Answer("ok", result.content(),
                        usage, result.model(), null, null))
                .map(CallAccounting.Settled::cost).orElse(null);
        return new ChatResponse(prepared.id(), result.content(), result.model(),
                ChatResponse.UsageView.of(usage), cost, prepared.type().wireName());
    }

    /** What a stream ends with: the usage and cost of the whole call. */
    public record StreamSummary(String id, String model, TokenUsage usage, BigDecimal cost, String finishReason) {
    }

    /** Server-side view of a stream: text pieces as they come, then one summary; errors end it. */
    public sealed interface StreamItem {
        record Text(String text) implements StreamItem {
        }

        record Done(StreamSummary summary) implements StreamItem {
        }

        record Failed(ApiException error) implements StreamItem {
        }
    }

    /**
     * The provider's stream as the member sees it. Whichever comes first — the end of the stream, a failure or
     * the member going away — accounts for the call; the others find it ended and change nothing.
     */
    public Multi<StreamItem> stream(PreparedCall prepared) {
        return ContextFree.build(() -> streamOf(prepared));
    }

    private Multi<StreamItem> streamOf(PreparedCall prepared) {
        ProviderConnection connection = prepared.route().connection();
        StreamTally tally = new StreamTally(connection.modelName());

        Multi<StreamItem> body = adapterFor(connection).stream(connection, prepared.call())
                .onItem().transformToIterable(tally::accept);

        Multi<StreamItem> withSummary = Multi.createBy().concatenating().streams(body,
                Multi.createFrom().deferred(() -> {
                    TokenUsage usage = tally.usage(tokens, prepared.estimatedPromptTokens(), true);
                    // Claimed once, here; only the booking after it may run again on a virtual thread (it reads
                    // what it may have to wait for before it settles). At steady state it stays on the event loop.
                    Uni<BigDecimal> cost = !tally.end() ? Uni.createFrom().nullItem()
                            : WouldBlock.orElseOn(virtualThreads, metrics::moved, () -> accounting.answered(prepared,
                                    true, answer(prepared, tally, "ok", usage, null))
                                    .map(CallAccounting.Settled::cost).orElse(null));
                    return cost.map(c -> (StreamItem) new StreamItem.Done(new StreamSummary(prepared.id(),
                            tally.model(), usage, c, tally.finishReason()))).toMulti();
                }));

        return withSummary
                .onFailure().recoverWithMulti(failure -> Multi.createFrom().<StreamItem>item(() -> {
                    UpstreamException upstream = failure instanceof UpstreamException u ? u
                            : new UpstreamException(UpstreamException.Kind.MALFORMED, 0, "the stream broke off");
                    if (tally.end()) {
                        if (tally.producedNothing() || upstream.kind() == UpstreamException.Kind.TIMEOUT) {
                            accounting.failed(prepared, true, upstream, tally.text());
                        } else {
                            // Tokens were produced: they are billed even though the stream did not finish.
                            accounting.answered(prepared, true, answer(prepared, tally, "incomplete",
                                    tally.usage(tokens, prepared.estimatedPromptTokens(), false),
                                    upstream.getMessage()));
                        }
                    }
                    return new StreamItem.Failed(toApiError(upstream));
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .onCancellation().invoke(() -> {
                    if (tally.end()) {
                        Infrastructure.getDefaultWorkerPool().execute(() -> accounting.answered(prepared, true,
                                answer(prepared, tally, "cancelled",
                                        tally.usage(tokens, prepared.estimatedPromptTokens(), false),
                                        "client disconnected")));
                    }
                });
    }

    private static CallAccounting.Answer answer(PreparedCall prepared, StreamTally tally, String status,
                                                TokenUsage usage, String error) {
        return new CallAccounting.Answer(status, tally.text(), usage, tally.model(),
                tally.ttftMs(prepared.startNanos()), error);
    }

    private ProviderAdapter adapterFor(ProviderConnection connection) {
        for (ProviderAdapter adapter : adapters) {
            if (adapter.serves(connection.provider())) {
                return adapter;
            }
        }
        throw new ApiException(501, "provider_not_supported", "Provider " + connection.provider().wireName()
                + " cannot be called yet");
    }

    private ChatCall toCall(MemberRoute route, RequestType type, ChatRequest request) {
        int maxTokens = request.maxTokens() == null ? route.settingMaxTokens() : request.maxTokens();
        if (maxTokens > route.settingMaxTokens()) {
            throw ApiException.invalid("max_tokens", ViolationCode.TOO_LARGE, Map.of("max", route.settingMaxTokens()),
                    "must be at most " + route.settingMaxTokens() + " for your AI provider");
        }
        long chars = request.messages().stream().mapToLong(m -> m.content().length()).sum();
        if (chars > maxPromptChars) {
            throw ApiException.invalid("messages", ViolationCode.TOO_LONG, Map.of("max", maxPromptChars),
                    "are too long: " + chars + " characters, at most " + maxPromptChars);
        }
        List<ChatMessage> messages = new ArrayList<>();
        if (type.systemPrompt() != null) {
            messages.add(new ChatMessage("system", type.systemPrompt()));
        }
        request.messages().forEach(m -> messages.add(new ChatMessage(m.role(), m.content())));
        BigDecimal temperature = request.temperature() != null ? request.temperature() : route.settingTemperature();
        return new ChatCall(route.connection().modelName(), List.copyOf(messages), maxTokens, temperature);
    }

    static ApiException toApiError(UpstreamException e) {
        return switch (e.kind()) {
            case AUTH -> new ApiException(502, "provider_key_invalid", "The platform's key for this AI provider "
                    + "is not working; the administrator has been notified");
            case RATE_LIMITED -> new ApiException(503, "provider_rate_limited",
                    "The AI provider is busy right now; try again in a moment");
            case UNAVAILABLE -> new ApiException(502, "provider_unavailable",
                    "The AI provider is not answering properly right now; try again later");
            case TIMEOUT -> new ApiException(504, "provider_timeout", "The AI provider took too long to answer");
            case REJECTED -> new ApiException(400, "provider_rejected", "The AI provider rejected the request: "
                    + e.getMessage());
            case MALFORMED -> new ApiException(502, "provider_malformed",
                    "The AI provider's answer could not be read");
        };
    }
}

package io.labgate.gateway;

import io.labgate.providers.ChatCall;
import io.labgate.providers.ChatMessage;
import io.labgate.providers.ChatResult;
import io.labgate.providers.StreamEvent;
import io.labgate.providers.TokenUsage;
import io.labgate.providers.UpstreamException;
import io.labgate.providers.ProviderAdapter;
import io.labgate.providers.TokenEstimator;

import io.labgate.common.error.ApiException;
import io.labgate.pricing.PricingService;
import io.labgate.providers.AiSettingService;
import io.labgate.promptlog.PromptLogService;
import io.labgate.providers.ProviderConnection;
import io.labgate.quota.QuotaExceededException;
import io.labgate.quota.QuotaReservation;
import io.labgate.quota.QuotaService;
import io.labgate.usage.ContentRetention;
import io.labgate.usage.UsageLogWriter;
import io.labgate.usage.UsageRecord;
import io.labgate.usage.UsageSettings;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import io.labgate.common.config.LabgateConfig;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One AI call from start to end: route, validate, reserve quota, call the provider, settle to the real
 * usage (or release on failure), price it and log it. Every call that got a reservation is settled or
 * released exactly once, and every call that reached a provider — or was refused — is logged.
 */
@ApplicationScoped
public class GatewayService {

    private static final Logger LOG = Logger.getLogger(GatewayService.class);

    private final MemberRouteResolver routes;
    private final QuotaService quota;
    private final TokenEstimator tokens;
    private final Instance<ProviderAdapter> adapters;
    private final PricingService pricing;
    private final UsageLogWriter usageLog;
    private final UsageSettings usageSettings;
    private final PromptLogService promptLog;
    private final AiSettingService settings;
    private final Clock clock;
    private final int maxPromptChars;

    GatewayService(MemberRouteResolver routes, QuotaService quota, TokenEstimator tokens,
                   Instance<ProviderAdapter> adapters, PricingService pricing, UsageLogWriter usageLog,
                   UsageSettings usageSettings, PromptLogService promptLog, AiSettingService settings, Clock clock,
                   LabgateConfig config) {
        this.routes = routes;
        this.quota = quota;
        this.tokens = tokens;
        this.adapters = adapters;
        this.pricing = pricing;
        this.usageLog = usageLog;
        this.usageSettings = usageSettings;
        this.promptLog = promptLog;
        this.settings = settings;
        this.clock = clock;
        this.maxPromptChars = config.gateway().maxPromptChars();
    }

    /** A call ready to go: quota reserved. The caller must run it (complete or stream). */
    public record PreparedCall(String id, MemberRoute route, RequestType type, ChatCall call,
                               QuotaReservation reservation, int estimatedPromptTokens, CallOrigin origin,
                               long startNanos, String sessionId, String context) {
    }

    public PreparedCall prepare(long memberId, RequestType type, ChatRequest request, CallOrigin origin) {
        long start = System.nanoTime();
        MemberRoute route = routes.resolve(memberId, type);
        ChatCall call = toCall(route, type, request);
        int promptTokens = tokens.promptTokens(call.messages());
        QuotaReservation reservation;
        try {
            reservation = quota.reserve(route.accessId(), route.connection().settingId(),
                    (long) promptTokens + call.maxTokens(), route.limits());
        } catch (QuotaExceededException refused) {
            log(route, type, origin, call, false, "refused", null, TokenUsage.NONE, null, null, null,
                    refused.limit());
            throw refused;
        }
        return new PreparedCall("chat-" + UUID.randomUUID(), route, type, call, reservation, promptTokens, origin,
                start, request.sessionId(), request.context() == null || request.context().isBlank()
                ? type.wireName() : request.context().trim());
    }

    public ChatResponse complete(PreparedCall prepared) {
        ChatResult result;
        try {
            result = adapterFor(prepared.route().connection()).complete(prepared.route().connection(),
                    prepared.call());
        } catch (UpstreamException e) {
            quota.release(prepared.reservation());
            logFailure(prepared, false, e, null);
            throw toApiError(e);
        } catch (RuntimeException e) {
            quota.release(prepared.reservation());
            logFailure(prepared, false, new UpstreamException(UpstreamException.Kind.MALFORMED, 0,
                    "unexpected failure: " + e.getClass().getSimpleName()), null);
            throw e;
        }
        TokenUsage usage = usageOrEstimate(result.usage(), prepared, result.content());
        quota.settle(prepared.reservation(), usage.totalTokens());
        BigDecimal cost = price(prepared, result.model(), usage);
        log(prepared.route(), prepared.type(), prepared.origin(), prepared.call(), false, "ok", result.content(),
                usage, cost, elapsedMs(prepared.startNanos()), null, null);
        recordPrompt(prepared, result.content());
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

    public Multi<StreamItem> stream(PreparedCall prepared) {
        ProviderConnection connection = prepared.route().connection();
        StringBuilder text = new StringBuilder();
        List<TokenUsage> lastUsage = new ArrayList<>(1);
        String[] model = {connection.modelName()};
        String[] finish = {null};
        long[] firstTokenNanos = {0};
        AtomicBoolean finished = new AtomicBoolean();

        Multi<StreamItem> body = adapterFor(connection).stream(connection, prepared.call())
                .onItem().transformToIterable(event -> switch (event) {
                    case StreamEvent.Delta d -> {
                        if (firstTokenNanos[0] == 0) {
                            firstTokenNanos[0] = System.nanoTime();
                        }
                        text.append(d.text());
                        yield List.<StreamItem>of(new StreamItem.Text(d.text()));
                    }
                    case StreamEvent.Usage u -> {
                        lastUsage.clear();
                        lastUsage.add(u.usage());
                        if (u.model() != null) {
                            model[0] = u.model();
                        }
                        yield List.<StreamItem>of();
                    }
                    case StreamEvent.Finish f -> {
                        finish[0] = f.reason();
                        yield List.<StreamItem>of();
                    }
                });

        Multi<StreamItem> withSummary = Multi.createBy().concatenating().streams(body,
                Multi.createFrom().deferred(() -> Multi.createFrom().item(() -> {
                    StreamSummary summary = finishStream(prepared, text.toString(), lastUsage, model[0], finish[0],
                            firstTokenNanos[0], "ok", null);
                    finished.set(true);
                    return new StreamItem.Done(summary);
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())));

        return withSummary
                .onFailure().recoverWithMulti(failure -> Multi.createFrom().<StreamItem>item(() -> {
                    UpstreamException upstream = failure instanceof UpstreamException u ? u
                            : new UpstreamException(UpstreamException.Kind.MALFORMED, 0, "the stream broke off");
                    if (finished.compareAndSet(false, true)) {
                        if (text.isEmpty() && lastUsage.isEmpty()) {
                            quota.release(prepared.reservation());
                            logFailure(prepared, true, upstream, null);
                        } else {
                            // Tokens were produced: they are billed even though the stream did not finish.
                            finishStream(prepared, text.toString(), lastUsage, model[0], "error",
                                    firstTokenNanos[0], "incomplete", upstream.getMessage());
                        }
                    }
                    return new StreamItem.Failed(toApiError(upstream));
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .onCancellation().invoke(() -> {
                    if (finished.compareAndSet(false, true)) {
                        Infrastructure.getDefaultWorkerPool().execute(() -> finishStream(prepared, text.toString(),
                                lastUsage, model[0], "cancelled", firstTokenNanos[0], "cancelled",
                                "client disconnected"));
                    }
                });
    }

    private StreamSummary finishStream(PreparedCall prepared, String text, List<TokenUsage> lastUsage, String model,
                                       String finishReason, long firstTokenNanos, String status, String error) {
        TokenUsage usage = usageOrEstimate(lastUsage.isEmpty() ? null : lastUsage.getFirst(), prepared, text);
        if (!"ok".equals(status)) {
            // A stream that broke off may carry only provisional usage (Anthropic's message_start): never bill
            // less output than the text that was actually delivered.
            long delivered = tokens.count(text);
            if (delivered > usage.completionTokens()) {
                usage = new TokenUsage(usage.promptTokens(), delivered, usage.cachedTokens(), usage.cacheWriteTokens(),
                        usage.reasoningTokens());
            }
        }
        quota.settle(prepared.reservation(), usage.totalTokens());
        BigDecimal cost = price(prepared, model, usage);
        Integer ttft = firstTokenNanos == 0 ? null
                : (int) ((firstTokenNanos - prepared.startNanos()) / 1_000_000);
        log(prepared.route(), prepared.type(), prepared.origin(), prepared.call(), true, status, text, usage, cost,
                elapsedMs(prepared.startNanos()), ttft, error);
        recordPrompt(prepared, text);
        return new StreamSummary(prepared.id(), model, usage, cost, finishReason);
    }

    /** Every answered call lands in the member's prompt log, without any step from the client. */
    private void recordPrompt(PreparedCall prepared, String answer) {
        String prompt = prepared.call().messages().getLast().content();
        promptLog.record(prepared.route().memberId(), prepared.origin().channel(), prepared.sessionId(),
                prepared.context(), prompt, answer);
    }

    /** Priced by the model the provider reports (dated snapshots match their family), else the configured one. */
    private BigDecimal price(PreparedCall prepared, String reportedModel, TokenUsage usage) {
        String provider = prepared.route().connection().provider().wireName();
        return pricing.cost(provider, reportedModel, usage)
                .or(() -> pricing.cost(provider, prepared.call().model(), usage))
                .orElse(null);
    }

    /** Providers normally report usage; when one did not (a cut stream), count what we saw ourselves. */
    private TokenUsage usageOrEstimate(TokenUsage reported, PreparedCall prepared, String text) {
        if (reported != null && (reported.promptTokens() > 0 || reported.completionTokens() > 0)) {
            return reported;
        }
        return new TokenUsage(prepared.estimatedPromptTokens(), tokens.count(text), 0, 0, 0);
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
            throw ApiException.invalid("max_tokens", "must be at most " + route.settingMaxTokens()
                    + " for your AI provider");
        }
        long chars = request.messages().stream().mapToLong(m -> m.content().length()).sum();
        if (chars > maxPromptChars) {
            throw ApiException.invalid("messages", "are too long: " + chars + " characters, at most "
                    + maxPromptChars);
        }
        List<ChatMessage> messages = new ArrayList<>();
        if (type.systemPrompt() != null) {
            messages.add(new ChatMessage("system", type.systemPrompt()));
        }
        request.messages().forEach(m -> messages.add(new ChatMessage(m.role(), m.content())));
        BigDecimal temperature = request.temperature() != null ? request.temperature() : route.settingTemperature();
        return new ChatCall(route.connection().modelName(), List.copyOf(messages), maxTokens, temperature);
    }

    private void logFailure(PreparedCall prepared, boolean stream, UpstreamException e, String response) {
        if (e.kind() == UpstreamException.Kind.AUTH) {
            // Admin-visible: the settings card shows it, and the log has it for alerting.
            LOG.errorf("Provider rejected the key of AI setting %d (%s): %s", prepared.route().connection()
                    .settingId(), prepared.route().connection().provider().wireName(), e.getMessage());
            settings.recordKeyFailure(prepared.route().connection().settingId(), e.getMessage());
        }
        log(prepared.route(), prepared.type(), prepared.origin(), prepared.call(), stream, "error", response,
                TokenUsage.NONE, null, elapsedMs(prepared.startNanos()), null,
                e.kind().name().toLowerCase() + ": " + e.getMessage());
    }

    private void log(MemberRoute route, RequestType type, CallOrigin origin, ChatCall call, boolean stream,
                     String status, String response, TokenUsage usage, BigDecimal cost, Integer latencyMs,
                     Integer ttftMs, String error) {
        ContentRetention retention = usageSettings.contentRetention();
        String prompt = call.messages().isEmpty() ? null : call.messages().getLast().content();
        usageLog.submit(new UsageRecord(OffsetDateTime.now(clock), route.memberId(),
                route.connection().settingId(), route.connection().provider().wireName(), call.model(),
                type.wireName(), origin.channel(), status, stream, retention.apply(prompt), retention.apply(response),
                usage.promptTokens(), usage.completionTokens(), usage.cachedTokens(), usage.reasoningTokens(), cost,
                latencyMs, ttftMs, error, origin.clientIp(), origin.userAgent()));
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

    private static int elapsedMs(long startNanos) {
        return (int) ((System.nanoTime() - startNanos) / 1_000_000);
    }
}

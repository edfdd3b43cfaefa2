package io.labgate.gateway;

import io.labgate.usage.UsageRecord;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * The gateway's meters on {@code /q/metrics}, from the same row the usage log keeps of each call, so the dashboards
 * and the usage screens count alike. Labels: {@code provider}, {@code model} (the provider setting's),
 * {@code feature} (chatbot, analysis, generation) and, where it says how a call ended, {@code status}
 * (ok, cancelled, incomplete, error, refused). Per replica; Prometheus sums them across the cluster.
 */
@ApplicationScoped
class CallMetrics {

    private final MeterRegistry registry;

    CallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A call booked in the usage log, whatever its end. */
    void booked(UsageRecord call) {
        Tags tags = Tags.of("provider", call.provider(), "model", call.model(), "feature", call.requestType());
        Tags ended = tags.and("status", call.status());
        registry.counter("labgate.calls", ended).increment();
        registry.counter("labgate.tokens", tags.and("type", "prompt")).increment(call.promptTokens());
        registry.counter("labgate.tokens", tags.and("type", "completion")).increment(call.completionTokens());
        if (call.cost() != null) {
            registry.counter("labgate.cost.usd", tags).increment(call.cost().doubleValue());
        }
        if (call.latencyMs() != null) {
            Timer.builder("labgate.call.duration").description("From the request to the end of the answer")
                    .tags(ended).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(50))
                    .maximumExpectedValue(Duration.ofMinutes(5)).register(registry)
                    .record(Duration.ofMillis(call.latencyMs()));
        }
    }

    /** The quota refused a call before any provider saw it: {@code limit} is the limit's code. */
    void refused(UsageRecord call, String limit) {
        booked(call);
        registry.counter("labgate.quota.refusals", Tags.of("provider", call.provider(), "model", call.model(),
                "feature", call.requestType(), "limit", limit)).increment();
    }
}

package io.labgate.gateway;

import io.labgate.usage.UsageRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's meters on {@code /q/metrics}, from the same row the usage log keeps of each call, so the dashboards
 * and the usage screens count alike. Labels: {@code provider}, {@code model} (the provider setting's),
 * {@code feature} (chatbot, analysis, generation) and, where it says how a call ended, {@code status}
 * (ok, cancelled, incomplete, error, refused). Per replica; Prometheus sums them across the cluster.
 */
@ApplicationScoped
class CallMetrics {

    private final MeterRegistry registry;
    private final Counter moved;
    /** The meters of each label set, looked up once: a call only finds and increments them. */
    private final Map<Labels, Meters> meters = new ConcurrentHashMap<>();

    private record Labels(String provider, String model, String feature, String status) {
    }

    private record Meters(Counter calls, Counter promptTokens, Counter completionTokens, Counter cost, Timer duration) {
    }

    CallMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.moved = Counter.builder("labgate.gateway.moved").description("Call steps moved from the event loop to a "
                + "virtual thread to wait for PostgreSQL (a cache to fill, a lease to grant, room in the usage log)")
                .register(registry);
    }

    /** A call's step had to wait and left the event loop (see WouldBlock); near 0 per call at steady state. */
    void moved() {
        moved.increment();
    }

    /** A call booked in the usage log, whatever its end. */
    void booked(UsageRecord call) {
        Meters m = meters.computeIfAbsent(new Labels(call.provider(), call.model(), call.requestType(), call.status()),
                this::register);
        m.calls().increment();
        m.promptTokens().increment(call.promptTokens());
        m.completionTokens().increment(call.completionTokens());
        if (call.cost() != null) {
            m.cost().increment(call.cost().doubleValue());
        }
        if (call.latencyMs() != null) {
            m.duration().record(call.latencyMs(), TimeUnit.MILLISECONDS);
        }
    }

    private Meters register(Labels labels) {
        Tags tags = Tags.of("provider", labels.provider(), "model", labels.model(), "feature", labels.feature());
        Tags ended = tags.and("status", labels.status());
        return new Meters(registry.counter("labgate.calls", ended),
                registry.counter("labgate.tokens", tags.and("type", "prompt")),
                registry.counter("labgate.tokens", tags.and("type", "completion")),
                registry.counter("labgate.cost.usd", tags),
                Timer.builder("labgate.call.duration").description("From the request to the end of the answer")
                        .tags(ended).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(50))
                        .maximumExpectedValue(Duration.ofMinutes(5)).register(registry));
    }

    /** The quota refused a call before any provider saw it: {@code limit} is the limit's code. */
    void refused(UsageRecord call, String limit) {
        booked(call);
        registry.counter("labgate.quota.refusals", Tags.of("provider", call.provider(), "model", call.model(),
                "feature", call.requestType(), "limit", limit)).increment();
    }
}

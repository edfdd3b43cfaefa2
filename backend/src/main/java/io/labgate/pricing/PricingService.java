package io.labgate.pricing;

import io.labgate.providers.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the price of a model: an exact match, else the longest listed name the model id starts with
 * (dated snapshots such as gpt-4o-mini-2024-07-18 cost what gpt-4o-mini costs). No match means the cost is
 * unknown — never silently zero. The sandbox provider is free. The table is small and read on every call, so it
 * is held in memory for 30 s (a change made on this replica applies at once).
 */
@ApplicationScoped
public class PricingService {

    private static final long CACHE_NANOS = java.time.Duration.ofSeconds(30).toNanos();

    private final ModelPriceRepository repository;
    private volatile java.util.List<PriceRow> cached = java.util.List.of();
    private volatile long cachedAt;

    /** An immutable copy of a price for the in-memory table (entities must not leave their session). */
    record PriceRow(String provider, String model, ModelPrice price) {
    }

    PricingService(ModelPriceRepository repository) {
        this.repository = repository;
    }

    /** Forget the cached table once an admin change (a price, for instance) is committed. */
    void onAdminChange(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
                       io.labgate.audit.AdminChange change) {
        cachedAt = 0;
    }

    private java.util.List<PriceRow> table() {
        long now = System.nanoTime();
        if (cachedAt == 0 || now - cachedAt > CACHE_NANOS) {
            cached = io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(() -> repository.listAll().stream()
                    .map(p -> {
                        ModelPrice copy = new ModelPrice();
                        copy.provider = p.provider;
                        copy.model = p.model;
                        copy.inputPerMtok = p.inputPerMtok;
                        copy.outputPerMtok = p.outputPerMtok;
                        copy.cachedInputPerMtok = p.cachedInputPerMtok;
                        copy.cacheWritePerMtok = p.cacheWritePerMtok;
                        return new PriceRow(p.provider, p.model.toLowerCase(Locale.ROOT), copy);
                    }).toList());
            cachedAt = now;
        }
        return cached;
    }

    public Optional<BigDecimal> cost(String provider, String model, TokenUsage usage) {
        if ("sandbox".equals(provider)) {
            return Optional.of(BigDecimal.ZERO.setScale(6));
        }
        return find(provider, model).map(price -> CostCalculator.cost(price, usage));
    }

    public Optional<ModelPrice> find(String provider, String model) {
        if (model == null) {
            return Optional.empty();
        }
        String wanted = model.toLowerCase(Locale.ROOT);
        return table().stream()
                .filter(row -> row.provider().equals(provider))
                .filter(row -> wanted.equals(row.model()) || wanted.startsWith(row.model() + "-"))
                .max(Comparator.comparingInt(row -> row.model().length()))
                .map(PriceRow::price);
    }
}

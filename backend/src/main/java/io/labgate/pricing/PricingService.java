package io.labgate.pricing;

import io.labgate.providers.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the price of a model: the row of its exact name, else the row of the name without one date or version
 * suffix ({@code -2025-08-07}, {@code -20250807}, {@code -latest}: gpt-4o-mini-2024-07-18 costs what gpt-4o-mini
 * costs). Nothing else matches — gpt-5-pro is not gpt-5, gpt-4o-audio-preview is not gpt-4o — and no match means
 * the cost is unknown, never silently zero or another model's price. The sandbox provider is free. The table is
 * small and read on every call, so it is held in memory for 30 s (a change made on this replica applies at once).
 */
@ApplicationScoped
public class PricingService {

    /** A snapshot's id: the model's name and one date or version suffix. */
    private static final Pattern SNAPSHOT = Pattern.compile("(.+)-(\\d{4}-\\d{2}-\\d{2}|\\d{8}|latest)");

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
        Matcher snapshot = SNAPSHOT.matcher(wanted);
        String base = snapshot.matches() ? snapshot.group(1) : null;
        List<PriceRow> rows = table().stream().filter(row -> row.provider().equals(provider)).toList();
        return rows.stream().filter(row -> row.model().equals(wanted)).findFirst()
                .or(() -> rows.stream().filter(row -> row.model().equals(base)).findFirst())
                .map(PriceRow::price);
    }
}

package io.labgate.pricing;

import io.labgate.audit.AdminChange;
import io.labgate.common.threads.WouldBlock;
import io.labgate.providers.TokenUsage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
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
    /** Prices by provider and lower-case model name; with the moment they were read. */
    private volatile Table table;

    private record Table(Map<String, ModelPrice> byProviderAndModel, long readAt) {
    }

    PricingService(ModelPriceRepository repository) {
        this.repository = repository;
    }

    /** Forget the cached table once an admin change (a price, for instance) is committed. */
    void onAdminChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AdminChange change) {
        table = null;
    }

    private Map<String, ModelPrice> table() {
        Table current = table;
        long now = System.nanoTime();
        if (current != null && now - current.readAt() <= CACHE_NANOS) {
            return current.byProviderAndModel();
        }
        WouldBlock.ifOnEventLoop();
        // Immutable copies: entities must not leave their session.
        Map<String, ModelPrice> read = QuarkusTransaction.joiningExisting().call(() -> {
            Map<String, ModelPrice> rows = new HashMap<>();
            for (ModelPrice p : repository.listAll()) {
                ModelPrice copy = new ModelPrice();
                copy.provider = p.provider;
                copy.model = p.model;
                copy.inputPerMtok = p.inputPerMtok;
                copy.outputPerMtok = p.outputPerMtok;
                copy.cachedInputPerMtok = p.cachedInputPerMtok;
                copy.cacheWritePerMtok = p.cacheWritePerMtok;
                rows.put(key(p.provider, p.model.toLowerCase(Locale.ROOT)), copy);
            }
            return Map.copyOf(rows);
        });
        table = new Table(read, now);
        return read;
    }

    private static String key(String provider, String lowerCaseModel) {
        return provider + '\u0000' + lowerCaseModel;
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
        Map<String, ModelPrice> prices = table();
        ModelPrice exact = prices.get(key(provider, wanted));
        if (exact != null) {
            return Optional.of(exact);
        }
        Matcher snapshot = SNAPSHOT.matcher(wanted);
        return snapshot.matches() ? Optional.ofNullable(prices.get(key(provider, snapshot.group(1)))) : Optional.empty();
    }
}

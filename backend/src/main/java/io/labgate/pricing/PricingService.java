package io.labgate.pricing;

import io.labgate.audit.AdminChange;
import io.labgate.common.cache.ReadCache;
import io.labgate.providers.TokenUsage;
import io.quarkus.virtual.threads.VirtualThreads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the price of a model: the row of its exact name, else the row of the name without one date or version
 * suffix ({@code -2025-08-07}, {@code -20250807}, {@code -latest}: gpt-4o-mini-2024-07-18 costs what gpt-4o-mini
 * costs). Nothing else matches — gpt-5-pro is not gpt-5, gpt-4o-audio-preview is not gpt-4o — and no match means
 * the cost is unknown, never silently zero or another model's price. The sandbox provider is free. The table is
 * small and read on every call, so it is held in memory, dropped by every admin change (on every replica) and read again in the background every 30 s.
 */
@ApplicationScoped
public class PricingService {

    /** A snapshot's id: the model's name and one date or version suffix. */
    private static final Pattern SNAPSHOT = Pattern.compile("(.+)-(\\d{4}-\\d{2}-\\d{2}|\\d{8}|latest)");

    private static final String TABLE = "prices";

    private final ModelPriceRepository repository;
    /** Prices by provider and lower-case model name. */
    private final ReadCache<String, Map<String, ModelPrice>> table;

    PricingService(ModelPriceRepository repository, @VirtualThreads ExecutorService virtualThreads) {
        this.repository = repository;
        this.table = ReadCache.ofDatabase(Duration.ofSeconds(30), Duration.ofMinutes(2), 1, virtualThreads,
                ignored -> read());
    }

    /** Forget the cached table once an admin change (a price, for instance) is committed. */
    void onAdminChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AdminChange change) {
        table.clear();
    }

    private Map<String, ModelPrice> table() {
        return table.get(TABLE);
    }

    /** Immutable copies: entities must not leave their session. */
    private Map<String, ModelPrice> read() {
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

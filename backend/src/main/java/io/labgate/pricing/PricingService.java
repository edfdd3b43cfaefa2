package io.labgate.pricing;

import io.labgate.providers.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the price of a model: an exact match, else the longest listed name the model id starts with
 * (dated snapshots such as gpt-4o-mini-2024-07-18 cost what gpt-4o-mini costs). No match means the cost is
 * unknown — never silently zero. The sandbox provider is free.
 */
@ApplicationScoped
public class PricingService {

    private final ModelPriceRepository repository;

    PricingService(ModelPriceRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public Optional<BigDecimal> cost(String provider, String model, TokenUsage usage) {
        if ("sandbox".equals(provider)) {
            return Optional.of(BigDecimal.ZERO.setScale(6));
        }
        return find(provider, model).map(price -> CostCalculator.cost(price, usage));
    }

    @Transactional
    public Optional<ModelPrice> find(String provider, String model) {
        if (model == null) {
            return Optional.empty();
        }
        String wanted = model.toLowerCase(Locale.ROOT);
        return repository.forProvider(provider).stream()
                .filter(p -> wanted.equals(p.model.toLowerCase(Locale.ROOT))
                        || wanted.startsWith(p.model.toLowerCase(Locale.ROOT) + "-"))
                .max(Comparator.comparingInt(p -> p.model.length()));
    }
}

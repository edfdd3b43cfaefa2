package io.labgate.pricing;

import io.labgate.audit.AuditService;
import io.labgate.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.ArrayList;

/** The super-admin's price table; every change is audited because it changes what members are billed. */
@ApplicationScoped
public class ModelPriceService {

    private final ModelPriceRepository repository;
    private final PricingService pricing;
    private final AuditService audit;
    private final Clock clock;

    ModelPriceService(ModelPriceRepository repository, PricingService pricing, AuditService audit, Clock clock) {
        this.repository = repository;
        this.pricing = pricing;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<ModelPriceViews.View> list() {
        return repository.ordered().stream().map(ModelPriceViews.View::of).toList();
    }

    /**
     * The models provider settings call that no price row matches (by {@link PricingService}'s rule), with the
     * settings that call them: their calls are recorded with an unknown cost, and budgets count them at the
     * fallback price.
     */
    @Transactional
    public List<ModelPriceViews.UnpricedModel> unpriced() {
        // Settings come ordered by provider and model, so the settings of one model are next to each other.
        List<ModelPriceViews.UnpricedModel> models = new ArrayList<>();
        for (ModelPriceRepository.SettingModel s : repository.settingModels()) {
            if (pricing.find(s.provider(), s.model()).isPresent()) {
                continue;
            }
            ModelPriceViews.UnpricedModel last = models.isEmpty() ? null : models.getLast();
            if (last == null || !last.provider().equals(s.provider()) || !last.model().equalsIgnoreCase(s.model())) {
                last = new ModelPriceViews.UnpricedModel(s.provider(), s.model(), new ArrayList<>());
                models.add(last);
            }
            last.settings().add(new ModelPriceViews.UnpricedSetting(s.id(), s.name(), s.isActive(), s.members()));
        }
        return models;
    }

    @Transactional
    public ModelPriceViews.View create(ModelPriceViews.Request request) {
        if (taken(request, null)) {
            throw ApiException.duplicate("model", "A price for this provider and model already exists");
        }
        ModelPrice price = new ModelPrice();
        apply(price, request);
        repository.persist(price);
        ModelPriceViews.View view = ModelPriceViews.View.of(price);
        audit.record("model_price.create", "model_price", price.id, null, view);
        return view;
    }

    @Transactional
    public ModelPriceViews.View update(long id, ModelPriceViews.Request request) {
        ModelPrice price = repository.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("model_price", id));
        if (taken(request, id)) {
            throw ApiException.duplicate("model", "A price for this provider and model already exists");
        }
        ModelPriceViews.View before = ModelPriceViews.View.of(price);
        apply(price, request);
        ModelPriceViews.View after = ModelPriceViews.View.of(price);
        audit.record("model_price.update", "model_price", id, before, after);
        return after;
    }

    @Transactional
    public void delete(long id) {
        ModelPrice price = repository.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("model_price", id));
        ModelPriceViews.View before = ModelPriceViews.View.of(price);
        repository.delete(price);
        audit.record("model_price.delete", "model_price", id, before, null);
    }

    private boolean taken(ModelPriceViews.Request r, Long exceptId) {
        return repository.taken(r.provider(), r.model().trim(), exceptId);
    }

    private void apply(ModelPrice price, ModelPriceViews.Request r) {
        price.provider = r.provider();
        price.model = r.model().trim();
        price.inputPerMtok = r.inputPerMtok();
        price.outputPerMtok = r.outputPerMtok();
        price.cachedInputPerMtok = r.cachedInputPerMtok();
        price.cacheWritePerMtok = r.cacheWritePerMtok();
        price.source = r.source() == null || r.source().isBlank() ? "set by the administrator" : r.source().trim();
        price.sourceDate = LocalDate.now(clock);
        price.updatedAt = OffsetDateTime.now(clock);
    }
}

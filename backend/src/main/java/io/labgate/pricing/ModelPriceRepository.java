package io.labgate.pricing;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ModelPriceRepository implements PanacheRepository<ModelPrice> {


    List<ModelPrice> ordered() {
        return listAll(Sort.ascending("provider", "model"));
    }
}

package io.labgate.pricing;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class ModelPriceRepository implements PanacheRepository<ModelPrice> {

    /** A provider setting's model, for the check of which models are called without a price. */
    record SettingModel(long id, String name, String provider, String model, boolean isActive, long members) {
    }

    List<ModelPrice> ordered() {
        return listAll(Sort.ascending("provider", "model"));
    }

    boolean taken(String provider, String model, Long exceptId) {
        return count("provider = ?1 and lower(model) = ?2 and id <> ?3", provider,
                model.toLowerCase(Locale.ROOT), exceptId == null ? -1L : exceptId) > 0;
    }

    /** Every provider setting but the sandbox (which is free), with the members it serves; a small table. */
    List<SettingModel> settingModels() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT s.id, s.name, s.provider, s.model_name, s.is_active,
                       (SELECT count(*) FROM user_ai_access a WHERE a.ai_settings_id = s.id)
                  FROM ai_settings s
                 WHERE s.provider <> 'sandbox'
                 ORDER BY s.provider, lower(s.model_name), lower(s.name)""").getResultList();
        return rows.stream().map(r -> new SettingModel(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], (Boolean) r[4], ((Number) r[5]).longValue())).toList();
    }
}

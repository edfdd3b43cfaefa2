package io.labgate.providers;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@ApplicationScoped
public class AiSettingRepository implements PanacheRepository<AiSetting> {

    /** A setting by its name, any case (the operator names the default setting of platform sign-ins). */
    public Optional<AiSetting> findByName(String name) {
        return find("lower(name) = ?1", name.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    List<AiSetting> listByName() {
        return listAll(Sort.ascending("name"));
    }

    List<AiSetting> withStoredKey() {
        return list("apiKeyEncrypted is not null");
    }

    boolean nameTaken(String name, Long exceptId) {
        return count("lower(name) = ?1 and id <> ?2", name.toLowerCase(Locale.ROOT),
                exceptId == null ? -1L : exceptId) > 0;
    }

    Map<Long, Long> membersPerSetting() {
        List<Object[]> rows = getEntityManager()
                .createQuery("select a.aiSetting.id, count(a) from UserAiAccess a where a.aiSetting is not null"
                        + " group by a.aiSetting.id", Object[].class)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
    }
}

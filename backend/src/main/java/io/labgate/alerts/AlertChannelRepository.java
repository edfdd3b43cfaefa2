package io.labgate.alerts;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class AlertChannelRepository implements PanacheRepository<AlertChannel> {

    List<AlertChannel> listByName() {
        return listAll(Sort.ascending("name"));
    }

    boolean nameTaken(String name, Long exceptId) {
        return count("lower(name) = ?1 and id <> ?2", name.toLowerCase(Locale.ROOT),
                exceptId == null ? -1L : exceptId) > 0;
    }
}

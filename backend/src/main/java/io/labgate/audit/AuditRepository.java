package io.labgate.audit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {

    PanacheQuery<AuditEntry> newestFirst(String entityType) {
        Sort sort = Sort.descending("createdAt", "id");
        return entityType == null ? findAll(sort) : find("entityType", sort, entityType);
    }
}

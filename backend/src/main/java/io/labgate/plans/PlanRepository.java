package io.labgate.plans;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@ApplicationScoped
public class PlanRepository implements PanacheRepository<Plan> {

    /** A plan by its name, any case (the operator names the default plan of platform sign-ins). */
    public Optional<Plan> findByName(String name) {
        return find("lower(name) = ?1", name.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    List<Plan> listByCost() {
        return listAll(Sort.ascending("monthlyCost", "id"));
    }

    List<Plan> listActiveByCost() {
        return list("isActive", Sort.ascending("monthlyCost", "id"), true);
    }

    boolean nameTaken(String name, Long exceptId) {
        return count("lower(name) = ?1 and id <> ?2", name.toLowerCase(Locale.ROOT),
                exceptId == null ? -1L : exceptId) > 0;
    }

    /** Members per plan, in one query for the whole list. */
    Map<Long, Long> membersPerPlan() {
        List<Object[]> rows = getEntityManager()
                .createQuery("select a.plan.id, count(a) from UserAiAccess a group by a.plan.id", Object[].class)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
    }
}

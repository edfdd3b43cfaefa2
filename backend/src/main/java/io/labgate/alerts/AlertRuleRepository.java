package io.labgate.alerts;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@ApplicationScoped
public class AlertRuleRepository implements PanacheRepository<AlertRule> {

    /** The metrics that have at least one enabled rule. */
    Set<String> enabledMetrics() {
        return Set.copyOf(getEntityManager().createQuery(
                "select distinct r.metric from AlertRule r where r.enabled = true", String.class).getResultList());
    }

    List<AlertRule> listByName() {
        return list("select distinct r from AlertRule r left join fetch r.channels left join fetch r.plan"
                + " left join fetch r.aiSetting order by r.name");
    }

    /** Enabled rules on these metrics, with what they narrow to. */
    List<AlertRule> enabled(Collection<String> metrics) {
        return list("select r from AlertRule r left join fetch r.plan left join fetch r.aiSetting"
                + " where r.enabled = true and r.metric in ?1", metrics);
    }

    boolean nameTaken(String name, Long exceptId) {
        return count("lower(name) = ?1 and id <> ?2", name.toLowerCase(Locale.ROOT),
                exceptId == null ? -1L : exceptId) > 0;
    }
}

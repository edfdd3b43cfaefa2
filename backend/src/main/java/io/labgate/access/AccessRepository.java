package io.labgate.access;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class AccessRepository implements PanacheRepository<UserAiAccess> {

    private static final String FETCH = "select a from UserAiAccess a join fetch a.member m join fetch a.plan p"
            + " left join fetch a.aiSetting s left join fetch a.assignedBy";

    public Optional<UserAiAccess> findByMember(long memberId) {
        return find(FETCH + " where m.id = ?1", memberId).firstResultOptional();
    }

    Optional<UserAiAccess> findFetched(long id) {
        return find(FETCH + " where a.id = ?1", id).firstResultOptional();
    }

    List<UserAiAccess> findByMembers(Collection<Long> memberIds) {
        return list("member.id in ?1", memberIds);
    }

    List<UserAiAccess> page(AccessFilter filter, int page, int size) {
        return find(FETCH + filter.where(), Sort.ascending("m.username"), filter.params()).page(page, size).list();
    }

    long count(AccessFilter filter) {
        var query = getEntityManager().createQuery(
                "select count(a) from UserAiAccess a join a.member m join a.plan p" + filter.where(), Long.class);
        filter.params().map().forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** The list filters of the Users tab, as a where clause shared by the page and its count. */
    record AccessFilter(String q, Long planId, Boolean enabled) {

        String where() {
            StringBuilder where = new StringBuilder(" where 1 = 1");
            if (q != null && !q.isBlank()) {
                where.append(" and (lower(m.username) like :q or lower(m.email) like :q"
                        + " or lower(m.firstName) like :q or lower(m.lastName) like :q)");
            }
            if (planId != null) {
                where.append(" and p.id = :planId");
            }
            if (enabled != null) {
                where.append(" and a.isEnabled = :enabled");
            }
            return where.toString();
        }

        Parameters params() {
            Parameters params = new Parameters();
            if (q != null && !q.isBlank()) {
                params.and("q", "%" + q.trim().toLowerCase(Locale.ROOT) + "%");
            }
            if (planId != null) {
                params.and("planId", planId);
            }
            if (enabled != null) {
                params.and("enabled", enabled);
            }
            return params;
        }
    }
}

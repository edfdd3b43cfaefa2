package io.labgate.access;

import io.labgate.common.security.Roles;
import io.labgate.members.Member;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    List<UserAiAccess> findFetchedByMembers(Collection<Long> memberIds) {
        return find(FETCH + " where m.id in ?1", memberIds).list();
    }

    /** A page of the members the AI-access list shows, by username. */
    List<Member> listedMembers(ListFilter filter, int page, int size) {
        var query = getEntityManager().createQuery("select m from Member m" + filter.where() + " order by m.username",
                Member.class);
        filter.params().forEach(query::setParameter);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    long countListed(ListFilter filter) {
        var query = getEntityManager().createQuery("select count(m) from Member m" + filter.where(), Long.class);
        filter.params().forEach(query::setParameter);
        return query.getSingleResult();
    }

    /**
     * The AI-access list: every researcher, assigned or not, and anyone else who has access (a super-admin may),
     * narrowed by name, plan, whether AI is enabled, and whether access is assigned at all.
     */
    record ListFilter(String q, Long planId, Boolean enabled, Boolean assigned) {

        private static final String ACCESS = "select a.id from UserAiAccess a where a.member = m";

        String where() {
            StringBuilder where = new StringBuilder(" where (m.role = :researcher or exists (" + ACCESS + "))");
            if (q != null && !q.isBlank()) {
                where.append(" and (lower(m.username) like :q or lower(m.email) like :q"
                        + " or lower(m.firstName) like :q or lower(m.lastName) like :q)");
            }
            if (planId != null) {
                where.append(" and exists (" + ACCESS + " and a.plan.id = :planId)");
            }
            if (enabled != null) {
                where.append(" and exists (" + ACCESS + " and a.isEnabled = :enabled)");
            }
            if (assigned != null) {
                where.append(assigned ? " and exists (" : " and not exists (").append(ACCESS).append(")");
            }
            return where.toString();
        }

        Map<String, Object> params() {
            Map<String, Object> params = new HashMap<>();
            params.put("researcher", Roles.RESEARCHER);
            if (q != null && !q.isBlank()) {
                params.put("q", "%" + q.trim().toLowerCase(Locale.ROOT) + "%");
            }
            if (planId != null) {
                params.put("planId", planId);
            }
            if (enabled != null) {
                params.put("enabled", enabled);
            }
            return params;
        }
    }
}

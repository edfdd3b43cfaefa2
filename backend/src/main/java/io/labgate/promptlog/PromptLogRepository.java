package io.labgate.promptlog;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PromptLogRepository implements PanacheRepository<PromptLogEntry> {

    Optional<PromptLogEntry> byClientId(long memberId, String clientId) {
        return find("memberId = ?1 and clientId = ?2", memberId, clientId).firstResultOptional();
    }

    PanacheQuery<PromptLogEntry> search(PromptLogFilter f) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (f.memberId() != null) {
            where.append(" and memberId = :member");
            params.and("member", f.memberId());
        }
        if (f.sessionId() != null) {
            where.append(" and sessionId = :session");
            params.and("session", f.sessionId());
        }
        if (f.context() != null) {
            where.append(" and context = :context");
            params.and("context", f.context());
        }
        if (f.from() != null) {
            where.append(" and loggedAt >= :from");
            params.and("from", f.from());
        }
        if (f.to() != null) {
            where.append(" and loggedAt < :to");
            params.and("to", f.to());
        }
        return find(where.toString(), Sort.ascending("loggedAt", "id"), params);
    }

    /** Sessions with their entry count and time span, newest first. */
    List<Object[]> sessions(Long memberId, int limit) {
        String where = memberId == null ? "" : " where p.memberId = :member";
        var query = getEntityManager().createQuery("select p.memberId, p.sessionId, count(p), min(p.loggedAt),"
                + " max(p.loggedAt) from PromptLogEntry p" + where + " group by p.memberId, p.sessionId"
                + " order by max(p.loggedAt) desc", Object[].class).setMaxResults(limit);
        if (memberId != null) {
            query.setParameter("member", memberId);
        }
        return query.getResultList();
    }

    long deleteSession(long memberId, String sessionId) {
        return delete("memberId = ?1 and sessionId = ?2", memberId, sessionId);
    }

    /** Filter of the list and the export; a null member means every member (super-admin only). */
    record PromptLogFilter(Long memberId, String sessionId, String context, OffsetDateTime from, OffsetDateTime to) {
    }
}

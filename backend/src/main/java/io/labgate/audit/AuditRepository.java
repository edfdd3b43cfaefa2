package io.labgate.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The audit log's queries, newest first on (created_at, id): the time index serves the log as a whole and date
 * ranges, the (entity_type, created_at) index one kind of entity.
 */
@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {

    private static final Sort NEWEST_FIRST = Sort.descending("createdAt", "id");

    /** A WHERE clause for {@link AuditFilter} with its parameters; days run from midnight in {@code zone}. */
    record Where(String jpql, Parameters parameters) {
    }

    Where where(AuditFilter f, ZoneId zone) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (f.actor() != null) {
            conditions.add("lower(actorUsername) like :actor escape '\\'");
            parameters.and("actor", "%" + likeEscaped(f.actor().toLowerCase(Locale.ROOT)) + "%");
        }
        if (f.action() != null) {
            conditions.add("action = :action");
            parameters.and("action", f.action());
        }
        if (f.entityType() != null) {
            conditions.add("entityType = :entityType");
            parameters.and("entityType", f.entityType());
        }
        if (f.entityId() != null) {
            conditions.add("entityId = :entityId");
            parameters.and("entityId", f.entityId());
        }
        if (f.startDate() != null) {
            conditions.add("createdAt >= :start");
            parameters.and("start", f.startDate().atStartOfDay(zone).toOffsetDateTime());
        }
        if (f.endDate() != null) {
            conditions.add("createdAt < :end");
            parameters.and("end", f.endDate().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        return new Where(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions), parameters);
    }

    List<AuditEntry> page(Where where, int page, int size) {
        return find(where.jpql(), NEWEST_FIRST, where.parameters()).page(page, size).list();
    }

    long count(Where where) {
        return count(where.jpql(), where.parameters());
    }

    /** The next {@code size} entries older than (createdAt, id), or the newest when {@code after} is null. */
    List<AuditEntry> batchAfter(Where where, AuditEntry after, int size) {
        if (after == null) {
            return find(where.jpql(), NEWEST_FIRST, where.parameters()).page(0, size).list();
        }
        Parameters parameters = copy(where.parameters())
                .and("afterTime", after.createdAt).and("afterId", after.id);
        return find("(" + where.jpql() + ") and (createdAt < :afterTime or (createdAt = :afterTime and id < :afterId))",
                NEWEST_FIRST, parameters).page(0, size).list();
    }

    private static Parameters copy(Parameters parameters) {
        Parameters copy = new Parameters();
        parameters.map().forEach(copy::and);
        return copy;
    }

    /** LIKE treats % and _ as wildcards; a username may contain _, which must match itself. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

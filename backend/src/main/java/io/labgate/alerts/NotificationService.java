package io.labgate.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.common.error.ApiException;
import io.labgate.common.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A member's notification centre: their own notifications only. */
@ApplicationScoped
public class NotificationService {

    private static final TypeReference<Map<String, Object>> EVENT = new TypeReference<>() {
    };
    private static final String SELECT = """
            SELECT n.id, CAST(f.event AS text), n.created_at, n.read_at
              FROM notifications n JOIN alert_firings f ON f.id = n.firing_id
            """;

    private final EntityManager em;
    private final ObjectMapper json;

    NotificationService(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional
    public NotificationPage list(long memberId, boolean unreadOnly, PageRequest page) {
        String filter = unreadOnly ? " AND n.read_at IS NULL" : "";
        List<?> rows = em.createNativeQuery(SELECT + " WHERE n.member_id = :member" + filter
                        + " ORDER BY n.id DESC LIMIT :size OFFSET :offset")
                .setParameter("member", memberId).setParameter("size", page.size)
                .setParameter("offset", (long) page.page * page.size).getResultList();
        long total = count("SELECT count(*) FROM notifications n WHERE n.member_id = :member" + filter, memberId);
        long unread = unreadOnly ? total
                : count("SELECT count(*) FROM notifications n WHERE n.member_id = :member AND n.read_at IS NULL", memberId);
        return new NotificationPage(rows.stream().map(this::view).toList(), total, page.page, page.size, unread);
    }

    /** One of the member's notifications, for the stream. */
    @Transactional
    public Optional<NotificationView> find(long memberId, long id) {
        List<?> rows = em.createNativeQuery(SELECT + " WHERE n.member_id = :member AND n.id = :id")
                .setParameter("member", memberId).setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(this::view);
    }

    @Transactional
    public NotificationView markRead(long memberId, long id) {
        em.createNativeQuery("UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = :id AND member_id = :member")
                .setParameter("id", id).setParameter("member", memberId).executeUpdate();
        return find(memberId, id).orElseThrow(() -> ApiException.notFound("notification", id));
    }

    /** Returns how many were unread. */
    @Transactional
    public int markAllRead(long memberId) {
        return em.createNativeQuery("UPDATE notifications SET read_at = now() WHERE member_id = :member AND read_at IS NULL")
                .setParameter("member", memberId).executeUpdate();
    }

    private long count(String sql, long memberId) {
        return ((Number) em.createNativeQuery(sql).setParameter("member", memberId).getSingleResult()).longValue();
    }

    private NotificationView view(Object row) {
        Object[] r = (Object[]) row;
        Map<String, Object> event;
        try {
            event = json.readValue((String) r[1], EVENT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored alert event is not JSON", e);
        }
        return new NotificationView(((Number) r[0]).longValue(),
                AlertMetric.fromWire((String) event.get("metric")).orElseThrow(), event, time(r[2]), time(r[3]));
    }

    private static OffsetDateTime time(Object value) {
        return switch (value) {
            case null -> null;
            case OffsetDateTime t -> t;
            case java.time.Instant i -> i.atOffset(java.time.ZoneOffset.UTC);
            case java.sql.Timestamp t -> t.toInstant().atOffset(java.time.ZoneOffset.UTC);
            default -> OffsetDateTime.parse(value.toString());
        };
    }
}

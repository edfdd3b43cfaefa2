package io.labgate.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fires a rule once per threshold per subject per window, on any number of replicas: the firing row's INSERT
 * (unique on rule, subject, window, threshold) decides who sends it — the replica whose row lands writes the
 * notifications and the deliveries in the same transaction; every other replica finds the row there and sends
 * nothing. Of several thresholds crossed at once, only the highest is announced.
 */
@ApplicationScoped
public class AlertFiringService {

    /** The channel each replica's notification centre listens on ({@link NotificationBroadcast}). */
    static final String CHANNEL = "labgate_notifications";

    private final EntityManager em;
    private final AlertRuleRepository rules;
    private final ObjectMapper json;

    AlertFiringService(EntityManager em, AlertRuleRepository rules, ObjectMapper json) {
        this.em = em;
        this.rules = rules;
        this.json = json;
    }

    /** A rule's thresholds crossed for one subject in one window. */
    record Candidate(long ruleId, String subject, Long memberId, List<Integer> crossed, AlertEvent event) {
    }

    /** Returns whether this replica fired it (and so has deliveries to send). */
    @Transactional
    public boolean fire(Candidate candidate) {
        AlertRule rule = rules.findById(candidate.ruleId());
        if (rule == null || !rule.enabled) {
            return false;
        }
        Long announced = null;
        for (int threshold : candidate.crossed()) {
            List<?> claimed = em.createNativeQuery("""
                            INSERT INTO alert_firings (rule_id, subject, window_key, threshold, event)
                            VALUES (:rule, :subject, :window, :threshold, CAST(:event AS jsonb))
                            ON CONFLICT DO NOTHING RETURNING id
                            """)
                    .setParameter("rule", rule.id)
                    .setParameter("subject", candidate.subject())
                    .setParameter("window", candidate.event().windowKey())
                    .setParameter("threshold", threshold)
                    .setParameter("event", toJson(candidate.event().at(threshold).toMap()))
                    .getResultList();
            if (!claimed.isEmpty()) {
                announced = ((Number) claimed.getFirst()).longValue();
            }
        }
        if (announced == null) {
            return false;
        }
        notifyMembers(announced, candidate.event().metric().aboutMember() ? candidate.memberId() : null);
        queueDeliveries(rule, announced, candidate);
        return true;
    }

    /** Super-admins, and the member for their own limits; each open tab hears through NOTIFY on commit. */
    private void notifyMembers(long firingId, Long member) {
        em.createNativeQuery("""
                        WITH n AS (
                            INSERT INTO notifications (member_id, firing_id)
                            SELECT m.id, :firing FROM members m
                             WHERE (m.role = 'superadmin' AND m.is_active) OR m.id = :member
                            RETURNING id, member_id)
                        SELECT count(pg_notify(:channel, n.member_id || ':' || n.id)) FROM n
                        """)
                .setParameter("firing", firingId)
                .setParameter("member", member == null ? -1L : member)
                .setParameter("channel", CHANNEL)
                .getSingleResult();
    }

    private void queueDeliveries(AlertRule rule, long firingId, Candidate candidate) {
        AlertFiring firing = em.getReference(AlertFiring.class, firingId);
        for (AlertChannel channel : rule.channels) {
            if (!channel.enabled) {
                continue;
            }
            if (channel.isWebhook()) {
                em.persist(delivery(firing, channel, null, channel.language));
                continue;
            }
            for (Map.Entry<String, String> to : mailRecipients(channel, candidate).entrySet()) {
                em.persist(delivery(firing, channel, to.getKey(), to.getValue()));
            }
        }
    }

    /** Each address once, in its reader's language: a member's own, else the channel's. */
    Map<String, String> mailRecipients(AlertChannel channel, Candidate candidate) {
        Set<String> addresses = new LinkedHashSet<>(channel.recipients);
        if (channel.notifyMember && candidate != null && candidate.memberId() != null
                && candidate.event().metric().aboutMember()) {
            List<?> own = em.createNativeQuery("SELECT email FROM members WHERE id = :id AND is_active")
                    .setParameter("id", candidate.memberId()).getResultList();
            own.forEach(email -> addresses.add((String) email));
        }
        Map<String, String> languages = new HashMap<>();
        if (!addresses.isEmpty()) {
            List<?> rows = em.createNativeQuery("SELECT lower(email), language FROM members WHERE lower(email) IN (:emails)")
                    .setParameter("emails", addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList())
                    .getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                languages.put((String) r[0], (String) r[1]);
            }
        }
        Map<String, String> recipients = new java.util.LinkedHashMap<>();
        for (String address : addresses) {
            recipients.putIfAbsent(address, languages.getOrDefault(address.toLowerCase(Locale.ROOT), channel.language));
        }
        return recipients;
    }

    static AlertDelivery delivery(AlertFiring firing, AlertChannel channel, String recipient, String language) {
        AlertDelivery d = new AlertDelivery();
        d.firing = firing;
        d.channel = channel;
        d.recipient = recipient;
        d.language = language;
        d.isTest = firing == null;
        d.createdAt = OffsetDateTime.now();
        d.nextAttemptAt = d.createdAt;
        return d;
    }

    private String toJson(Map<String, Object> event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert event is not JSON", e);
        }
    }
}

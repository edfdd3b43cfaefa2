package io.labgate.quota;

import io.labgate.common.config.LabgateConfig;
import io.labgate.pricing.PricingService;
import io.labgate.providers.TokenUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Ends reservations that nobody will settle: those of a replica that stopped heartbeating (killed, its node
 * lost) and any open longer than a call can last. The provider may have done — and billed — the work, so the
 * reserved amount stays counted as spent (never an overspend), and an 'abandoned' usage row written in the
 * same transaction keeps counters and logs in agreement. At most one call's reservation (prompt + output
 * budget) per call in flight on the lost replica is charged this way.
 *
 * <p>Safe on every replica at once: each reservation changes state in one conditional UPDATE, which hands
 * it to exactly one sweeper.
 */
@ApplicationScoped
public class ReservationSweeper {

    private static final Logger LOG = Logger.getLogger(ReservationSweeper.class);

    private final EntityManager em;
    private final Replica replica;
    private final PricingService pricing;
    private final Clock clock;
    private final Duration grace;
    private final Duration keepResolved;

    ReservationSweeper(EntityManager em, Replica replica, PricingService pricing, Clock clock, LabgateConfig config) {
        this.em = em;
        this.replica = replica;
        this.pricing = pricing;
        this.clock = clock;
        this.grace = config.quota().replicaGrace();
        this.keepResolved = config.quota().keepResolved();
    }

    /** Sweeps what is abandoned as of now; returns how many reservations it ended. */
    @Transactional
    public int sweep() {
        return sweep(OffsetDateTime.now(clock));
    }

    @Transactional
    public int sweep(OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        List<Object[]> swept = em.createNativeQuery("""
                        UPDATE quota_reservations r
                           SET state = 'abandoned', settled_tokens = r.tokens, resolved_at = :now
                         WHERE r.state = 'reserved'
                           AND (r.expires_at < :now
                                OR (r.replica_id <> :self AND NOT EXISTS (
                                    SELECT 1 FROM gateway_replicas g
                                     WHERE g.id = r.replica_id AND g.heartbeat_at >= :deadline)))
                        RETURNING r.created_at, r.member_id, r.ai_settings_id, r.request_type, r.channel,
                                  r.prompt_tokens, r.tokens,
                                  (SELECT s.provider FROM ai_settings s WHERE s.id = r.ai_settings_id),
                                  (SELECT s.model_name FROM ai_settings s WHERE s.id = r.ai_settings_id)
                        """)
                .setParameter("now", now)
                .setParameter("self", replica.id())
                .setParameter("deadline", now.minus(grace))
                .getResultList();
        for (Object[] row : swept) {
            logAbandoned(row);
        }
        if (!swept.isEmpty()) {
            LOG.warnf("Swept %d reservation(s) left open by a stopped replica; their reserved tokens stay counted",
                    swept.size());
        }
        em.createNativeQuery("DELETE FROM quota_reservations WHERE state <> 'reserved' AND resolved_at < :before")
                .setParameter("before", now.minus(keepResolved)).executeUpdate();
        em.createNativeQuery("""
                        DELETE FROM gateway_replicas g WHERE g.heartbeat_at < :before
                           AND NOT EXISTS (SELECT 1 FROM quota_reservations r WHERE r.replica_id = g.id)
                        """)
                .setParameter("before", now.minus(keepResolved)).executeUpdate();
        return swept.size();
    }

    private void logAbandoned(Object[] row) {
        long promptTokens = ((Number) row[5]).longValue();
        long tokens = ((Number) row[6]).longValue();
        String provider = (String) row[7];
        String model = (String) row[8];
        TokenUsage usage = new TokenUsage(promptTokens, tokens - promptTokens, 0, 0, 0);
        BigDecimal cost = provider == null ? null : pricing.cost(provider, model, usage).orElse(null);
        em.createNativeQuery("""
                        INSERT INTO usage_logs (created_at, member_id, ai_settings_id, provider, model, request_type,
                            channel, status, stream, prompt_tokens, completion_tokens, total_tokens, cost, error)
                        VALUES (:created, :member, :setting, :provider, :model, :type, :channel, 'abandoned', FALSE,
                            :prompt, :completion, :total, :cost, :error)
                        """)
                .setParameter("created", row[0])
                .setParameter("member", row[1])
                .setParameter("setting", row[2])
                .setParameter("provider", provider)
                .setParameter("model", model)
                .setParameter("type", row[3])
                .setParameter("channel", row[4])
                .setParameter("prompt", usage.promptTokens())
                .setParameter("completion", usage.completionTokens())
                .setParameter("total", usage.totalTokens())
                .setParameter("cost", cost)
                .setParameter("error", "the replica serving this call stopped before it ended; "
                        + "the reserved tokens are counted")
                .executeUpdate();
    }
}

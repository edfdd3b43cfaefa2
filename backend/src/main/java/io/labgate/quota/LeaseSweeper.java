package io.labgate.quota;

import io.labgate.common.config.LabgateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Deals with what stopped replicas left behind. The leases of a replica silent for longer than the grace
 * (killed, its node lost) are forfeited: the provider may have done — and billed — work it had not yet
 * written, so they stay counted as spent until their windows end (never an overspend). A member can lose at
 * most what that replica held for them: a second's worth of their calls at their recent rate, and never more
 * than a quarter of the room that was left ({@link Leases}). Leases of ended windows, and replicas long gone,
 * are purged.
 *
 * <p>Safe on every replica at once: each step is one statement.
 */
@ApplicationScoped
public class LeaseSweeper {

    private static final Logger LOG = Logger.getLogger(LeaseSweeper.class);

    private final EntityManager em;
    private final Replica replica;
    private final Clock clock;
    private final Duration grace;
    private final Duration keepReplicas;

    LeaseSweeper(EntityManager em, Replica replica, Clock clock, LabgateConfig config) {
        this.em = em;
        this.replica = replica;
        this.clock = clock;
        this.grace = config.quota().replicaGrace();
        this.keepReplicas = config.quota().keepReplicas();
    }

    /** Sweeps as of now; returns how many leases it forfeited. */
    @Transactional
    public int sweep() {
        return sweep(OffsetDateTime.now(clock));
    }

    @Transactional
    public int sweep(OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        List<Object[]> forfeited = em.createNativeQuery("""
                        UPDATE quota_leases l SET forfeited_at = :now
                         WHERE l.forfeited_at IS NULL AND l.replica_id <> :self AND l.amount > 0
                           AND NOT EXISTS (SELECT 1 FROM gateway_replicas g
                                            WHERE g.id = l.replica_id AND g.heartbeat_at >= :deadline)
                        RETURNING l.counter, l.subject_id, l.amount, l.replica_id
                        """)
                .setParameter("now", now)
                .setParameter("self", replica.id())
                .setParameter("deadline", now.minus(grace))
                .getResultList();
        for (Object[] lease : forfeited) {
            LOG.warnf("Replica %s stopped without returning its lease of %d on %s %s; it counts as spent until "
                    + "the window ends", lease[3], ((Number) lease[2]).longValue(), lease[0], lease[1]);
        }
        em.createNativeQuery("DELETE FROM quota_leases WHERE window_end < :now")
                .setParameter("now", now).executeUpdate();
        em.createNativeQuery("""
                        DELETE FROM gateway_replicas g WHERE g.heartbeat_at < :before
                           AND NOT EXISTS (SELECT 1 FROM quota_leases l WHERE l.replica_id = g.id)
                        """)
                .setParameter("before", now.minus(keepReplicas)).executeUpdate();
        return forfeited.size();
    }
}

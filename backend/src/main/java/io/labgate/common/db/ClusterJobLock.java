package io.labgate.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Lets a scheduled job run on one replica at a time: every replica's scheduler fires, the first to take the job's
 * PostgreSQL advisory lock runs it, and the others skip that run instead of repeating it beside it. The lock is a
 * transaction lock: the job's own transaction holds it, and it is gone when that transaction ends — or when its
 * replica dies. Jobs stay idempotent, so a replica whose turn comes after another's finished finds nothing left.
 */
@ApplicationScoped
public class ClusterJobLock {

    /** The first key of LabGate's job locks; Flyway's lock uses the one-key form, which never collides. */
    private static final String NAMESPACE = "labgate.jobs";

    private final EntityManager em;

    ClusterJobLock(EntityManager em) {
        this.em = em;
    }

    /** Runs {@code work} inside this transaction if no other replica is running the job {@code job}; tells whether it ran. */
    @Transactional
    public boolean runAlone(String job, Runnable work) {
        boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(?1), hashtext(?2))")
                .setParameter(1, NAMESPACE).setParameter(2, job).getSingleResult();
        if (locked) {
            work.run();
        }
        return locked;
    }
}

package io.labgate.quota;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * This running instance of LabGate, as the other replicas see it: a fresh id per start and a heartbeat row.
 * Leases carry the id, so those of a replica that stopped heartbeating (kill -9, a lost node) can be told apart
 * from those of live replicas and forfeited.
 */
@ApplicationScoped
public class Replica {

    private final UUID id = UUID.randomUUID();
    private final EntityManager em;
    private final Clock clock;

    Replica(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public UUID id() {
        return id;
    }

    @Transactional
    void register(@Observes StartupEvent event) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        em.createNativeQuery("INSERT INTO gateway_replicas (id, started_at, heartbeat_at) VALUES (:id, :now, :now)")
                .setParameter("id", id).setParameter("now", now).executeUpdate();
    }

    @Transactional
    public void heartbeat() {
        em.createNativeQuery("UPDATE gateway_replicas SET heartbeat_at = :now WHERE id = :id")
                .setParameter("id", id).setParameter("now", OffsetDateTime.now(clock)).executeUpdate();
    }

    /**
     * A replica that stops on purpose notes when, for the operator; it has returned its leases (Leases), and
     * whatever it could not return is forfeited like any silent replica's once its heartbeat is older than the
     * grace (the sweeper reads only the heartbeat).
     */
    @Transactional
    void deregister(@Observes ShutdownEvent event) {
        em.createNativeQuery("UPDATE gateway_replicas SET stopped_at = :now WHERE id = :id")
                .setParameter("id", id).setParameter("now", OffsetDateTime.now(clock)).executeUpdate();
    }
}

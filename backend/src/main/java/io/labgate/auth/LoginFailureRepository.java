package io.labgate.auth;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Optional;

@ApplicationScoped
public class LoginFailureRepository implements PanacheRepository<LoginFailure> {

    long countSince(String username, OffsetDateTime since) {
        return count("username = ?1 and failedAt > ?2", username, since);
    }

    Optional<OffsetDateTime> oldestSince(String username, OffsetDateTime since) {
        return find("username = ?1 and failedAt > ?2 order by failedAt", username, since)
                .firstResultOptional().map(f -> f.failedAt);
    }

    void clear(String username) {
        delete("username", username);
    }

    long deleteOlderThan(OffsetDateTime cutoff) {
        return delete("failedAt < ?1", cutoff);
    }
}

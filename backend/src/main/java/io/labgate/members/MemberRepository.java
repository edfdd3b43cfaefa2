package io.labgate.members;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class MemberRepository implements PanacheRepository<Member> {

    public Optional<Member> findByUsername(String username) {
        return find("lower(username) = ?1", username.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    public Optional<Member> findByEmail(String email) {
        return find("lower(email) = ?1", email.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    public boolean usernameTaken(String username) {
        return count("lower(username) = ?1", username.toLowerCase(Locale.ROOT)) > 0;
    }

    public boolean emailTaken(String email, Long exceptId) {
        return count("lower(email) = ?1 and id <> ?2", email.toLowerCase(Locale.ROOT),
                exceptId == null ? -1L : exceptId) > 0;
    }

    /**
     * Ends every session of the member: tokens issued before carry an older version and are refused. Returns the
     * new version, for a token issued in the same transaction (the entity's copy is not written back).
     */
    public int endSessions(long memberId) {
        Number version = (Number) getEntityManager().createNativeQuery(
                        "UPDATE members SET token_version = token_version + 1 WHERE id = :id RETURNING token_version")
                .setParameter("id", memberId).getSingleResult();
        return version.intValue();
    }

    public long countSuperadmins() {
        return count("role = 'superadmin' and isActive = true");
    }

    PanacheQuery<Member> search(String q, String role) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(username) like :q or lower(email) like :q"
                    + " or lower(firstName) like :q or lower(lastName) like :q)");
            params.and("q", "%" + q.trim().toLowerCase(Locale.ROOT) + "%");
        }
        if (role != null && !role.isBlank()) {
            where.append(" and role = :role");
            params.and("role", role);
        }
        return find(where.toString(), Sort.ascending("username"), params);
    }
}

package io.labgate.apikeys;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MemberApiKeyRepository implements PanacheRepository<MemberApiKey> {

    List<MemberApiKey> ofMember(long memberId) {
        return list("member.id = ?1 and revokedAt is null", Sort.descending("createdAt"), memberId);
    }

    Optional<MemberApiKey> activeByHash(String hash) {
        return find("from MemberApiKey k join fetch k.member where k.keyHash = ?1 and k.revokedAt is null", hash)
                .firstResultOptional();
    }

    long countActive(long memberId) {
        return count("member.id = ?1 and revokedAt is null", memberId);
    }
}

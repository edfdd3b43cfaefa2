package io.labgate.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One-time codes that carry a finished platform sign-in from the OIDC callback to the SPA, on any replica: kept as
 * their SHA-256 for {@code labgate.sso.oidc.handoff-lifetime}, redeemed at most once (one DELETE … RETURNING).
 */
@ApplicationScoped
public class SignInHandoffs {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager em;
    private final PlatformSignInConfig config;
    private final Clock clock;

    SignInHandoffs(EntityManager em, PlatformSignInConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    public String issue(long memberId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM sign_in_handoffs WHERE expires_at <= :now")
                    .setParameter("now", now).executeUpdate();
            em.createNativeQuery("INSERT INTO sign_in_handoffs (code_hash, member_id, expires_at) "
                            + "VALUES (:hash, :member, :expires)")
                    .setParameter("hash", hash(code)).setParameter("member", memberId)
                    .setParameter("expires", now.plus(config.oidc().handoffLifetime())).executeUpdate();
        });
        return code;
    }

    /** The member the code was issued for, if it exists, has not expired and was not redeemed before. */
    public Optional<Long> redeem(String code) {
        if (code == null || code.isBlank() || code.length() > 100) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<?> member = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "DELETE FROM sign_in_handoffs WHERE code_hash = :hash RETURNING member_id, expires_at")
                .setParameter("hash", hash(code)).getResultList());
        return member.stream().map(Object[].class::cast)
                .filter(row -> toOffset(row[1]).isAfter(now))
                .map(row -> ((Number) row[0]).longValue())
                .findFirst();
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

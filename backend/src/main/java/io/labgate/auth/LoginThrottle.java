package io.labgate.auth;

import io.labgate.common.config.LabgateConfig;
import io.labgate.common.error.ErrorCode;
import io.labgate.common.error.RetryableApiException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Limits password attempts per username and per client address. An attempt claims its place before the
 * password is checked, in one conditional upsert that commits at once: concurrent attempts on any number of
 * replicas queue on the counter's row, and only those within the limit are let through to the check. Claims
 * stay counted as failures unless the password was right; a window starts at its first attempt.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Takes one attempt if the window has room (or has ended, which starts a new one); no row when it has not. */
    private static final String CLAIM = """
            INSERT INTO login_throttle AS t (scope, subject, attempts, window_start)
            VALUES (:scope, :subject, 1, :now)
            ON CONFLICT (scope, subject) DO UPDATE SET
                attempts = CASE WHEN t.window_start <= :since THEN 1 ELSE t.attempts + 1 END,
                window_start = CASE WHEN t.window_start <= :since THEN :now ELSE t.window_start END
            WHERE t.window_start <= :since OR t.attempts < :max
            RETURNING t.attempts""";

    private static final String USERNAME = "username";
    private static final String ADDRESS = "address";
    /** Longer than any IPv6 address; a longer "address" is cut rather than stored whole. */
    private static final int MAX_ADDRESS = 64;

    private final EntityManager em;
    private final LabgateConfig.Login config;
    private final Clock clock;

    LoginThrottle(EntityManager em, LabgateConfig config, Clock clock) {
        this.em = em;
        this.config = config.login();
        this.clock = clock;
    }

    /** An attempt that was let through: the username (lower case) and the client address, if known. */
    public record Claim(String username, String address) {
    }

    /** Lets one attempt through, or refuses it with 429 and the seconds until its window ends. */
    public Claim claim(String username, String address) {
        String addressKey = address == null || address.isBlank() ? null
                : address.length() > MAX_ADDRESS ? address.substring(0, MAX_ADDRESS) : address;
        take(USERNAME, username, config.maxFailures());
        if (addressKey != null) {
            try {
                take(ADDRESS, addressKey, config.maxFailuresPerAddress());
            } catch (RetryableApiException refused) {
                giveBack(USERNAME, username);
                throw refused;
            }
        }
        return new Claim(username, addressKey);
    }

    /**
     * The password was right: the username's earlier failures are forgotten, and the address gets its attempt
     * back (one member's success does not clear others' failures from the same address).
     */
    public void succeeded(Claim claim) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM login_throttle WHERE scope = :scope AND subject = :subject")
                    .setParameter("scope", USERNAME).setParameter("subject", claim.username()).executeUpdate();
            if (claim.address() != null) {
                decrement(ADDRESS, claim.address());
            }
        });
    }

    /** Windows that have ended no longer matter. */
    public int forgetEnded() {
        OffsetDateTime since = OffsetDateTime.now(clock).minus(config.failureWindow());
        return QuarkusTransaction.requiringNew().call(() ->
                em.createNativeQuery("DELETE FROM login_throttle WHERE window_start <= :since")
                        .setParameter("since", since).executeUpdate());
    }

    private void take(String scope, String subject, int max) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Duration window = config.failureWindow();
        List<?> taken = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(CLAIM)
                .setParameter("scope", scope).setParameter("subject", subject)
                .setParameter("now", now).setParameter("since", now.minus(window))
                .setParameter("max", max)
                .getResultList());
        if (!taken.isEmpty()) {
            return;
        }
        List<?> start = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT window_start FROM login_throttle WHERE scope = :scope AND subject = :subject",
                        OffsetDateTime.class)
                .setParameter("scope", scope).setParameter("subject", subject).getResultList());
        OffsetDateTime ends = start.isEmpty() ? now : ((OffsetDateTime) start.getFirst()).plus(window);
        long wait = Math.max(1, Duration.between(now, ends).toSeconds() + 1);
        throw new RetryableApiException(429, ErrorCode.TOO_MANY_ATTEMPTS,
                "Too many failed logins; try again in " + wait + " seconds", Map.of(), wait);
    }

    private void giveBack(String scope, String subject) {
        QuarkusTransaction.requiringNew().run(() -> decrement(scope, subject));
    }

    private void decrement(String scope, String subject) {
        em.createNativeQuery("UPDATE login_throttle SET attempts = attempts - 1 "
                        + "WHERE scope = :scope AND subject = :subject AND attempts > 0")
                .setParameter("scope", scope).setParameter("subject", subject).executeUpdate();
    }
}

package io.labgate.auth;

import io.labgate.common.security.Roles;
import io.labgate.common.config.LabgateConfig;
import io.labgate.common.crypto.SecretsBootstrap;
import io.labgate.members.Member;
import io.labgate.members.MemberRepository;
import io.labgate.members.PasswordHasher;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * First start: make sure the JWT keys exist and create the super-admin from LABGATE_ADMIN_USERNAME /
 * LABGATE_ADMIN_PASSWORD, or with a generated password printed once.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    /** An arbitrary, fixed advisory-lock key for the first-admin check. */
    private static final long FIRST_ADMIN_LOCK = 0x4c61624761746501L;

    private final SecretsBootstrap secrets;
    private final MemberRepository members;
    private final PasswordHasher hasher;
    private final LabgateConfig config;
    private final Clock clock;

    AdminBootstrap(SecretsBootstrap secrets, MemberRepository members, PasswordHasher hasher, LabgateConfig config,
                   Clock clock) {
        this.secrets = secrets;
        this.members = members;
        this.hasher = hasher;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        secrets.ensureJwtKeys();
        // Replicas starting together take turns here (the lock ends with this transaction): one creates the
        // admin, the others then find it.
        members.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:key)")
                .setParameter("key", FIRST_ADMIN_LOCK).getSingleResult();
        if (members.count("role", Roles.SUPERADMIN) > 0) {
            return;
        }
        String username = config.admin().username();
        boolean generated = config.admin().password().filter(p -> !p.isBlank()).isEmpty();
        String password = generated ? hasher.generate() : config.admin().password().orElseThrow();
        if (password.length() < 8) {
            throw new IllegalStateException("LABGATE_ADMIN_PASSWORD must be at least 8 characters");
        }
        Member admin = new Member();
        admin.username = username;
        admin.email = username + "@labgate.local";
        admin.role = Roles.SUPERADMIN;
        admin.passwordHash = hasher.hash(password);
        admin.createdAt = OffsetDateTime.now(clock);
        admin.updatedAt = admin.createdAt;
        members.persist(admin);
        if (generated) {
            // Printed once, on purpose: there is no other way to learn it. Change it after the first login.
            LOG.infof("Created super-admin '%s' with generated password: %s", username, password);
        } else {
            LOG.infof("Created super-admin '%s' from LABGATE_ADMIN_PASSWORD", username);
        }
    }
}

package io.labgate.auth;

import io.labgate.audit.AdminChange;
import io.labgate.common.security.CurrentMember;
import io.labgate.members.MemberRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every authenticated request's token must still be current: its member exists and is active, has the role the
 * token names, and has not raised their token version since it was issued (logout, a new password, a new role,
 * deactivation, "sign out everywhere"). What the check needs is kept per member; a change to a member drops it on
 * every replica as it commits (ChangeBroadcast), and {@code TTL} only bounds a missed notice.
 */
@ApplicationScoped
public class SessionCheck implements SecurityIdentityAugmentor {

    static final String VERSION_CLAIM = "token_version";
    static final String PLATFORM_SIGN_IN_PATH = "/api/auth/oidc/";
    private static final long TTL_NANOS = Duration.ofSeconds(30).toNanos();

    private final MemberRepository members;
    private final Map<Long, Cached> states = new ConcurrentHashMap<>();
    /** Raised by every drop, so a load that began before a change is not kept after it. */
    private final AtomicLong drops = new AtomicLong();

    /** What a token is checked against; empty when the member no longer exists. */
    private record Cached(Optional<State> state, long loadedAt) {
    }

    private record State(int tokenVersion, boolean active, String role) {
    }

    SessionCheck(MemberRepository members) {
        this.members = members;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
                                         Map<String, Object> attributes) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        if (!CurrentMember.ISSUER.equals(token.getIssuer())) {
            return platformSignIn(identity, attributes);
        }
        Long memberId = memberId(token);
        Integer version = version(token);
        if (memberId == null || version == null) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token without member or version"));
        }
        Cached cached = states.get(memberId);
        if (cached != null && System.nanoTime() - cached.loadedAt() < TTL_NANOS) {
            return current(cached, version, identity) ? Uni.createFrom().item(identity)
                    : Uni.createFrom().failure(ended());
        }
        return context.runBlocking(() -> {
            if (!current(load(memberId), version, identity)) {
                throw ended();
            }
            return identity;
        });
    }

    /**
     * An identity from the platform's ID token (quarkus-oidc's code flow) only signs a member in: it is accepted on the
     * sign-in paths and carries no role there; anywhere else (a replayed OIDC session cookie) it is refused.
     */
    private static Uni<SecurityIdentity> platformSignIn(SecurityIdentity identity, Map<String, Object> attributes) {
        RoutingContext request = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        if (request == null || !request.normalizedPath().startsWith(PLATFORM_SIGN_IN_PATH)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("platform identity outside sign-in"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .build());
    }

    /** A member changed (here or on another replica, once committed): their tokens are checked afresh. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AdminChange change) {
        drops.incrementAndGet();
        if ("member".equals(change.entityType()) && change.entityId() != null) {
            states.remove(change.entityId());
        } else if ("cluster".equals(change.entityType())) {
            states.clear();
        }
    }

    private Cached load(long memberId) {
        long dropsBefore = drops.get();
        Optional<State> state = QuarkusTransaction.requiringNew().call(() -> members.findByIdOptional(memberId)
                .map(m -> new State(m.tokenVersion, m.isActive, m.role)));
        Cached loaded = new Cached(state, System.nanoTime());
        if (drops.get() == dropsBefore) {
            states.put(memberId, loaded);
        }
        return loaded;
    }

    private static boolean current(Cached cached, int version, SecurityIdentity identity) {
        return cached.state()
                .filter(s -> s.active() && s.tokenVersion() == version && identity.getRoles().equals(Set.of(s.role())))
                .isPresent();
    }

    private static AuthenticationFailedException ended() {
        return new AuthenticationFailedException("session ended");
    }

    private static Long memberId(JsonWebToken token) {
        try {
            return token.getSubject() == null ? null : Long.parseLong(token.getSubject());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer version(JsonWebToken token) {
        Object claim = token.getClaim(VERSION_CLAIM);
        if (claim instanceof jakarta.json.JsonNumber number) {
            return number.intValue();
        }
        return claim instanceof Number number ? number.intValue() : null;
    }
}

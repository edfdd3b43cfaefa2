package io.labgate.common.security;

import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who is calling, from a LabGate access token: the subject is the member id, `upn` the username. Read from the
 * security identity rather than an injected {@code JsonWebToken}, whose producer belongs to quarkus-oidc once the
 * platform sign-in is on the classpath; a token of another issuer (the platform's ID token during its sign-in) is
 * nobody here.
 */
@RequestScoped
public class CurrentMember {

    /** The issuer of LabGate's own access tokens. */
    public static final String ISSUER = "https://labgate.local";

    @Inject
    SecurityIdentity identity;

    public long id() {
        Long id = idOrNull();
        if (id == null) {
            throw new ApiException(401, ErrorCode.UNAUTHORIZED, "Log in first: a valid bearer token is required");
        }
        return id;
    }

    public Long idOrNull() {
        return token().map(JsonWebToken::getSubject).map(CurrentMember::parse).orElse(null);
    }

    public String usernameOr(String fallback) {
        return token().map(JsonWebToken::getName).orElse(fallback);
    }

    public boolean isSuperadmin() {
        return token().map(t -> t.getGroups() != null && t.getGroups().contains(Roles.SUPERADMIN)).orElse(false);
    }

    private Optional<JsonWebToken> token() {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        return ISSUER.equals(jwt.getIssuer()) ? Optional.of(jwt) : Optional.empty();
    }

    private static Long parse(String subject) {
        try {
            return subject == null ? null : Long.parseLong(subject);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

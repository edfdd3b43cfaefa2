package io.labgate.auth;

import java.util.Optional;

/**
 * Who the platform says signed in, from the claims of its ID token or exchanged JWT: its issuer and subject, the
 * username and e-mail it proposes, the name, and the role its role claim maps to (empty: no role claim configured).
 */
public record PlatformIdentity(String issuer, String subject, String username, String email, boolean emailVerified,
                               String firstName, String lastName, Optional<String> role) {

    @Override
    public String toString() {
        return "PlatformIdentity[issuer=" + issuer + ", subject=" + subject + "]";
    }
}

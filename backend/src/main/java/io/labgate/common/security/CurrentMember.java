package io.labgate.common.security;

import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the verified JWT: the subject is the member id, `upn` the username. */
@RequestScoped
public class CurrentMember {

    @Inject
    JsonWebToken jwt;

    public long id() {
        Long id = idOrNull();
        if (id == null) {
            throw new ApiException(401, ErrorCode.UNAUTHORIZED, "Log in first: a valid bearer token is required");
        }
        return id;
    }

    public Long idOrNull() {
        if (jwt == null || jwt.getSubject() == null) {
            return null;
        }
        try {
            return Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public String usernameOr(String fallback) {
        return jwt == null || jwt.getName() == null ? fallback : jwt.getName();
    }
}

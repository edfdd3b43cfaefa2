package io.labgate.auth;

import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.labgate.common.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a member out of the platform's verified claims (an ID token's, or an exchanged JWT's), as configured:
 * username, e-mail and name claims, and a role claim whose values make a super-admin or are required at all.
 */
@ApplicationScoped
public class PlatformClaims {

    private static final int MAX_USERNAME = 50;
    private static final int MIN_USERNAME = 3;
    private static final int MAX_NAME = 100;
    private static final int MAX_EMAIL = 255;

    private final PlatformSignInConfig.Claims config;

    PlatformClaims(PlatformSignInConfig config) {
        this.config = config.claims();
    }

    public PlatformIdentity read(Map<String, Object> claims) {
        String issuer = text(claims, "iss").orElseThrow(() -> missing("iss"));
        String subject = text(claims, "sub").orElseThrow(() -> missing("sub"));
        String email = text(claims, config.email()).map(String::trim)
                .filter(e -> e.indexOf('@') > 0 && e.length() <= MAX_EMAIL)
                .orElseThrow(() -> missing(config.email()));
        Object verified = claims.get("email_verified");
        boolean emailVerified = Boolean.TRUE.equals(verified) || "true".equals(verified);
        String username = text(claims, config.username()).map(PlatformClaims::usernameOf)
                .filter(u -> u.length() >= MIN_USERNAME)
                .orElseGet(() -> fallbackUsername(email, subject));
        Optional<String> given = text(claims, "given_name");
        Optional<String> family = text(claims, "family_name");
        String firstName;
        String lastName;
        if (given.isPresent() || family.isPresent()) {
            firstName = given.orElse("");
            lastName = family.orElse("");
        } else {
            firstName = text(claims, config.name()).orElse("");
            lastName = "";
        }
        Optional<String> role = config.role().map(path -> roleOf(values(claims, path)));
        return new PlatformIdentity(issuer, subject, username, email, emailVerified, cut(firstName), cut(lastName),
                role);
    }

    private String roleOf(List<String> values) {
        if (config.superadminValues().map(v -> intersects(v, values)).orElse(false)) {
            return Roles.SUPERADMIN;
        }
        if (config.researcherValues().map(v -> !intersects(v, values)).orElse(false)) {
            throw new ApiException(403, ErrorCode.PLATFORM_ROLE_NOT_PERMITTED,
                    "Your platform account is not allowed to use LabGate");
        }
        return Roles.RESEARCHER;
    }

    /** The claim at a dotted path, as text values: a string, or each string of a list. */
    private static List<String> values(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return value instanceof String s ? List.of(s) : List.of();
    }

    private static boolean intersects(List<String> wanted, List<String> present) {
        return wanted.stream().map(String::trim).anyMatch(present::contains);
    }

    private static Optional<String> text(Map<String, Object> claims, String name) {
        return claims.get(name) instanceof String s && !s.isBlank() ? Optional.of(s.trim()) : Optional.empty();
    }

    /** LabGate's username rules: 3–50 of letters, digits, '.', '_' and '-'; anything else becomes '-'. */
    static String usernameOf(String proposed) {
        String cleaned = proposed.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
        return cleaned.length() > MAX_USERNAME ? cleaned.substring(0, MAX_USERNAME) : cleaned;
    }

    private static String fallbackUsername(String email, String subject) {
        String local = usernameOf(email.substring(0, email.indexOf('@')));
        return local.length() >= MIN_USERNAME ? local : "user-" + shortHash(subject);
    }

    private static String shortHash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String name) {
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    private static ApiException missing(String claim) {
        return new ApiException(400, ErrorCode.PLATFORM_CLAIM_MISSING,
                "The platform's token has no usable '" + claim + "' claim", Map.of("claim", claim));
    }
}

package io.labgate.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in from the host platform: OIDC (the client itself is quarkus-oidc's tenant {@code platform}, configured in
 * application.properties from LABGATE_OIDC_*), token exchange, and how the platform's claims become a member.
 */
@ConfigMapping(prefix = "labgate.sso")
public interface PlatformSignInConfig {

    /** Researchers may log in with a LabGate password; super-admins always may. */
    @WithDefault("true")
    boolean researcherPasswordLogin();

    /** The plan a member created by a platform sign-in gets (a plan's name); none: no AI access until assigned. */
    Optional<String> defaultPlan();

    /** The provider setting that goes with the default plan (a setting's name); none: the plan alone. */
    Optional<String> defaultSetting();

    /**
     * A first platform sign-in whose verified e-mail is a researcher's here signs in as that researcher (and links
     * them). Off: such a sign-in is refused as a conflict for the admin to resolve. Never links a super-admin.
     */
    @WithDefault("false")
    boolean linkByVerifiedEmail();

    Oidc oidc();

    Exchange exchange();

    Claims claims();

    interface Oidc {
        /** The "sign in with your platform account" button and /api/auth/oidc/*. */
        @WithDefault("false")
        boolean enabled();

        /** The sign-in cookies are Secure (always, except for http://localhost in make run and the tests). */
        @WithDefault("true")
        boolean secureCookies();

        /** How long the SPA has to exchange the callback's one-time code for a session. */
        @WithDefault("PT1M")
        Duration handoffLifetime();
    }

    interface Exchange {
        /** The {@code iss} the platform's tokens carry; token exchange is on when this and a key source are set. */
        Optional<String> issuer();

        /** The {@code aud} a token must name (one of). */
        @WithDefault("labgate")
        List<String> audience();

        /** Where the platform publishes its signing keys (JWKS). */
        Optional<String> jwksUrl();

        /** Or the platform's public signing key, PEM ("-----BEGIN PUBLIC KEY-----"). */
        Optional<String> publicKey();

        @WithDefault("PT30S")
        Duration clockSkew();

        /** Signature algorithms accepted; {@code none} and the HMAC ones (HS*) are refused at start. */
        @WithDefault("RS256,RS384,RS512,PS256,PS384,PS512,ES256,ES384,ES512")
        List<String> algorithms();

        default boolean enabled() {
            return issuer().isPresent() && (jwksUrl().isPresent() || publicKey().isPresent());
        }
    }

    interface Claims {
        /** The claim that becomes the username (cut to LabGate's username rules); else the e-mail's local part. */
        @WithDefault("preferred_username")
        String username();

        @WithDefault("email")
        String email();

        /** The display name; {@code given_name} and {@code family_name} are used when present. */
        @WithDefault("name")
        String name();

        /**
         * The claim (a string or a list; a dotted path reaches into objects, e.g. {@code realm_access.roles}) that
         * decides the role. Unset: members are created as researchers and their role is managed in LabGate.
         */
        Optional<String> role();

        /** Values of the role claim that make a super-admin. */
        Optional<List<String>> superadminValues();

        /** If set, one of these values (or a super-admin value) is required to sign in at all. */
        Optional<List<String>> researcherValues();
    }
}

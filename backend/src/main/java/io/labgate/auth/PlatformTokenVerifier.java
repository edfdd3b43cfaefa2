package io.labgate.auth;

import io.labgate.common.error.ApiException;
import io.labgate.common.error.ErrorCode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Verifies a JWT the platform signed, for token exchange: signature by the platform's JWKS or PEM key with an
 * allowed asymmetric algorithm (never {@code none}, never HMAC — a public key is no shared secret), the issuer, one
 * of the audiences, and the expiry and not-before within the clock skew. jose4j does the work; it is the library
 * SmallRye JWT itself verifies with.
 */
@ApplicationScoped
public class PlatformTokenVerifier {

    private static final Logger LOG = Logger.getLogger(PlatformTokenVerifier.class);
    private static final int MAX_TOKEN = 16_384;

    private final PlatformSignInConfig.Exchange config;
    private volatile JwtConsumer consumer;

    PlatformTokenVerifier(PlatformSignInConfig config) {
        this.config = config.exchange();
    }

    /** A misconfigured exchange (a refused algorithm, an unreadable key) stops the start, not the first sign-in. */
    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            consumer();
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** The token's claims, once every check passed; otherwise 401 naming the reason. */
    public Map<String, Object> verify(String token) {
        if (!config.enabled()) {
            throw new ApiException(404, ErrorCode.SIGN_IN_NOT_CONFIGURED, "Token exchange is not set up here");
        }
        if (token.length() > MAX_TOKEN) {
            throw invalid("malformed");
        }
        try {
            return consumer().processToClaims(token).getClaimsMap();
        } catch (InvalidJwtException e) {
            if (e.getCause() instanceof org.jose4j.lang.UnresolvableKeyException unresolvable
                    && unresolvable.getCause() instanceof java.io.IOException) {
                LOG.warnf("The platform's JWKS could not be read: %s", unresolvable.getCause().getClass().getName());
                throw new ApiException(503, ErrorCode.PLATFORM_SIGN_IN_FAILED,
                        "The platform's signing keys could not be read; try again");
            }
            String reason = reason(e);
            LOG.debugf("Platform token refused: %s", reason);
            throw invalid(reason);
        }
    }

    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "expired";
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return "not_yet_valid";
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            return "wrong_issuer";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            return "wrong_audience";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)
                || e.getCause() instanceof org.jose4j.lang.UnresolvableKeyException
                || e.getCause() instanceof org.jose4j.lang.InvalidAlgorithmException) {
            return "bad_signature";
        }
        return "malformed";
    }

    private JwtConsumer consumer() {
        JwtConsumer built = consumer;
        if (built == null) {
            synchronized (this) {
                if (consumer == null) {
                    consumer = build();
                }
                built = consumer;
            }
        }
        return built;
    }

    private JwtConsumer build() {
        List<String> algorithms = config.algorithms().stream().map(String::trim).toList();
        for (String algorithm : algorithms) {
            String upper = algorithm.toUpperCase(Locale.ROOT);
            if (upper.equals("NONE") || upper.startsWith("HS") || !upper.matches("(RS|PS|ES)(256|384|512)")) {
                throw new IllegalStateException("labgate.sso.exchange.algorithms: '" + algorithm
                        + "' is not allowed; use asymmetric algorithms (RS*, PS*, ES*)");
            }
        }
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds((int) config.clockSkew().toSeconds())
                .setExpectedIssuer(config.issuer().orElseThrow())
                .setExpectedAudience(config.audience().toArray(String[]::new))
                .setJwsAlgorithmConstraints(new AlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, algorithms.toArray(String[]::new)));
        if (config.jwksUrl().isPresent()) {
            // Keys are cached as the JWKS response allows and fetched again when a token names an unknown kid.
            builder.setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(
                    new HttpsJwks(config.jwksUrl().get())));
        } else {
            builder.setVerificationKey(publicKey(config.publicKey().orElseThrow()));
        }
        return builder.build();
    }

    static PublicKey publicKey(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("labgate.sso.exchange.public-key is not a PEM public key");
        }
        for (String type : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
            } catch (Exception notThisType) {
                // try the next key type
            }
        }
        throw new IllegalStateException("labgate.sso.exchange.public-key is not an RSA or EC public key");
    }

    private static ApiException invalid(String reason) {
        return new ApiException(401, ErrorCode.PLATFORM_TOKEN_INVALID,
                "The platform token was refused: " + reason.replace('_', ' '), Map.of("reason", reason));
    }
}

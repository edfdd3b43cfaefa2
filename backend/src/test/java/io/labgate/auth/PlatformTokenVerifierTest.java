package io.labgate.auth;

import io.labgate.common.error.ApiException;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;

import java.security.Key;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token-exchange verifier on its own: a PEM key instead of a JWKS, and the algorithms it refuses to start with. */
class PlatformTokenVerifierTest {

    @Test
    void aPemRsaKeyVerifiesThePlatformsTokens() throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        PlatformTokenVerifier verifier = verifier(Map.of("labgate.sso.exchange.public-key", pem(key.getPublicKey())));

        Map<String, Object> claims = verifier.verify(sign(key.getPrivateKey(), AlgorithmIdentifiers.RSA_USING_SHA256));

        assertEquals("someone", claims.get("sub"));
    }

    @Test
    void aPemEcKeyVerifiesToo() throws Exception {
        EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        PlatformTokenVerifier verifier = verifier(Map.of("labgate.sso.exchange.public-key", pem(key.getPublicKey())));

        assertEquals("someone", verifier.verify(sign(key.getPrivateKey(), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256))
                .get("sub"));
    }

    @Test
    void anAlgorithmOutsideTheListIsRefused() throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        PlatformTokenVerifier verifier = verifier(Map.of("labgate.sso.exchange.public-key", pem(key.getPublicKey()),
                "labgate.sso.exchange.algorithms", "ES256"));

        ApiException refused = assertThrows(ApiException.class,
                () -> verifier.verify(sign(key.getPrivateKey(), AlgorithmIdentifiers.RSA_USING_SHA256)));
        assertEquals(Map.of("reason", "bad_signature"), refused.params());
    }

    @Test
    void noneAndHmacInTheAlgorithmListStopTheStart() throws Exception {
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        for (String algorithms : new String[] {"RS256,none", "HS256", "RS256,HS512"}) {
            PlatformTokenVerifier verifier = verifier(Map.of("labgate.sso.exchange.public-key", pem(key.getPublicKey()),
                    "labgate.sso.exchange.algorithms", algorithms));
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> verifier.onStart(null));
            assertTrue(refused.getMessage().contains("labgate.sso.exchange.algorithms"), refused.getMessage());
        }
    }

    @Test
    void withoutIssuerAndKeyThereIsNoExchange() {
        PlatformTokenVerifier verifier = new PlatformTokenVerifier(config(Map.of()));

        ApiException refused = assertThrows(ApiException.class, () -> verifier.verify("x.y.z"));
        assertEquals(404, refused.status());
        assertEquals("sign_in_not_configured", refused.code());
    }

    private static PlatformTokenVerifier verifier(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of("labgate.sso.exchange.issuer", "https://platform.test"));
        properties.putAll(extra);
        return new PlatformTokenVerifier(config(properties));
    }

    private static PlatformSignInConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(PlatformSignInConfig.class)
                .withDefaultValues(properties).build();
        return config.getConfigMapping(PlatformSignInConfig.class);
    }

    private static String sign(Key key, String algorithm) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("https://platform.test");
        claims.setAudience("labgate");
        claims.setSubject("someone");
        claims.setExpirationTimeMinutesInTheFuture(5);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(algorithm);
        return jws.getCompactSerialization();
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}

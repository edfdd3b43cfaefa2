package io.labgate.common.crypto;

import io.labgate.common.config.LabgateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Supplies the secrets the app needs at start: the master key ring and the JWT key pair. In the embedded
 * and test profiles missing ones are generated into the data dir (owner-only files); in production they
 * must come from the environment (a Kubernetes secret), and start-up fails with a clear message if not.
 */
@ApplicationScoped
public class SecretsBootstrap {

    private static final Logger LOG = Logger.getLogger(SecretsBootstrap.class);

    private final LabgateConfig config;
    private final Optional<String> masterKeys;
    private final String jwtPublicKeyLocation;
    private final String jwtPrivateKeyLocation;

    SecretsBootstrap(LabgateConfig config,
                     @ConfigProperty(name = "mp.jwt.verify.publickey.location") String jwtPublicKeyLocation,
                     @ConfigProperty(name = "smallrye.jwt.sign.key.location") String jwtPrivateKeyLocation) {
        this.config = config;
        this.masterKeys = config.crypto().masterKeys().filter(s -> !s.isBlank());
        this.jwtPublicKeyLocation = jwtPublicKeyLocation;
        this.jwtPrivateKeyLocation = jwtPrivateKeyLocation;
    }

    @Produces
    @Singleton
    MasterKeyRing masterKeyRing() {
        if (masterKeys.isPresent()) {
            return MasterKeyRing.parse(masterKeys.get());
        }
        if (!config.secrets().generate()) {
            throw new IllegalStateException("LABGATE_MASTER_KEY is required (e.g. v1:<base64 of 32 random bytes>)");
        }
        Path file = Path.of(config.dataDir(), "keys", "master.key");
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            writeOwnerOnly(file, "v1:" + Base64.getEncoder().encodeToString(key) + "\n");
            LOG.infof("Generated a master key into %s (set LABGATE_MASTER_KEY in production)", file);
        }
        return MasterKeyRing.parse(read(file).trim());
    }

    @Produces
    @Singleton
    SecretCipher secretCipher(MasterKeyRing ring) {
        return new SecretCipher(ring);
    }

    /** Called at start-up, before the first token is signed or verified. */
    public void ensureJwtKeys() {
        Path publicKey = Path.of(jwtPublicKeyLocation);
        Path privateKey = Path.of(jwtPrivateKeyLocation);
        if (Files.exists(publicKey) && Files.exists(privateKey)) {
            return;
        }
        if (!config.secrets().generate()) {
            throw new IllegalStateException("JWT keys not found: set LABGATE_JWT_PUBLIC_KEY_LOCATION and "
                    + "LABGATE_JWT_PRIVATE_KEY_LOCATION to PEM files (a mounted Kubernetes secret)");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writeOwnerOnly(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            writeOwnerOnly(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            LOG.infof("Generated a JWT signing key pair into %s", privateKey.getParent());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".tmp", "");
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(temp, content);
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

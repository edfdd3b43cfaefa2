package io.labgate.members;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import java.security.SecureRandom;

/** bcrypt for member passwords, and a generator for temporary ones. */
@ApplicationScoped
public class PasswordHasher {

    private final int cost;
    /** Checked against when there is no member to check, so an unknown username costs the same bcrypt work. */
    private final String dummyHash;

    @jakarta.inject.Inject
    PasswordHasher(io.labgate.common.config.LabgateConfig config) {
        this(config.passwords().bcryptCost());
    }

    PasswordHasher(int cost) {
        this.cost = cost;
        this.dummyHash = hash(generate());
    }

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /**
     * Whether the password matches the hash; without a hash (no such member) the same work is done against a
     * dummy one and the answer is no, so the time taken does not tell whether a username exists.
     */
    public boolean verify(String password, String hashOrNull) {
        boolean matches = matches(password, hashOrNull == null ? dummyHash : hashOrNull);
        return hashOrNull != null && matches;
    }

    private boolean matches(String password, String hash) {
        try {
            Password stored = ModularCrypt.decode(hash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT);
            return factory.verify(factory.translate(stored), password.toCharArray());
        } catch (Exception e) {
            return false;
        }
    }

    public String generate() {
        StringBuilder out = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}

package io.labgate.members;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A login for a username that does not exist does the same bcrypt work as a wrong password, and fails. (A
 * QuarkusTest for the password provider the app registers; the cost is raised so the work is measurable.)
 */
@QuarkusTest
class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(10);

    @Test
    void verifiesAgainstTheHashOrFailsAfterTheSameWork() {
        String hash = hasher.hash("right-password");
        assertTrue(hasher.verify("right-password", hash));
        assertFalse(hasher.verify("wrong-password", hash));
        assertFalse(hasher.verify("right-password", null));

        long known = fastest(() -> hasher.verify("wrong-password", hash));
        long unknown = fastest(() -> hasher.verify("wrong-password", null));
        assertTrue(unknown > known / 2 && unknown < known * 2,
                "a wrong password took " + known / 1_000_000 + " ms, an unknown member " + unknown / 1_000_000 + " ms");
    }

    private static long fastest(Runnable check) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            check.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }
}

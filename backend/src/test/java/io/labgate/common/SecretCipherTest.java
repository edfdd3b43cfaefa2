package io.labgate.common;

import io.labgate.common.crypto.MasterKeyRing;
import io.labgate.common.crypto.SecretCipher;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretCipherTest {

    private static String key() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    @Test
    void roundTripsWithAFreshNonceEachTime() {
        SecretCipher cipher = new SecretCipher(MasterKeyRing.parse("v1:" + key()));
        String a = cipher.encrypt("sk-test-123456789", "p");
        String b = cipher.encrypt("sk-test-123456789", "p");
        assertTrue(a.startsWith("v1:"));
        assertNotEquals(a, b);
        assertFalse(a.contains("sk-test"));
        assertEquals("sk-test-123456789", cipher.decrypt(a, "p"));
    }

    @Test
    void tamperingOrAnotherPurposeFailsWithoutRevealingTheValue() {
        SecretCipher cipher = new SecretCipher(MasterKeyRing.parse("v1:" + key()));
        String sealed = cipher.encrypt("sk-secret-value", "ai_settings.api_key");
        IllegalStateException wrongPurpose = assertThrows(IllegalStateException.class,
                () -> cipher.decrypt(sealed, "other.column"));
        assertFalse(wrongPurpose.getMessage().contains("sk-secret"));
        // Flip a character in the middle: every bit there is significant (the last base64 group has padding bits).
        char[] chars = sealed.toCharArray();
        int middle = chars.length / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(new String(chars), "ai_settings.api_key"));
    }

    @Test
    void rotationKeepsOldValuesReadableAndEncryptsWithTheNewKey() {
        String oldKey = key();
        SecretCipher before = new SecretCipher(MasterKeyRing.parse("v1:" + oldKey));
        String sealedOld = before.encrypt("sk-rotate-me", "p");

        SecretCipher after = new SecretCipher(MasterKeyRing.parse("v2:" + key() + ",v1:" + oldKey));
        assertEquals("sk-rotate-me", after.decrypt(sealedOld, "p"));
        assertFalse(after.isCurrent(sealedOld));
        String sealedNew = after.encrypt("sk-rotate-me", "p");
        assertTrue(sealedNew.startsWith("v2:"));
        assertTrue(after.isCurrent(sealedNew));
        assertThrows(IllegalStateException.class, () -> before.decrypt(sealedNew, "p"));
    }

    @Test
    void malformedKeyRingsAreRejectedClearly() {
        assertThrows(IllegalArgumentException.class, () -> MasterKeyRing.parse("nonsense"));
        assertThrows(IllegalArgumentException.class, () -> MasterKeyRing.parse("v1:c2hvcnQ="));
        String k = key();
        assertThrows(IllegalArgumentException.class, () -> MasterKeyRing.parse("v1:" + k + ",v1:" + k));
    }
}

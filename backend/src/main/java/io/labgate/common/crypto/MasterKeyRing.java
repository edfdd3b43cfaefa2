package io.labgate.common.crypto;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The master keys that protect stored secrets, by version. The first entry is current: new values are
 * encrypted with it; older versions stay readable until every value has been re-encrypted.
 * Text form: {@code v2:BASE64,v1:BASE64}.
 */
public final class MasterKeyRing {

    private final String currentVersion;
    private final Map<String, SecretKey> keys;

    private MasterKeyRing(String currentVersion, Map<String, SecretKey> keys) {
        this.currentVersion = currentVersion;
        this.keys = keys;
    }

    public static MasterKeyRing parse(String text) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String current = null;
        for (String entry : text.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("master key entries look like v1:BASE64");
            }
            String version = trimmed.substring(0, colon);
            if (!version.matches("v[0-9]+")) {
                throw new IllegalArgumentException("master key version must look like v1, v2, …");
            }
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("master key " + version + " is not valid base64");
            }
            if (raw.length != 32) {
                throw new IllegalArgumentException("master key " + version + " must be 32 bytes (AES-256)");
            }
            if (keys.put(version, new SecretKeySpec(raw, "AES")) != null) {
                throw new IllegalArgumentException("master key " + version + " is listed twice");
            }
            if (current == null) {
                current = version;
            }
        }
        if (current == null) {
            throw new IllegalArgumentException("no master key given");
        }
        return new MasterKeyRing(current, Map.copyOf(keys));
    }

    public String currentVersion() {
        return currentVersion;
    }

    SecretKey current() {
        return keys.get(currentVersion);
    }

    SecretKey byVersion(String version) {
        SecretKey key = keys.get(version);
        if (key == null) {
            throw new IllegalStateException("stored secret uses master key " + version
                    + ", which is not in LABGATE_MASTER_KEY");
        }
        return key;
    }
}

package io.labgate.providers;

/** What the admin sees of a stored key: enough to recognise it, never enough to use it. */
final class ApiKeyHint {

    private ApiKeyHint() {
    }

    static String of(String key) {
        String k = key.trim();
        if (k.length() < 12) {
            return "…" + "*".repeat(4);
        }
        int prefix = k.startsWith("sk-") ? 3 : 2;
        return k.substring(0, prefix) + "…" + k.substring(k.length() - 4);
    }
}

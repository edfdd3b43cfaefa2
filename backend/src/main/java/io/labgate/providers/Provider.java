package io.labgate.providers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The AI providers LabGate can connect to. The wire name is what clients and the database use. */
public enum Provider {
    OPENAI("openai", "https://api.openai.com/v1", true),
    ANTHROPIC("anthropic", "https://api.anthropic.com", true),
    GEMINI("gemini", "https://generativelanguage.googleapis.com", true),
    /** vLLM, Ollama, LM Studio …: an OpenAI-style server the admin runs; its key is optional. */
    OPENAI_COMPATIBLE("openai_compatible", null, false),
    /** An offline generator for trials and demos: no network, no key, clearly not a real model. */
    SANDBOX("sandbox", "sandbox://local", false);

    private final String wireName;
    private final String defaultBaseUrl;
    private final boolean requiresApiKey;

    Provider(String wireName, String defaultBaseUrl, boolean requiresApiKey) {
        this.wireName = wireName;
        this.defaultBaseUrl = defaultBaseUrl;
        this.requiresApiKey = requiresApiKey;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public Optional<String> defaultBaseUrl() {
        return Optional.ofNullable(defaultBaseUrl);
    }

    public boolean requiresApiKey() {
        return requiresApiKey;
    }

    @JsonCreator
    public static Provider fromWire(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown provider"));
    }

    public static Optional<Provider> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.wireName.equals(wanted)).findFirst();
    }
}

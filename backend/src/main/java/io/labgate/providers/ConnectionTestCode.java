package io.labgate.providers;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What a connection test found, in one place; the SPA words each code. Parameters travel in the result's
 * {@code params}; the ones each code carries are noted here.
 */
public enum ConnectionTestCode {
    /** The offline demo generator: nothing to call. */
    SANDBOX,
    /** {@code models}: how many the key may use; {@code model}: the setting's, which is among them. */
    MODEL_LISTED,
    /** {@code models}, {@code model}: the setting's model is not in the list. */
    MODEL_NOT_LISTED,
    /** The key was accepted (this provider's list does not tell about the model, or could not be read). */
    KEY_ACCEPTED,
    /** {@code status}. */
    KEY_REJECTED,
    /** {@code status}: the key may not use this API. */
    PERMISSION_DENIED,
    /** The provider account has no credit left; the key was not checked. */
    NO_CREDIT,
    /** Optional {@code retry_after_seconds}; the key was not checked. */
    RATE_LIMITED,
    /** {@code status}: the provider is overloaded or failing; the key was not checked. */
    PROVIDER_FAILING,
    /** 404 on the models list: the base URL is probably wrong. */
    NO_MODELS_ENDPOINT,
    /** {@code status}. */
    UNEXPECTED_ANSWER,
    /** {@code base_url}. */
    UNREACHABLE,
    /** {@code base_url}. */
    TIMED_OUT;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

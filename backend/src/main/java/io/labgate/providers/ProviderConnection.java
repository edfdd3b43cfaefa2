package io.labgate.providers;

/** What an adapter needs to call a provider. Holds the key in clear: never log or serialise it. */
public record ProviderConnection(long settingId, Provider provider, String baseUrl, String apiKey,
                                 String modelName) {

    @Override
    public String toString() {
        return "ProviderConnection[settingId=" + settingId + ", provider=" + provider.wireName() + "]";
    }
}

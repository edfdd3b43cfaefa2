package io.labgate.apikeys;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

public final class ApiKeyViews {

    private ApiKeyViews() {
    }

    public record CreateRequest(@NotBlank(message = "is required") @Size(max = 100, message = "is too long")
                                String name) {
    }

    /** Listing: never the key, only its prefix. */
    public record KeyView(Long id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {

        static KeyView of(MemberApiKey k) {
            return new KeyView(k.id, k.name, k.prefix, k.createdAt, k.lastUsedAt);
        }
    }

    /** The one response that carries the key: right after creation. */
    public record CreatedKey(Long id, String name, String prefix, String key, OffsetDateTime createdAt) {

        @Override
        public String toString() {
            return "CreatedKey[id=" + id + ", prefix=" + prefix + "]";
        }
    }
}

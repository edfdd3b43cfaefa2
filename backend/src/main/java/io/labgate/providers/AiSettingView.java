package io.labgate.providers;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A provider setting as clients see it: a hint of the key, never the key. */
public record AiSettingView(Long id, String name, String provider, String baseUrl, String apiKeyHint,
                            boolean hasApiKey, String modelName, int maxTokens, BigDecimal temperature,
                            int hourlyLimit, int dailyLimit, int monthlyLimit, boolean isActive,
                            long membersCount, String createdBy, String lastError, OffsetDateTime lastErrorAt,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static AiSettingView of(AiSetting s, long membersCount) {
        return new AiSettingView(s.id, s.name, s.provider, s.baseUrl, s.apiKeyHint, s.apiKeyEncrypted != null,
                s.modelName, s.maxTokens, s.temperature, s.hourlyLimit, s.dailyLimit, s.monthlyLimit, s.isActive,
                membersCount, s.createdBy == null ? null : s.createdBy.username, s.lastError, s.lastErrorAt,
                s.createdAt, s.updatedAt);
    }
}

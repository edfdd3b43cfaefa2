package io.labgate.gateway;

import io.labgate.providers.ProviderConnection;
import io.labgate.quota.QuotaService;

import java.math.BigDecimal;

/** Where one member's call goes and under which limits, resolved once per call. */
public record MemberRoute(long memberId, long accessId, long planId, ProviderConnection connection,
                          int settingMaxTokens, BigDecimal settingTemperature, QuotaService.Limits limits) {
}

package io.labgate.quota;

import java.util.List;

/** GET /api/me/usage: the member's plan, provider and every window that limits them. */
public record MyUsageView(String planName, String planDisplayName, List<String> features, String providerName,
                          String modelName, boolean isEnabled, String timeZone, List<UsageWindowView> windows) {
}

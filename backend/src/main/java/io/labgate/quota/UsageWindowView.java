package io.labgate.quota;

import java.time.OffsetDateTime;

/**
 * One limit as the member sees it: what is used and left in the current window and when it resets.
 * {@code scope} is "plan" (the member's own) or "provider" (shared by everyone on the provider setting);
 * {@code limit} and {@code left} are null when there is no limit.
 */
public record UsageWindowView(String window, String scope, String metric, long used, Long limit, Long left,
                              OffsetDateTime resetsAt) {

    static UsageWindowView of(String window, String scope, String metric, long used, long limit,
                              OffsetDateTime resetsAt) {
        return new UsageWindowView(window, scope, metric, used, limit == 0 ? null : limit,
                limit == 0 ? null : Math.max(0, limit - used), resetsAt);
    }
}

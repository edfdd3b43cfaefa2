package io.labgate.access;

import io.labgate.quota.UsageWindowView;

import java.util.List;

/**
 * One member's AI access as their page shows it: the access (null when none is assigned) and every window that
 * limits them, with what is used and left and when it resets (empty without access).
 */
public record MemberAccessDetail(AccessView access, List<UsageWindowView> windows) {
}

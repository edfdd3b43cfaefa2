package io.labgate.alerts;

import java.util.List;

/** GET /api/notifications: a page, newest first, and how many of the caller's notifications are unread. */
public record NotificationPage(List<NotificationView> items, long total, int page, int size, long unread) {
}

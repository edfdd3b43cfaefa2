package io.labgate.audit;

import java.util.List;

/** One page of the audit log, newest first: {@code {items, total, page, size}}. */
public record AuditLogPage(List<AuditEntryView> items, long total, int page, int size) {
}

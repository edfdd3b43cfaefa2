package io.labgate.ledger;

import java.util.Set;

/**
 * Fired (asynchronously, after the commit) each time the ledger has written a batch: whose counters and which
 * provider settings' windows it changed. Observers that react to usage — alerts crossing a threshold — read
 * the committed counters from here rather than each call.
 */
public record BooksWritten(Set<Long> memberIds, Set<Long> settingIds) {
}

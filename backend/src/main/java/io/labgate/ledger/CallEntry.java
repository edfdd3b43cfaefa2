package io.labgate.ledger;

import io.labgate.promptlog.PromptLogRow;
import io.labgate.quota.ReservationEnd;
import io.labgate.usage.UsageRecord;

/**
 * One call as the books keep it, written in one transaction: its usage row, how its reservation ended (none for
 * a refused call) and its prompt-log entry (only for an answered call).
 */
public record CallEntry(UsageRecord usage, ReservationEnd end, PromptLogRow prompt) {

    /** A call that reserved nothing (refused by a quota): only its usage row. */
    public static CallEntry withoutReservation(UsageRecord usage) {
        return new CallEntry(usage, null, null);
    }

    CallEntry withUsage(UsageRecord repaired) {
        return new CallEntry(repaired, end, prompt);
    }

    CallEntry withoutPrompt() {
        return new CallEntry(usage, end, null);
    }
}

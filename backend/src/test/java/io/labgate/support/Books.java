package io.labgate.support;

import io.labgate.ledger.CallEntry;
import io.labgate.ledger.CallLedger;
import io.labgate.quota.ReservationEnd;
import io.labgate.usage.UsageRecord;

import java.time.OffsetDateTime;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writes a reservation's end with a usage row through the ledger, as the gateway's calls do, and waits for it. */
public final class Books {

    private Books() {
    }

    /** Waits until every call ended so far is in the books (counters and usage rows trail a call by a flush). */
    public static void awaitWritten() {
        try {
            assertTrue(io.quarkus.arc.Arc.container().instance(CallLedger.class).get().awaitIdle(10_000),
                    "the ledger caught up");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void book(CallLedger ledger, long memberId, long settingId, ReservationEnd end)
            throws InterruptedException {
        submit(ledger, memberId, settingId, end);
        assertTrue(ledger.awaitIdle(10_000), "the ledger wrote the entry");
    }

    /** Hands the end to the ledger without waiting for it (see {@link #awaitWritten()}). */
    public static void submit(CallLedger ledger, long memberId, long settingId, ReservationEnd end) {
        long prompt = Math.min(40, end.settledTokens());
        ledger.submit(new CallEntry(new UsageRecord(OffsetDateTime.now(), memberId, settingId, null, "sandbox", "sandbox",
                "chatbot", "api", end.released() ? "error" : "ok", false, null, null, prompt,
                end.settledTokens() - prompt, 0, 0, null, 1, null, null, null, null), end, null));
    }
}

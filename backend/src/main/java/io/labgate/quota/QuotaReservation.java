package io.labgate.quota;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What {@link QuotaService#reserve} took: one request and {@code tokens} tokens on the member's access, and
 * one request in each limited window of the provider setting. It has an identity (a row in
 * quota_reservations): settling or releasing it twice — the done, error, time-out and cancel paths of a
 * stream may race — changes nothing the second time.
 */
public final class QuotaReservation {

    private final UUID id;
    private final long accessId;
    private final long settingId;
    private final long promptTokens;
    private final long tokens;
    private final LocalDate day;
    private final Map<WindowKind, OffsetDateTime> settingWindows;
    private final AtomicBoolean resolved = new AtomicBoolean();

    QuotaReservation(UUID id, long accessId, long settingId, long promptTokens, long tokens, LocalDate day,
                     Map<WindowKind, OffsetDateTime> settingWindows) {
        this.id = id;
        this.accessId = accessId;
        this.settingId = settingId;
        this.promptTokens = promptTokens;
        this.tokens = tokens;
        this.day = day;
        this.settingWindows = Map.copyOf(settingWindows);
    }

    public UUID id() {
        return id;
    }

    public long accessId() {
        return accessId;
    }

    public long settingId() {
        return settingId;
    }

    /** The prompt as estimated before the call; {@link #tokens()} adds the most the answer may use. */
    public long promptTokens() {
        return promptTokens;
    }

    public long tokens() {
        return tokens;
    }

    public LocalDate day() {
        return day;
    }

    public Map<WindowKind, OffsetDateTime> settingWindows() {
        return settingWindows;
    }

    /** True for the first caller only: the path that ends the call (the ledger then guards against the sweeper). */
    boolean claim() {
        return resolved.compareAndSet(false, true);
    }

}

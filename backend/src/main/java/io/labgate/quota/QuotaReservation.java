package io.labgate.quota;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What {@link QuotaService#reserve} took, from this replica's leases: one request, {@code tokens} tokens and
 * {@code costMicros} of the member's budget on their limited counters, one request in each limited window of the
 * provider setting. It has an
 * identity, and ends once: the done, error, time-out and cancel paths of a stream may race to settle or
 * release it, and only the first changes anything.
 */
public final class QuotaReservation {

    /** What was taken from one lease. */
    record Taken(Lease lease, long amount) {
    }

    private final UUID id;
    private final long accessId;
    private final long settingId;
    private final long promptTokens;
    private final long tokens;
    private final long costMicros;
    private final LocalDate day;
    private final Map<WindowKind, OffsetDateTime> settingWindows;
    private final List<Taken> taken;
    private final AtomicBoolean ended = new AtomicBoolean();

    QuotaReservation(UUID id, long accessId, long settingId, long promptTokens, long tokens, long costMicros,
                     LocalDate day, Map<WindowKind, OffsetDateTime> settingWindows, List<Taken> taken) {
        this.id = id;
        this.accessId = accessId;
        this.settingId = settingId;
        this.promptTokens = promptTokens;
        this.tokens = tokens;
        this.costMicros = costMicros;
        this.day = day;
        this.settingWindows = Map.copyOf(settingWindows);
        this.taken = List.copyOf(taken);
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

    /** The most the call may cost, in micro-USD: what it holds of the member's budget. */
    public long costMicros() {
        return costMicros;
    }

    /** The member's day the call counts in. */
    public LocalDate day() {
        return day;
    }

    /** The setting's limited windows the call counts in. */
    public Map<WindowKind, OffsetDateTime> settingWindows() {
        return settingWindows;
    }

    List<Taken> taken() {
        return taken;
    }

    /** True for the first caller only: the path that ends the call. */
    boolean claim() {
        return ended.compareAndSet(false, true);
    }
}

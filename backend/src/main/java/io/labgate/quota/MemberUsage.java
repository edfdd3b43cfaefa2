package io.labgate.quota;

import java.time.LocalDate;

/**
 * A member's counters as they stand today. The counters belong to the day (and month) of their
 * {@code last_reset_date}: on a later day the day's counts start from zero, in a later month the month's too —
 * even before the midnight job has reset the row. This is that rule in Java; the SQL that counts
 * ({@link ReservationBook}, {@code quota_lease_grant}) and resets ({@link UsageWindowReset}) applies the same one.
 */
public record MemberUsage(int requestsToday, long tokensToday, long tokensMonth) {

    public static MemberUsage asOf(LocalDate today, LocalDate lastReset, int requestsToday, long tokensToday,
                                   long tokensMonth) {
        boolean newDay = lastReset == null || lastReset.isBefore(today);
        return new MemberUsage(newDay ? 0 : requestsToday, newDay ? 0 : tokensToday,
                thisMonth(today, lastReset, tokensMonth));
    }

    /** A month's count (tokens, cost) as it stands today: zero once the month of {@code lastReset} is over. */
    public static long thisMonth(LocalDate today, LocalDate lastReset, long monthCount) {
        boolean newMonth = lastReset == null || lastReset.withDayOfMonth(1).isBefore(today.withDayOfMonth(1));
        return newMonth ? 0 : monthCount;
    }
}

package io.labgate.quota;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one rule for a member's windows, as every view shows the counters before the midnight job has run. */
class MemberUsageTest {

    private static final LocalDate RESET = LocalDate.of(2026, 11, 30);

    @Test
    void theSameDayShowsTheCountsAsTheyAre() {
        assertEquals(new MemberUsage(7, 100, 5000), MemberUsage.asOf(RESET, RESET, 7, 100, 5000));
    }

    @Test
    void aNewDayStartsTheDayFromZeroButKeepsTheMonth() {
        assertEquals(new MemberUsage(0, 0, 5000), MemberUsage.asOf(RESET, RESET.minusDays(1), 7, 100, 5000));
    }

    @Test
    void aNewMonthStartsEverythingFromZero() {
        assertEquals(new MemberUsage(0, 0, 0), MemberUsage.asOf(RESET.plusDays(1), RESET, 7, 100, 5000));
    }

    @Test
    void aRowNeverResetCountsFromZero() {
        assertEquals(new MemberUsage(0, 0, 0), MemberUsage.asOf(RESET, null, 7, 100, 5000));
    }
}

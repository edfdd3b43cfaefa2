package io.labgate.quota;

import io.labgate.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Dates lie in the past so that a reset here touches only this test's rows, never those of other tests. */
@QuarkusTest
class UsageWindowResetTest {

    @Inject
    UsageWindowReset reset;

    @Inject
    EntityManager em;

    private long accessWithCounters(LocalDate lastReset) {
        Api.TestMember m = Api.newResearcher();
        int planId = Api.asAdmin().get("/api/admin/plans").then().extract().path("find { it.name == 'free' }.id");
        long id = Api.asAdmin().body(Map.of("user_id", m.id(), "ai_plan_id", planId))
                .post("/api/admin/user-ai-access").then().statusCode(201).extract().jsonPath().getLong("id");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update user_ai_access set "
                        + "tokens_used_today = 100, tokens_used_month = 5000, requests_today = 7, "
                        + "cost_used_month_micros = 123456, last_reset_date = ?1"
                        + " where id = ?2")
                .setParameter(1, lastReset).setParameter(2, id).executeUpdate());
        return id;
    }

    private Object[] counters(long id) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "select tokens_used_today, tokens_used_month, requests_today, last_reset_date,"
                                + " cost_used_month_micros from user_ai_access where id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    @Test
    void aNewDayResetsDailyCountersOnly() {
        long id = accessWithCounters(LocalDate.of(2020, 3, 14));
        reset.resetEndedWindows(LocalDate.of(2020, 3, 15));
        Object[] row = counters(id);
        assertEquals(0L, ((Number) row[0]).longValue());
        assertEquals(5000L, ((Number) row[1]).longValue());
        assertEquals(0, ((Number) row[2]).intValue());
        assertEquals(java.sql.Date.valueOf("2020-03-15").toString(), row[3].toString());
        assertEquals(123456L, ((Number) row[4]).longValue(), "the month's cost stays");
    }

    @Test
    void aNewMonthResetsTheMonthlyCountersToo() {
        long id = accessWithCounters(LocalDate.of(2020, 3, 31));
        reset.resetEndedWindows(LocalDate.of(2020, 4, 1));
        assertEquals(0L, ((Number) counters(id)[1]).longValue());
        assertEquals(0L, ((Number) counters(id)[4]).longValue(), "the month's cost starts again");
    }

    @Test
    void theSameDayChangesNothingAndRepeatedRunsAreHarmless() {
        long id = accessWithCounters(LocalDate.of(2020, 5, 10));
        reset.resetEndedWindows(LocalDate.of(2020, 5, 10));
        assertEquals(100L, ((Number) counters(id)[0]).longValue());
        reset.resetEndedWindows(LocalDate.of(2020, 5, 11));
        reset.resetEndedWindows(LocalDate.of(2020, 5, 11));
        Object[] row = counters(id);
        assertEquals(0L, ((Number) row[0]).longValue());
        assertEquals(5000L, ((Number) row[1]).longValue());
    }
}

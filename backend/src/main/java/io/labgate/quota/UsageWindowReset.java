package io.labgate.quota;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Starts new daily and monthly windows for the counters in user_ai_access. One UPDATE, idempotent: a row
 * is touched only when its last reset was on an earlier day, so a missed or repeated run (several replicas,
 * a restart at midnight) gives the same result.
 */
@ApplicationScoped
public class UsageWindowReset {

    private final EntityManager em;
    private final Clock clock;

    UsageWindowReset(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Resets the windows that ended before today in the configured zone; returns the rows reset. */
    @Transactional
    public int resetEndedWindows() {
        return resetEndedWindows(LocalDate.now(clock));
    }

    @Transactional
    public int resetEndedWindows(LocalDate today) {
        return em.createNativeQuery("""
                        UPDATE user_ai_access
                           SET tokens_used_today = 0,
                               requests_today = 0,
                               tokens_used_month = CASE
                                   WHEN date_trunc('month', last_reset_date) < date_trunc('month', CAST(:today AS date))
                                   THEN 0 ELSE tokens_used_month END,
                               cost_used_month_micros = CASE
                                   WHEN date_trunc('month', last_reset_date) < date_trunc('month', CAST(:today AS date))
                                   THEN 0 ELSE cost_used_month_micros END,
                               last_reset_date = :today
                         WHERE last_reset_date < :today
                        """)
                .setParameter("today", today)
                .executeUpdate();
    }
}

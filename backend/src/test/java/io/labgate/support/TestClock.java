package io.labgate.support;

import io.labgate.common.config.LabgateConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The app's clock in tests: the system clock in the configured zone until a test freezes it, so a test that
 * counts in a window and then reads that window cannot straddle an hour (or a midnight) boundary.
 */
public final class TestClock extends Clock {

    private static volatile Instant frozen;

    private final ZoneId zone;

    private TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Stops time at {@code instant} for every bean that asks the app's clock. */
    public static void freeze(Instant instant) {
        frozen = instant;
    }

    public static void thaw() {
        frozen = null;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(zone);
    }

    @Override
    public Instant instant() {
        Instant at = frozen;
        return at != null ? at : Instant.now();
    }

    /** Replaces the app's clock producer in every @QuarkusTest. */
    @ApplicationScoped
    public static class Producer {

        @Produces
        @Singleton
        @Alternative
        @Priority(1)
        Clock clock(LabgateConfig config) {
            return new TestClock(ZoneId.of(config.timeZone()));
        }
    }
}

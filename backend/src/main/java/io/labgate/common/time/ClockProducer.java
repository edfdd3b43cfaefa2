package io.labgate.common.time;

import io.labgate.common.config.LabgateConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** One clock for the whole app, in the configured zone; tests replace it to control time. */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock(LabgateConfig config) {
        return Clock.system(ZoneId.of(config.timeZone()));
    }
}

package io.labgate.analytics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Analytics settings. */
@ConfigMapping(prefix = "labgate.analytics")
public interface AnalyticsConfig {

    /** How often usage rows written without their roll-ups are looked for (there are none but in an upgrade). */
    @WithDefault("30s")
    String catchUpEvery();
}

package io.labgate.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Usage alerts: how e-mails and webhooks are delivered and retried, how often the backlog is checked, and how long
 * firings and deliveries are kept.
 */
@ConfigMapping(prefix = "labgate.alerts")
public interface AlertsConfig {

    /** Attempts at one e-mail or webhook before it is given up as failed. */
    @WithDefault("6")
    int maxAttempts();

    /** Wait after the first failed attempt; it doubles after each further one, up to {@link #maxBackoff()}. */
    @WithDefault("PT5S")
    Duration firstBackoff();

    @WithDefault("PT10M")
    Duration maxBackoff();

    /** How often each replica looks for deliveries that are due (it is also woken when it fires one itself). */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** Longest wait for a webhook's answer or an SMTP exchange. */
    @WithDefault("PT10S")
    Duration sendTimeout();

    /** How often the usage-log backlog is compared with its capacity. */
    @WithDefault("10s")
    String backlogCheckEvery();

    /** The span over which a provider's error rate is measured. */
    @WithDefault("PT5M")
    Duration errorRateSpan();

    /** Firings (with their notifications) and finished deliveries older than this are purged. */
    @WithDefault("P90D")
    Duration retention();
}

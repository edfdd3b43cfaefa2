package io.labgate.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Application settings; secrets only come from the environment. */
@ConfigMapping(prefix = "labgate")
public interface LabgateConfig {

    /** Where the embedded profile keeps generated keys (and the embedded database). */
    String dataDir();

    /** Zone of daily and monthly windows, and of dates shown to people. */
    @WithDefault("Asia/Seoul")
    String timeZone();

    Admin admin();

    Secrets secrets();

    Jwt jwt();

    Login login();

    Crypto crypto();

    Passwords passwords();

    Usage usage();

    interface Usage {
        /** When the daily/monthly counters start a new window (Quartz-style cron, in time-zone). */
        String resetCron();

        /**
         * Usage log rows waiting to be written at which new calls are refused (503, Retry-After) until the
         * writer catches up; rows of calls already taken on are always kept.
         */
        @WithDefault("10000")
        int queueCapacity();

        /** Usage log rows written in one transaction; a batch is written once this many wait. */
        @WithDefault("1000")
        int batchSize();

        /** Longest time a usage log row waits for its batch to fill before it is written. */
        @WithDefault("PT0.25S")
        Duration flushInterval();

        /** How long a new call may wait for room in a full usage-log queue before it is refused with 503. */
        @WithDefault("PT2S")
        Duration admissionWait();

        /** On shutdown, how long the writer keeps writing (and retrying) what is queued. */
        @WithDefault("PT25S")
        Duration drainTimeout();
    }

    Providers providers();

    Quota quota();

    interface Quota {
        /** A replica silent for this long is taken as gone; its leases are forfeited (counted as spent). */
        @WithDefault("PT30S")
        Duration replicaGrace();

        /** Rows of replicas gone this long, holding no lease, are purged. */
        @WithDefault("P3D")
        Duration keepReplicas();

        @WithDefault("5s")
        String heartbeatEvery();

        /** What a lease holds unused for this long goes back to the database, for other replicas to lease. */
        @WithDefault("PT1S")
        Duration leaseIdle();
    }

    interface Providers {
        @WithDefault("PT5S")
        Duration connectTimeout();

        /** Longest wait for a provider's next bytes (a whole answer, or the next piece of a stream). */
        @WithDefault("PT60S")
        Duration readTimeout();

        /** Retries of 408/409/429/5xx/529 and refused connections, before any answer was received. */
        @WithDefault("2")
        int maxRetries();

        /** Longest total wait spent between retries of one call; a longer Retry-After is not waited for. */
        @WithDefault("PT20S")
        Duration retryBudget();

        /**
         * Open connections per provider host. A stream holds its connection for the whole answer, so this is
         * also the number of answers that can stream from one provider at once. As many calls again may wait
         * up to connect-timeout for a free connection; beyond that a call is turned away at once, and retried
         * like a refused connection.
         */
        @WithDefault("1000")
        int maxConnections();
    }

    Gateway gateway();

    interface Gateway {
        /** Largest prompt (all message text) a member may send, in characters. */
        @WithDefault("200000")
        int maxPromptChars();

        /** Proxies whose X-Forwarded-For is believed (exact addresses), e.g. the ingress controller. */
        Optional<java.util.List<String>> trustedProxies();
    }

    interface Passwords {
        /** bcrypt work factor; tests lower it to stay fast. */
        @WithDefault("12")
        int bcryptCost();
    }

    interface Crypto {
        /** Key ring {@code v2:BASE64,v1:BASE64}; the first entry encrypts, all decrypt. */
        Optional<String> masterKeys();
    }

    interface Admin {
        @WithDefault("admin")
        String username();

        Optional<String> password();
    }

    interface Secrets {
        /** Generate missing JWT keys and master key into the data dir (embedded and test profiles only). */
        @WithDefault("false")
        boolean generate();
    }

    interface Jwt {
        @WithDefault("PT8H")
        Duration lifetime();
    }

    interface Login {
        /** Failed attempts per username within a window, after which it is refused until the window ends. */
        @WithDefault("5")
        int maxFailures();

        /**
         * Failed attempts per client address within a window (guessing across many usernames). Behind an
         * ingress this needs {@code labgate.gateway.trusted-proxies}, or every client shares the proxy's address.
         */
        @WithDefault("20")
        int maxFailuresPerAddress();

        /** A window starts at its first failed attempt. */
        @WithDefault("PT15M")
        Duration failureWindow();
    }
}

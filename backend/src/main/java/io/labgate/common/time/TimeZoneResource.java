package io.labgate.common.time;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.time.Clock;

/**
 * The platform's time zone: usage windows, the call log and billing months all follow it, so the SPA shows
 * every date and time in it rather than in the browser's zone.
 */
@Path("/api/time-zone")
public class TimeZoneResource {

    /** GET /api/time-zone. */
    public record TimeZoneView(String timeZone) {
    }

    private final Clock clock;

    TimeZoneResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @Authenticated
    public TimeZoneView timeZone() {
        return new TimeZoneView(clock.getZone().getId());
    }
}

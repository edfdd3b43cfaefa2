package io.labgate.usage;

import io.labgate.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;


/** How much prompt and response text usage logs keep: full, truncated (500 characters) or none. */
@Path("/api/admin/usage-settings")
@RolesAllowed(Roles.SUPERADMIN)
public class UsageSettingsResource {

    public record Settings(@NotNull(message = "is required")
                           @Pattern(regexp = "full|truncated|none", message = "must be full, truncated or none")
                           String contentRetention) {
    }

    private final UsageSettings settings;

    UsageSettingsResource(UsageSettings settings) {
        this.settings = settings;
    }

    @GET
    public Settings get() {
        return new Settings(settings.contentRetention().wireName());
    }

    @PUT
    public Settings put(@Valid @NotNull(message = "a JSON body is required") Settings request) {
        settings.setContentRetention(ContentRetention.parse(request.contentRetention()));
        return get();
    }
}

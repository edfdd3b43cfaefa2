package io.labgate.usage;

import io.labgate.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.media.Schema;


/** How much prompt and response text usage logs keep: full, truncated (500 characters) or none. */
@Path("/api/admin/usage-settings")
@RolesAllowed(Roles.SUPERADMIN)
public class UsageSettingsResource {

    @Schema(name = "UsageSettingsRequest")
    public record Settings(@NotNull(message = "is required")
                           @Pattern(regexp = "full|truncated|none", message = "must be full, truncated or none")
                           String contentRetention) {
    }

    /** The setting, and how many characters {@code truncated} keeps (so that a screen need not know). */
    public record UsageSettingsView(String contentRetention, int truncatedChars) {
    }

    private final UsageSettings settings;

    UsageSettingsResource(UsageSettings settings) {
        this.settings = settings;
    }

    @GET
    public UsageSettingsView get() {
        return new UsageSettingsView(settings.contentRetention().wireName(), ContentRetention.TRUNCATED_CHARS);
    }

    @PUT
    public UsageSettingsView put(@Valid @NotNull(message = "a JSON body is required") Settings request) {
        settings.setContentRetention(ContentRetention.parse(request.contentRetention()));
        return get();
    }
}

package io.labgate.providers;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Anthropic's API; the base URL is the host (https://api.anthropic.com). */
@Path("/v1")
interface AnthropicApi {

    String VERSION = "2023-06-01";

    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    Response models(@HeaderParam("x-api-key") String apiKey, @HeaderParam("anthropic-version") String version,
                    @QueryParam("limit") int limit);
}

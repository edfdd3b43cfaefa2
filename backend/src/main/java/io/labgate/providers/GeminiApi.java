package io.labgate.providers;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Google's Gemini API (AI Studio); the base URL is the host. */
@Path("/v1beta")
interface GeminiApi {

    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    Response models(@HeaderParam("x-goog-api-key") String apiKey, @QueryParam("pageSize") int pageSize);
}

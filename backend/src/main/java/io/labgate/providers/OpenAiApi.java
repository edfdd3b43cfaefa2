package io.labgate.providers;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** OpenAI and OpenAI-compatible servers (vLLM, Ollama); the base URL ends with /v1. */
@Path("")
interface OpenAiApi {

    @GET
    @Path("/models")
    @Produces(MediaType.APPLICATION_JSON)
    Response models(@HeaderParam("Authorization") String authorization);
}

package io.labgate.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ApiExceptionMappers;
import io.labgate.common.error.JsonBodyErrors;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The OpenAI-compatible endpoint for members' own tools (notebooks, the OpenAI SDKs), authenticated by a
 * member API key {@code Authorization: Bearer lg-…}. Metered exactly like the web app. The model is the one
 * of the member's provider setting, whatever the client names. Errors use OpenAI's error shape.
 *
 * <p>Whole answers over HTTP/1.1 are answered on the event loop by {@link OpenAiCompletionsRoute} before they reach
 * this resource; streams (and what that route leaves, such as HTTP/2 or a body that is not a JSON object) are
 * answered here, on a virtual thread.
 */
@Path("/v1")
@PermitAll
@RunOnVirtualThread
public class OpenAiCompatResource {

    private final GatewayService gateway;
    private final MemberRouteResolver routes;
    private final OpenAiDialect dialect;
    private final ObjectMapper json;

    OpenAiCompatResource(GatewayService gateway, MemberRouteResolver routes, OpenAiDialect dialect, ObjectMapper json) {
        this.gateway = gateway;
        this.routes = routes;
        this.dialect = dialect;
        this.json = json;
    }

    @GET
    @Path("/models")
    public ObjectNode models(@Context HttpHeaders headers) {
        long memberId = dialect.authenticate(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        MemberRoute route = routes.resolve(memberId, RequestType.CHATBOT);
        ObjectNode list = json.createObjectNode().put("object", "list");
        list.putArray("data").addObject()
                .put("id", route.connection().modelName())
                .put("object", "model")
                .put("created", 0)
                .put("owned_by", route.connection().provider().wireName());
        return list;
    }

    @POST
    @Path("/chat/completions")
    public Response chatCompletions(JsonNode body, @Context HttpServerRequest http) {
        OpenAiDialect.Accepted call = dialect.accept(body, http);
        GatewayService.PreparedCall prepared = call.prepared();
        if (!call.request().streaming()) {
            return Response.ok(dialect.completion(gateway.complete(prepared))).build();
        }
        return Response.ok(new OpenAiSseStream(gateway.stream(prepared), http.response(), json, prepared.id(),
                        prepared.call().model(), call.includeUsage()))
                .type("text/event-stream").header("Cache-Control", "no-cache").build();
    }

    /** A body that is not JSON (or not of a JSON type a field takes), in OpenAI's shape. */
    @ServerExceptionMapper
    public Response malformedBody(JsonProcessingException e) {
        return openAiError(JsonBodyErrors.of(e));
    }

    /** JAX-RS's own refusals (a body it could not read, a wrong content type), in OpenAI's shape. */
    @ServerExceptionMapper
    public Response refused(WebApplicationException e) {
        return openAiError(ApiExceptionMappers.of(e));
    }

    /** OpenAI's error shape, so the SDKs raise their usual exceptions. */
    @ServerExceptionMapper
    public Response openAiError(ApiException e) {
        OpenAiDialect.Error error = dialect.error(e);
        Response.ResponseBuilder response = Response.status(error.status()).type(MediaType.APPLICATION_JSON)
                .entity(error.body());
        if (error.retryAfterSeconds() != null) {
            response.header("Retry-After", error.retryAfterSeconds());
        }
        return response.build();
    }
}

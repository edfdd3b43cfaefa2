package io.labgate.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.labgate.common.security.CurrentMember;
import io.labgate.common.web.ClientAddress;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The researcher's AI features. {@code "stream": true} answers Server-Sent Events: {@code delta} events with
 * text as it arrives, then one {@code done} event with usage and cost (or an {@code error} event).
 */
@Path("/api/ai")
@Authenticated
@RunOnVirtualThread
public class AiResource {

    private final GatewayService gateway;
    private final CurrentMember currentMember;
    private final ClientAddress clientAddress;
    private final ObjectMapper json;

    AiResource(GatewayService gateway, CurrentMember currentMember, ClientAddress clientAddress, ObjectMapper json) {
        this.gateway = gateway;
        this.currentMember = currentMember;
        this.clientAddress = clientAddress;
        this.json = json;
    }

    @POST
    @Path("/chat")
    public Response chat(@Valid @NotNull(message = "a JSON body is required") ChatRequest request,
                         @Context HttpServerRequest http, @Context HttpHeaders headers) {
        return call(RequestType.CHATBOT, request, http, headers);
    }

    @POST
    @Path("/analysis")
    public Response analysis(@Valid @NotNull(message = "a JSON body is required") ChatRequest request,
                             @Context HttpServerRequest http, @Context HttpHeaders headers) {
        return call(RequestType.ANALYSIS, request, http, headers);
    }

    @POST
    @Path("/generation")
    public Response generation(@Valid @NotNull(message = "a JSON body is required") ChatRequest request,
                               @Context HttpServerRequest http, @Context HttpHeaders headers) {
        return call(RequestType.GENERATION, request, http, headers);
    }

    private Response call(RequestType type, ChatRequest request, HttpServerRequest http, HttpHeaders headers) {
        CallOrigin origin = new CallOrigin("app", clientAddress.of(http), headers.getHeaderString("User-Agent"));
        GatewayService.PreparedCall prepared = gateway.prepare(currentMember.id(), type, request, origin);
        if (!request.streaming()) {
            return Response.ok(gateway.complete(prepared)).build();
        }
        return Response.ok(new SseStream(gateway.stream(prepared), http.response(), json, type))
                .type("text/event-stream")
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .build();
    }
}

package io.labgate.apikeys;

import io.labgate.common.security.CurrentMember;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** A member's own keys for the OpenAI-compatible endpoint (/v1). */
@Path("/api/me/api-keys")
@Authenticated
public class ApiKeyResource {

    private final ApiKeyService service;
    private final CurrentMember currentMember;

    ApiKeyResource(ApiKeyService service, CurrentMember currentMember) {
        this.service = service;
        this.currentMember = currentMember;
    }

    @GET
    public List<ApiKeyViews.KeyView> list() {
        return service.list(currentMember.id());
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON body is required") ApiKeyViews.CreateRequest request) {
        return Response.status(Response.Status.CREATED).entity(service.create(currentMember.id(), request.name()))
                .build();
    }

    @DELETE
    @Path("/{id}")
    public void revoke(long id) {
        service.revoke(currentMember.id(), id);
    }
}

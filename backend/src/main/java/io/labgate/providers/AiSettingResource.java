package io.labgate.providers;

import io.labgate.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;

@Path("/api/admin/ai-settings")
@RolesAllowed(Roles.SUPERADMIN)
public class AiSettingResource {

    private final AiSettingService service;

    AiSettingResource(AiSettingService service) {
        this.service = service;
    }

    @GET
    public List<AiSettingView> list() {
        return service.list();
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON body is required") AiSettingRequest request,
                           @Context UriInfo uri) {
        AiSettingView created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public AiSettingView get(long id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    public AiSettingView update(long id,
                                @Valid @NotNull(message = "a JSON body is required") AiSettingRequest request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    public void delete(long id) {
        service.delete(id);
    }

    @POST
    @Path("/{id}/test-connection")
    public ConnectionTestResult testConnection(long id) {
        return service.testConnection(id);
    }

    /** Re-encrypts stored provider keys under the current (first) master key. See docs/operations.md. */
    @POST
    @Path("/re-encrypt")
    public Map<String, Integer> reEncrypt() {
        return Map.of("re_encrypted", service.reEncryptAll());
    }
}

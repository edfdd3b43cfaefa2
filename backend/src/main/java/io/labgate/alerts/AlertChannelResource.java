package io.labgate.alerts;

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

@Path("/api/admin/alert-channels")
@RolesAllowed(Roles.SUPERADMIN)
public class AlertChannelResource {

    private final AlertChannelService service;

    AlertChannelResource(AlertChannelService service) {
        this.service = service;
    }

    @GET
    public List<AlertChannelView> list() {
        return service.list();
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON body is required") AlertChannelRequest request,
                           @Context UriInfo uri) {
        AlertChannelView created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public AlertChannelView get(long id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    public AlertChannelView update(long id,
                                   @Valid @NotNull(message = "a JSON body is required") AlertChannelRequest request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    public void delete(long id) {
        service.delete(id);
    }

    /** Re-encrypts stored channel secrets under the current (first) master key. See docs/operations.md. */
    @POST
    @Path("/re-encrypt")
    public java.util.Map<String, Integer> reEncrypt() {
        return java.util.Map.of("re_encrypted", service.reEncryptAll());
    }

    /** Sends a test message now, once to each address; answers each delivery's outcome. */
    @POST
    @Path("/{id}/test")
    public List<AlertDeliveryView> test(long id) {
        return service.sendTest(id);
    }
}

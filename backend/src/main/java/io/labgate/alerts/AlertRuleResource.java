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

@Path("/api/admin/alert-rules")
@RolesAllowed(Roles.SUPERADMIN)
public class AlertRuleResource {

    private final AlertRuleService service;

    AlertRuleResource(AlertRuleService service) {
        this.service = service;
    }

    @GET
    public List<AlertRuleView> list() {
        return service.list();
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON body is required") AlertRuleRequest request,
                           @Context UriInfo uri) {
        AlertRuleView created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public AlertRuleView get(long id) {
        return service.get(id);
    }

    @PUT
    @Path("/{id}")
    public AlertRuleView update(long id, @Valid @NotNull(message = "a JSON body is required") AlertRuleRequest request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    public void delete(long id) {
        service.delete(id);
    }
}

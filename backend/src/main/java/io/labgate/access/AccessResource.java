package io.labgate.access;

import io.labgate.common.security.Roles;
import io.labgate.common.paging.PageRequest;
import io.labgate.common.paging.PageResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/api/admin/user-ai-access")
@RolesAllowed(Roles.SUPERADMIN)
public class AccessResource {

    private final AccessService service;

    AccessResource(AccessService service) {
        this.service = service;
    }

    /** Every researcher, with their access or none yet ({@code assigned=false}: only those), and others with access. */
    @GET
    public PageResponse<MemberAccessView> list(@QueryParam("q") String q, @QueryParam("plan_id") Long planId,
                                               @QueryParam("is_enabled") Boolean enabled,
                                               @QueryParam("assigned") Boolean assigned,
                                               @Valid @BeanParam PageRequest page) {
        return service.list(q, planId, enabled, assigned, page);
    }

    @GET
    @Path("/members/{memberId}")
    public MemberAccessDetail forMember(long memberId) {
        return service.forMember(memberId);
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON body is required") AccessRequests.Create request,
                           @Context UriInfo uri) {
        AccessView created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public AccessView get(long id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    public AccessView update(long id,
                             @Valid @NotNull(message = "a JSON body is required") AccessRequests.Update request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    public void delete(long id) {
        service.delete(id);
    }

    @POST
    @Path("/bulk-assign")
    public AccessRequests.BulkAssignResult bulkAssign(
            @Valid @NotNull(message = "a JSON body is required") AccessRequests.BulkAssign request) {
        return service.bulkAssign(request);
    }

    @POST
    @Path("/{id}/reset-usage")
    public AccessView resetUsage(long id) {
        return service.resetUsage(id);
    }
}

package io.labgate.members;

import io.labgate.common.security.Roles;
import io.labgate.common.paging.PageRequest;
import io.labgate.common.paging.PageResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

@Path("/api/admin/members")
@RolesAllowed(Roles.SUPERADMIN)
public class MemberResource {

    private final MemberService service;

    MemberResource(MemberService service) {
        this.service = service;
    }

    @GET
    public PageResponse<MemberView> list(@QueryParam("q") String q, @QueryParam("role") String role,
                                         @Valid @BeanParam PageRequest page) {
        return service.list(q, role, page);
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON body is required") MemberRequests.Create request,
                           @Context UriInfo uri) {
        MemberView created = service.create(request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    public MemberView get(long id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    public MemberView update(long id,
                             @Valid @NotNull(message = "a JSON body is required") MemberRequests.Update request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    public void delete(long id) {
        service.delete(id);
    }

    /** A generated password, shown once; the member's sessions end everywhere. */
    @POST
    @Path("/{id}/reset-password")
    public MemberRequests.PasswordReset resetPassword(long id) {
        return service.resetPassword(id);
    }

    /** Ends every session of the member, on every replica. */
    @POST
    @Path("/{id}/sign-out")
    public void signOut(long id) {
        service.signOut(id);
    }

    @POST
    @Path("/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public Response importCsv(String csv) {
        return Response.status(Response.Status.CREATED).entity(service.importCsv(csv)).build();
    }
}

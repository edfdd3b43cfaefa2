package io.labgate.pricing;

import io.labgate.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.List;

@Path("/api/admin/model-prices")
@RolesAllowed(Roles.SUPERADMIN)
public class ModelPriceResource {

    private final ModelPriceService service;

    ModelPriceResource(ModelPriceService service) {
        this.service = service;
    }

    @GET
    public List<ModelPriceViews.View> list() {
        return service.list();
    }

    /** The models provider settings call that have no price: their calls' cost is unknown. */
    @GET
    @Path("/unpriced")
    public List<ModelPriceViews.UnpricedModel> unpriced() {
        return service.unpriced();
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON body is required") ModelPriceViews.Request request) {
        return Response.status(Response.Status.CREATED).entity(service.create(request)).build();
    }

    @PUT
    @Path("/{id}")
    public ModelPriceViews.View update(long id,
                                       @Valid @NotNull(message = "a JSON body is required") ModelPriceViews.Request request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    public void delete(long id) {
        service.delete(id);
    }
}

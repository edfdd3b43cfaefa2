package io.labgate.plans;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;

/**
 * The plans a member can be put on (the active ones, cheapest first), so the workspace can say which plans
 * include a feature the member's own plan lacks.
 */
@Path("/api/me/plans")
public class OfferedPlanResource {

    private final PlanService service;

    OfferedPlanResource(PlanService service) {
        this.service = service;
    }

    @GET
    @Authenticated
    public List<OfferedPlanView> offered() {
        return service.offered();
    }
}

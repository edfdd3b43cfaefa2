package io.labgate.billing;

import io.labgate.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

@Path("/api/admin/billing")
public class BillingResource {

    private final BillingService service;

    BillingResource(BillingService service) {
        this.service = service;
    }

    /** {@code ?month=2026-11} (default: this month in the configured zone). */
    @GET
    @RolesAllowed(Roles.SUPERADMIN)
    public BillingViews.MonthlyBilling month(@QueryParam("month") String month) {
        return service.month(month);
    }
}

package io.labgate.alerts;

import io.labgate.common.paging.PageRequest;
import io.labgate.common.paging.PageResponse;
import io.labgate.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** GET /api/admin/alert-deliveries: every e-mail and webhook sent or being tried, newest first. */
@Path("/api/admin/alert-deliveries")
@RolesAllowed(Roles.SUPERADMIN)
public class AlertDeliveryResource {

    private final AlertDeliveryService service;

    AlertDeliveryResource(AlertDeliveryService service) {
        this.service = service;
    }

    @GET
    public PageResponse<AlertDeliveryView> list(
            @QueryParam("channel_id") Long channelId,
            @QueryParam("status") @Pattern(regexp = "pending|sent|failed", message = "must be one of pending, sent, failed")
            String status,
            @Valid @BeanParam PageRequest page) {
        return service.list(channelId, status, page);
    }
}

package io.labgate.audit;

import io.labgate.common.security.Roles;
import io.labgate.common.paging.PageRequest;
import io.labgate.common.paging.PageResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

@Path("/api/admin/audit-log")
public class AuditResource {

    private final AuditService service;

    AuditResource(AuditService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.SUPERADMIN)
    public PageResponse<AuditEntryView> list(@QueryParam("entity_type") String entityType,
                                             @Valid @BeanParam PageRequest page) {
        return service.list(entityType, page);
    }
}

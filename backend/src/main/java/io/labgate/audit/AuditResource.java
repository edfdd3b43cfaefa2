package io.labgate.audit;

import io.labgate.common.error.ApiError;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ViolationCode;
import io.labgate.common.paging.PageRequest;
import io.labgate.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Who changed what: the audit log, filtered and paged, or every entry of the filter as CSV ({@code format=csv}). */
@Path("/api/admin/audit-log")
public class AuditResource {

    static final String CSV = "text/csv; charset=utf-8";

    private final AuditService service;
    private final Clock clock;

    AuditResource(AuditService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @GET
    @RolesAllowed(Roles.SUPERADMIN)
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @APIResponse(responseCode = "200", description = "A page of entries, or with format=csv every entry as CSV",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditLogPage.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response list(@QueryParam("actor") String actor, @QueryParam("action") String action,
                         @QueryParam("entity_type") String entityType, @QueryParam("entity_id") String entityId,
                         @QueryParam("start_date") String startDate, @QueryParam("end_date") String endDate,
                         @QueryParam("format") String format, @Valid @BeanParam PageRequest page) {
        AuditFilter filter = AuditFilter.parse(actor, action, entityType, entityId, startDate, endDate);
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw ApiException.invalid(List.of(new ApiError.Violation("format", ViolationCode.NOT_ONE_OF,
                    Map.of("allowed", List.of("json", "csv")), "must be json or csv")));
        }
        if ("csv".equals(format)) {
            StreamingOutput body = out -> service.exportCsv(filter, out);
            String name = "labgate-audit-log-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + ".csv";
            return Response.ok(body, CSV).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
        }
        return Response.ok(service.list(filter, page), MediaType.APPLICATION_JSON).build();
    }
}

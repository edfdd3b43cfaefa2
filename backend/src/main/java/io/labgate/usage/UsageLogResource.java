package io.labgate.usage;

import io.labgate.common.security.CurrentMember;
import io.labgate.common.security.Roles;
import io.labgate.common.paging.PageRequest;
import io.labgate.common.paging.PageResponse;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.labgate.common.web.QueryParams;

/** The user's AIUsageLog API: the super-admin reads everyone's, a member their own. */
@Path("/api")
public class UsageLogResource {

    private final UsageLogQueryService service;
    private final CurrentMember currentMember;

    UsageLogResource(UsageLogQueryService service, CurrentMember currentMember) {
        this.service = service;
        this.currentMember = currentMember;
    }

    @GET
    @Path("/admin/ai-usage-logs")
    @RolesAllowed(Roles.SUPERADMIN)
    public PageResponse<UsageLogViews.LogView> list(@QueryParam("member_id") Long memberId,
                                                    @QueryParam("ai_settings_id") Long settingId,
                                                    @QueryParam("status") String status,
                                                    @QueryParam("request_type") String requestType,
                                                    @QueryParam("start_date") String startDate,
                                                    @QueryParam("end_date") String endDate,
                                                    @Valid @BeanParam PageRequest page) {
        return service.list(new UsageLogQueryService.Filter(memberId, settingId, status, requestType,
                QueryParams.date(startDate, "start_date"), QueryParams.date(endDate, "end_date")), page);
    }

    @GET
    @Path("/admin/ai-usage-logs/usage-statistics")
    @RolesAllowed(Roles.SUPERADMIN)
    public UsageLogViews.Statistics statistics(@QueryParam("days") @DefaultValue("30") int days,
                                               @QueryParam("member_id") Long memberId,
                                               @QueryParam("ai_settings_id") Long settingId) {
        return service.statistics(days, memberId, settingId);
    }

    @GET
    @Path("/me/usage-logs")
    @Authenticated
    public PageResponse<UsageLogViews.LogView> mine(@QueryParam("start_date") String startDate,
                                                    @QueryParam("end_date") String endDate,
                                                    @Valid @BeanParam PageRequest page) {
        return service.list(new UsageLogQueryService.Filter(currentMember.id(), null, null, null,
                QueryParams.date(startDate, "start_date"), QueryParams.date(endDate, "end_date")), page);
    }
}

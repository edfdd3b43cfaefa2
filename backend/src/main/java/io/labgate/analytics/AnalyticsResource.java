package io.labgate.analytics;

import io.labgate.common.error.ApiException;
import io.labgate.common.error.ViolationCode;
import io.labgate.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Usage analytics for the super-admin: a report as JSON, or one of its tables as CSV ({@code format=csv}). */
@Path("/api/admin/analytics")
public class AnalyticsResource {

    private static final List<String> FORMATS = List.of("json", "csv");

    private final AnalyticsService service;

    AnalyticsResource(AnalyticsService service) {
        this.service = service;
    }

    /**
     * {@code from}, {@code to}: local dates of the platform's zone (default: the last 30 days); {@code granularity}
     * hour | day | month; {@code group_by} model | setting | feature | plan | member | channel; filters
     * {@code member_id}, {@code setting_id}, {@code model}, {@code feature}, {@code plan_id}, {@code channel};
     * {@code format=csv} with {@code table} series | groups | matrix | members.
     */
    @GET
    @RolesAllowed(Roles.SUPERADMIN)
    @Produces({"application/json", "text/csv"})
    @APIResponse(responseCode = "200", description = "The report, or one of its tables as CSV", content = {
            @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AnalyticsViews.AnalyticsReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                    .enums.SchemaType.STRING))})
    public Response report(@QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("granularity") String granularity, @QueryParam("group_by") String groupBy,
                           @QueryParam("member_id") String memberId, @QueryParam("setting_id") String settingId,
                           @QueryParam("model") String model, @QueryParam("feature") String feature,
                           @QueryParam("plan_id") String planId, @QueryParam("channel") String channel,
                           @QueryParam("format") String format, @QueryParam("table") String table) {
        String wanted = format == null || format.isBlank() ? "json" : format.trim().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(wanted)) {
            throw ApiException.invalid("format", ViolationCode.NOT_ONE_OF, Map.of("allowed", FORMATS),
                    "must be one of json, csv");
        }
        AnalyticsCsv.Table csvTable = wanted.equals("csv") ? csvTable(table) : null;
        AnalyticsQuery query = service.query(new AnalyticsService.Params(from, to, granularity, groupBy, memberId,
                settingId, model, feature, planId, channel));
        AnalyticsViews.AnalyticsReport report = service.report(query);
        if (csvTable == null) {
            return Response.ok(report, "application/json").build();
        }
        return Response.ok(AnalyticsCsv.write(report, csvTable), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + AnalyticsCsv.fileName(report, csvTable)
                        + "\"")
                .build();
    }

    private static AnalyticsCsv.Table csvTable(String table) {
        if (table == null || table.isBlank()) {
            return AnalyticsCsv.Table.SERIES;
        }
        return Arrays.stream(AnalyticsCsv.Table.values()).filter(t -> t.wireName().equals(table.trim()))
                .findFirst().orElseThrow(() -> {
                    List<String> allowed = Arrays.stream(AnalyticsCsv.Table.values())
                            .map(AnalyticsCsv.Table::wireName).toList();
                    return ApiException.invalid("table", ViolationCode.NOT_ONE_OF, Map.of("allowed", allowed),
                            "must be one of " + String.join(", ", allowed));
                });
    }
}

package io.labgate.promptlog;

import io.labgate.common.paging.PageRequest;
import io.labgate.common.paging.PageResponse;
import io.labgate.common.web.Downloads;
import io.labgate.common.web.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

@Path("/api/prompt-logs")
@Authenticated
public class PromptLogResource {

    private final PromptLogService service;

    PromptLogResource(PromptLogService service) {
        this.service = service;
    }

    @POST
    public Response create(@Valid @NotNull(message = "a JSON body is required") PromptLogViews.CreateRequest request) {
        PromptLogService.CreateOutcome outcome = service.create(request);
        return Response.status(outcome.created() ? 201 : 200).entity(outcome.entry()).build();
    }

    @GET
    public PageResponse<PromptLogViews.EntryView> list(@QueryParam("member_id") Long memberId,
                                                       @QueryParam("session_id") String sessionId,
                                                       @QueryParam("context") String context,
                                                       @QueryParam("from") String from,
                                                       @QueryParam("to") String to,
                                                       @Valid @BeanParam PageRequest page) {
        return service.list(memberId, sessionId, context, QueryParams.instant(from, "from"),
                QueryParams.instant(to, "to"), page);
    }

    @GET
    @Path("/sessions")
    public List<PromptLogViews.SessionView> sessions(@QueryParam("member_id") Long memberId) {
        return service.sessions(memberId);
    }

    @DELETE
    @Path("/{id}")
    public void delete(long id) {
        service.delete(id);
    }

    @DELETE
    @Path("/sessions/{sessionId}")
    public Map<String, Long> deleteSession(String sessionId) {
        return Map.of("deleted", service.deleteSession(sessionId));
    }

    @GET
    @Path("/export")
    @Produces("text/markdown; charset=utf-8")
    public Response export(@QueryParam("member_id") Long memberId, @QueryParam("session_id") String sessionId,
                           @QueryParam("date") String date, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("lang") String lang) {
        PromptLogService.Export export = service.export(memberId, sessionId, QueryParams.date(date, "date"),
                QueryParams.instant(from, "from"), QueryParams.instant(to, "to"),
                "en".equalsIgnoreCase(lang) ? DevelopmentLogMarkdown.Lang.EN : DevelopmentLogMarkdown.Lang.KO);
        return Downloads.attachment(Response.ok(export.markdown()).type("text/markdown; charset=utf-8"),
                export.fileName()).build();
    }
}

package io.labgate.billing;

import io.labgate.billing.BillingViews.Statement;
import io.labgate.billing.BillingViews.StatementSummary;
import io.labgate.common.security.CurrentMember;
import io.labgate.common.web.QueryParams;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/** 내 청구서: the member's own statements, whatever their role. */
@Path("/api/me/statements")
@Authenticated
public class MyStatementResource {

    private final BillingService service;
    private final StatementPdf pdf;
    private final CurrentMember currentMember;

    MyStatementResource(BillingService service, StatementPdf pdf, CurrentMember currentMember) {
        this.service = service;
        this.pdf = pdf;
        this.currentMember = currentMember;
    }

    /** The member's statements, newest month first (the current month open, so far). */
    @GET
    public List<StatementSummary> list() {
        return service.mine(currentMember.id());
    }

    /** One month's statement; {@code format=pdf}: as a PDF in the member's language. */
    @GET
    @Path("/{month}")
    @Produces({"application/json", BillingResource.PDF})
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Statement.class)),
            @Content(mediaType = BillingResource.PDF)})
    public Response statement(String month, @QueryParam("format") String format) {
        BillingResource.checkFormat(format, "pdf");
        return BillingResource.statementResponse(service.statement(currentMember.id(),
                QueryParams.month(month, "month")), format, pdf, service);
    }
}

package io.labgate.billing;

import io.labgate.billing.BillingViews.BillingMonthView;
import io.labgate.billing.BillingViews.Statement;
import io.labgate.billing.BillingViews.StatementPage;
import io.labgate.common.error.ApiException;
import io.labgate.common.error.ViolationCode;
import io.labgate.common.paging.PageRequest;
import io.labgate.common.paging.PageResponse;
import io.labgate.common.security.Roles;
import io.labgate.common.web.Downloads;
import io.labgate.common.web.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The super-admin's billing: months (rate, VAT, close, reopen) and every member's statements. */
@Path("/api/admin/billing")
@RolesAllowed(Roles.SUPERADMIN)
public class BillingResource {

    static final String CSV = "text/csv; charset=utf-8";
    static final String PDF = "application/pdf";

    private final BillingService service;
    private final StatementPdf pdf;
    private final StatementTexts texts;

    BillingResource(BillingService service, StatementPdf pdf, StatementTexts texts) {
        this.service = service;
        this.pdf = pdf;
        this.texts = texts;
    }

    @GET
    @Path("/months/{month}")
    public BillingMonthView month(String month) {
        return service.month(QueryParams.month(month, "month"));
    }

    @PUT
    @Path("/months/{month}/exchange-rate")
    public BillingMonthView exchangeRate(String month, @Valid @NotNull(message = "a JSON body is required")
                                         BillingRequests.ExchangeRateRequest request) {
        return service.setExchangeRate(QueryParams.month(month, "month"), request);
    }

    @POST
    @Path("/months/{month}/close")
    public BillingMonthView close(String month) {
        return service.close(QueryParams.month(month, "month"));
    }

    @POST
    @Path("/months/{month}/reopen")
    public BillingMonthView reopen(String month, @Valid @NotNull(message = "a JSON body is required")
                                   BillingRequests.ReopenRequest request) {
        return service.reopen(QueryParams.month(month, "month"), request.reason());
    }

    /**
     * A page of the month's statements ({@code q} searches username, name and e-mail; {@code sort}: member,
     * plan_fees, usage_cost or total; {@code order}: asc or desc), or with {@code format=csv} every statement of
     * the month as CSV, its headers in {@code lang} (ko or en).
     */
    @GET
    @Path("/statements")
    @Produces({"application/json", CSV})
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = StatementPage.class)),
            @Content(mediaType = "text/csv")})
    public Response statements(@QueryParam("month") String month, @QueryParam("q") String q,
                               @QueryParam("sort") String sort, @QueryParam("order") String order,
                               @QueryParam("format") String format, @QueryParam("lang") String lang,
                               @Valid @BeanParam PageRequest page) {
        YearMonth ym = QueryParams.month(month, "month");
        if ("csv".equals(format)) {
            String csv = StatementCsv.write(service.statements(ym).statements(), StatementTexts.language(lang),
                    texts);
            return Downloads.attachment(Response.ok(csv).type(CSV), "statements-" + ym + ".csv").build();
        }
        checkFormat(format, "json");
        PageResponse<BillingViews.StatementSummary> rows = service.list(ym, q, sort, order, page);
        return Response.ok(new StatementPage(rows.items(), rows.total(), rows.page(), rows.size()))
                .type("application/json").build();
    }

    /** One member's statement for the month; {@code format=pdf}: as a PDF in the member's language. */
    @GET
    @Path("/statements/{memberId: \\d+}/{month}")
    @Produces({"application/json", PDF})
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Statement.class)),
            @Content(mediaType = PDF)})
    public Response statement(long memberId, String month, @QueryParam("format") String format) {
        checkFormat(format, "pdf");
        return statementResponse(service.statement(memberId, QueryParams.month(month, "month")), format, pdf, service);
    }

    /** Every statement of the month as PDFs in one ZIP. */
    @GET
    @Path("/statements/{month}/pdf.zip")
    @Produces("application/zip")
    public Response zip(String month) {
        YearMonth ym = QueryParams.month(month, "month");
        var statements = service.statements(ym).statements();
        Map<Long, String> languages = service.languages(statements);
        StreamingOutput body = out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Statement s : statements) {
                    zip.putNextEntry(new ZipEntry(fileName(s)));
                    pdf.render(s, languages.get(s.member().id()), zip);
                    zip.closeEntry();
                }
            }
        };
        return Downloads.attachment(Response.ok(body).type("application/zip"), "statements-" + ym + ".zip").build();
    }

    static Response statementResponse(Statement s, String format, StatementPdf pdf, BillingService service) {
        if ("pdf".equals(format)) {
            byte[] document = pdf.render(s, service.languages(List.of(s)).get(s.member().id()));
            return Downloads.attachment(Response.ok(document).type(PDF), fileName(s)).build();
        }
        checkFormat(format, "pdf");
        return Response.ok(s).type("application/json").build();
    }

    /** {@code 2026-10_kim_5.pdf}: the month, the username (no path separators) and the id, which never repeats. */
    static String fileName(Statement s) {
        return s.month() + "_" + s.member().username().replaceAll("[/\\\\:*?\"<>|\\s]", "_") + "_" + s.member().id()
                + ".pdf";
    }

    static void checkFormat(String format, String other) {
        if (format != null && !format.isBlank() && !"json".equals(format) && !other.equals(format)) {
            throw ApiException.invalid("format", ViolationCode.NOT_ONE_OF, Map.of("allowed", List.of("json", other)),
                    "must be json or " + other);
        }
    }
}

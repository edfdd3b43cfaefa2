package io.labgate.billing;

import io.labgate.ledger.CallEntry;
import io.labgate.ledger.CallLedger;
import io.labgate.support.Api;
import io.labgate.support.TestClock;
import io.labgate.usage.UsageRecord;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statements end to end through the API: the history the access service writes, proration, the CSV and PDF
 * (compared with golden files, Korean included), closing and reopening. Each test bills its own month of 2025,
 * a year no other test writes, with the app's clock set to the days it needs.
 */
@QuarkusTest
class BillingStatementsTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Inject
    CallLedger ledger;

    @AfterEach
    void thaw() {
        TestClock.thaw();
    }

    private static OffsetDateTime at(String seoulTime) {
        OffsetDateTime t = LocalDateTime.parse(seoulTime).atZone(SEOUL).toOffsetDateTime();
        TestClock.freeze(t.toInstant());
        return t;
    }

    private static long plan(String displayName, String fee) {
        Map<String, Object> body = new HashMap<>(Map.of("name", Api.unique("golden"), "display_name", displayName,
                "monthly_cost", new BigDecimal(fee), "monthly_token_limit", 1_000_000, "daily_request_limit", 100,
                "features", List.of("chatbot", "analysis")));
        return Api.asAdmin().body(body).post("/api/admin/plans").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static Api.TestMember member(String username, String first, String last) {
        String password = "password-" + username;
        long id = Api.asAdmin().body(Map.of("username", username, "email", username + "@lab.example",
                        "password", password, "role", "researcher", "first_name", first, "last_name", last))
                .post("/api/admin/members").then().statusCode(201).extract().jsonPath().getLong("id");
        return new Api.TestMember(id, username, password, Api.login(username, password));
    }

    private static long assign(long memberId, long planId) {
        return Api.asAdmin().body(Map.of("user_id", memberId, "ai_plan_id", planId))
                .post("/api/admin/user-ai-access").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A call as the gateway books it, at a given time. */
    private void call(long memberId, String seoulTime, String model, String type, long prompt, long completion,
                      String cost) throws InterruptedException {
        OffsetDateTime t = LocalDateTime.parse(seoulTime).atZone(SEOUL).toOffsetDateTime();
        ledger.submit(CallEntry.withoutReservation(new UsageRecord(t, memberId, null, null, "openai", model, type, "app",
                "ok", false, null, null, prompt, completion, 0, 0, cost == null ? null : new BigDecimal(cost), 900,
                null, null, null, null)));
        assertTrue(ledger.awaitIdle(10_000), "the ledger wrote the call");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = BillingStatementsTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The text equals the golden file (a CSV's {member_id} cell filled in); run with -Dgolden.update=true to write the file
     * from what the app produces instead, then read the diff.
     */
    private static void golden(String resource, String actual, long memberId) throws IOException {
        if (Boolean.getBoolean("golden.update")) {
            java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources" + resource),
                    actual.replace("," + memberId + ",", ",{member_id},"));
            return;
        }
        assertEquals(resource(resource).replace(",{member_id},", "," + memberId + ","), actual, resource);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames()
                    .iterator().next());
            assertTrue(font.isEmbedded(), "the font is embedded");
            assertTrue(font.getName().matches("[A-Z]{6}\\+NotoSansCJKkr-Regular"), "a subset of Noto Sans CJK KR: "
                    + font.getName());
            return new PDFTextStripper().getText(doc).replace("\r\n", "\n");
        }
    }

    @Test
    void aMoveFromBasicToPremiumOnThe16thOfA30DayMonthIsChargedHalfOfEachFeeAndTheClosedMonthStaysAsItWas()
            throws Exception {
        long basic = plan("기본형 ($10/월)", "10.00");
        long premium = plan("프리미엄 ($30/월)", "30.00");
        at("2025-04-01T09:00");
        Api.TestMember kim = member("golden-kim", "지우", "김");
        long access = assign(kim.id(), basic);
        call(kim.id(), "2025-04-10T14:00", "gpt-4o", "chatbot", 1000, 100, "0.003500");
        call(kim.id(), "2025-04-11T15:00", "gpt-4o", "chatbot", 1000, 100, "0.003500");
        at("2025-04-16T10:00");
        Api.asAdmin().body(Map.of("ai_plan_id", premium)).patch("/api/admin/user-ai-access/" + access).then()
                .statusCode(200);
        call(kim.id(), "2025-04-20T11:00", "my-own-model", "analysis", 300, 50, null);
        at("2025-05-02T09:00");

        String path = "/api/admin/billing/statements/" + kim.id() + "/2025-04";
        Api.asAdmin().get(path).then().statusCode(200)
                .body("state", equalTo("open")).body("current", equalTo(false)).body("days_in_month", equalTo(30))
                .body("member.username", equalTo("golden-kim"))
                .body("plans.size()", equalTo(2))
                .body("plans[0].display_name", equalTo("기본형 ($10/월)"))
                .body("plans[0].from", equalTo("2025-04-01")).body("plans[0].to", equalTo("2025-04-15"))
                .body("plans[0].days", equalTo(15)).body("plans[0].amount_usd", equalTo(5.0f))
                .body("plans[1].display_name", equalTo("프리미엄 ($30/월)"))
                .body("plans[1].from", equalTo("2025-04-16")).body("plans[1].to", equalTo("2025-04-30"))
                .body("plans[1].days", equalTo(15)).body("plans[1].amount_usd", equalTo(15.0f))
                .body("plan_fees_usd", equalTo(20.0f))
                .body("usage.calls", equalTo(3)).body("usage.unpriced_calls", equalTo(1))
                .body("usage.cost_usd", equalTo(0.007f))
                .body("usage.by_model[0].model", equalTo("gpt-4o")).body("usage.by_model[0].calls", equalTo(2))
                .body("usage.by_feature.request_type", equalTo(List.of("analysis", "chatbot")))
                .body("total_krw", nullValue());

        // Closing needs the month's rate; the rate and VAT then show in KRW.
        Api.asAdmin().post("/api/admin/billing/months/2025-04/close").then().statusCode(409)
                .body("error", equalTo("exchange_rate_missing"));
        Api.asAdmin().body(Map.of("krw_per_usd", 1385.5, "apply_vat", true))
                .put("/api/admin/billing/months/2025-04/exchange-rate").then().statusCode(200)
                .body("krw_per_usd", equalTo(1385.5f)).body("apply_vat", equalTo(true));
        Api.asAdmin().get(path).then().body("vat_usd", equalTo(2.0f)).body("total_usd", equalTo(22.0f))
                .body("subtotal_krw", equalTo(27710)).body("vat_krw", equalTo(2771))
                .body("total_krw", equalTo(30481));

        // Golden files: the month's CSV and the statement PDF's text, Korean included.
        Response csv = Api.asAdmin().queryParam("month", "2025-04").queryParam("format", "csv")
                .get("/api/admin/billing/statements");
        csv.then().statusCode(200).contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", equalTo("attachment; filename=\"statements-2025-04.csv\"; "
                        + "filename*=UTF-8''statements-2025-04.csv"));
        byte[] csvBytes = csv.asByteArray();
        assertEquals("\uFEFF", new String(csvBytes, 0, 3, StandardCharsets.UTF_8), "a UTF-8 byte-order mark");
        golden("/billing/statements-2025-04.ko.csv",
                new String(csvBytes, 3, csvBytes.length - 3, StandardCharsets.UTF_8).replace("\r\n", "\n"), kim.id());
        Response pdf = Api.asAdmin().queryParam("format", "pdf").get(path);
        pdf.then().statusCode(200).contentType("application/pdf");
        golden("/billing/statement-2025-04-open.ko.txt", pdfText(pdf.asByteArray()), kim.id());

        // Closing freezes the statements; the month then refuses writes.
        at("2025-05-03T10:00");
        Api.asAdmin().post("/api/admin/billing/months/2025-04/close").then().statusCode(200)
                .body("state", equalTo("closed")).body("closed_by", equalTo("admin"))
                .body("totals.statements", equalTo(1)).body("totals.plan_fees_usd", equalTo(20.0f))
                .body("totals.total_krw", equalTo(30481));
        Api.asAdmin().body(Map.of("krw_per_usd", 1400)).put("/api/admin/billing/months/2025-04/exchange-rate")
                .then().statusCode(409).body("error", equalTo("month_closed"))
                .body("params.month", equalTo("2025-04"));
        Api.asAdmin().post("/api/admin/billing/months/2025-04/close").then().statusCode(409)
                .body("error", equalTo("month_closed"));
        golden("/billing/statement-2025-04-closed.ko.txt", pdfText(Api.asAdmin().queryParam("format", "pdf")
                .get(path).then().statusCode(200).extract().asByteArray()), kim.id());

        // A later price and plan change leave the closed month as it was, and the month's history too.
        at("2025-05-04T10:00");
        Map<String, Object> repriced = new HashMap<>(Map.of("name", Api.asAdmin().get("/api/admin/plans/" + premium)
                        .then().extract().path("name"), "display_name", "프리미엄 ($30/월)", "monthly_cost", 45,
                "monthly_token_limit", 1_000_000, "daily_request_limit", 100, "features", List.of("chatbot")));
        Api.asAdmin().body(repriced).put("/api/admin/plans/" + premium).then().statusCode(200);
        Api.asAdmin().body(Map.of("ai_plan_id", basic)).patch("/api/admin/user-ai-access/" + access).then()
                .statusCode(200);
        Api.asAdmin().get(path).then().body("state", equalTo("closed")).body("plans[1].amount_usd", equalTo(15.0f))
                .body("total_krw", equalTo(30481));

        // Reopening needs a reason and is audited; the reopened month is computed again from the history.
        Api.asAdmin().body(Map.of("reason", " ")).post("/api/admin/billing/months/2025-04/reopen").then()
                .statusCode(400).body("violations[0].field", equalTo("reason"));
        Api.asAdmin().body(Map.of("reason", "환율 정정")).post("/api/admin/billing/months/2025-04/reopen").then()
                .statusCode(200).body("state", equalTo("open"))
                .body("history.action", equalTo(List.of("closed", "reopened")))
                .body("history[1].reason", equalTo("환율 정정"));
        Api.asAdmin().post("/api/admin/billing/months/2025-04/reopen").then().statusCode(400);
        Api.asAdmin().body(Map.of("reason", "again")).post("/api/admin/billing/months/2025-04/reopen").then()
                .statusCode(409).body("error", equalTo("month_not_closed"));
        Api.asAdmin().get(path).then().body("state", equalTo("open")).body("plans[1].monthly_fee_usd", equalTo(30.0f))
                .body("plans[1].amount_usd", equalTo(15.0f));
        Api.asAdmin().queryParam("entity_type", "billing_month").queryParam("size", 50).get("/api/admin/audit-log")
                .then().statusCode(200)
                .body("items.action", hasItem("billing.reopen"))
                .body("items.find { it.action == 'billing.reopen' }.after.reason", equalTo("환율 정정"))
                .body("items.find { it.action == 'billing.reopen' }.before.totals.total_krw", equalTo(30481))
                .body("items.find { it.action == 'billing.reopen' }.actor", equalTo("admin"))
                .body("items.action", hasItem("billing.close"));

        // The member reads their own statements, and no one else's (a token issued in real time: tokens are
        // checked against it).
        TestClock.thaw();
        String token = Api.login(kim.username(), kim.password());
        at("2025-05-05T10:00");
        Api.as(token).get("/api/me/statements").then().statusCode(200)
                .body("month", equalTo(List.of("2025-05", "2025-04")))
                .body("[0].current", equalTo(true)).body("[1].plans", equalTo(List.of("기본형 ($10/월)", "프리미엄 ($30/월)")))
                .body("[1].total_usd", equalTo(22.0f));
        Api.as(token).get("/api/me/statements/2025-04").then().statusCode(200)
                .body("member.id", equalTo((int) kim.id()));
        Api.as(token).queryParam("format", "pdf").get("/api/me/statements/2025-04").then().statusCode(200)
                .contentType("application/pdf");
        Api.as(token).get("/api/me/statements/2024-01").then().statusCode(404);
        Api.as(token).get(path).then().statusCode(403);
    }

    @Test
    void aDeletedMembersCostStaysOnTheMonthsTotalAndTheirStatement() throws Exception {
        long plan = plan("기본형 ($10/월)", "10.00");
        at("2025-06-01T00:00");
        Api.TestMember gone = member(Api.unique("gone"), "Leaving", "Soon");
        Api.TestMember stays = member(Api.unique("stays"), "Staying", "On");
        assign(gone.id(), plan);
        Api.asAdmin().body(Map.of("user_ids", List.of(stays.id()), "ai_plan_id", plan))
                .post("/api/admin/user-ai-access/bulk-assign").then().statusCode(200).body("created", equalTo(1));
        long staysAccess = Api.asAdmin().get("/api/admin/user-ai-access/members/" + stays.id()).then()
                .statusCode(200).extract().jsonPath().getLong("access.id");
        call(gone.id(), "2025-06-03T10:00", "gpt-4o", "chatbot", 1000, 1000, "0.012500");
        call(stays.id(), "2025-06-04T10:00", "gpt-4o", "generation", 1000, 0, "0.002500");
        at("2025-06-11T12:00");
        Api.asAdmin().delete("/api/admin/members/" + gone.id()).then().statusCode(204);
        // Disabled from the 21st to the 26th: those five days are not charged.
        at("2025-06-21T08:00");
        Api.asAdmin().body(Map.of("is_enabled", false)).patch("/api/admin/user-ai-access/" + staysAccess).then()
                .statusCode(200);
        at("2025-06-26T08:00");
        Api.asAdmin().body(Map.of("is_enabled", true)).patch("/api/admin/user-ai-access/" + staysAccess).then()
                .statusCode(200);
        at("2025-07-01T09:00");

        Api.asAdmin().get("/api/admin/billing/months/2025-06").then().statusCode(200)
                .body("state", equalTo("open")).body("ended", equalTo(true))
                .body("totals.statements", equalTo(2))
                .body("totals.usage_cost_usd", equalTo(0.015f))
                // gone: 10 × 10/30 = 3.33 (1st to 10th); stays: 10 × 20/30 + 10 × 5/30 = 6.67 + 1.67
                .body("totals.plan_fees_usd", equalTo(11.67f));
        Api.asAdmin().get("/api/admin/billing/statements/" + stays.id() + "/2025-06").then().statusCode(200)
                .body("plans.to", equalTo(List.of("2025-06-20", "2025-06-30")))
                .body("plans.days", equalTo(List.of(20, 5))).body("plan_fees_usd", equalTo(8.34f));
        Api.asAdmin().get("/api/admin/billing/statements/" + gone.id() + "/2025-06").then().statusCode(200)
                .body("member.deleted", equalTo(true)).body("member.username", equalTo(gone.username()))
                .body("plans[0].to", equalTo("2025-06-10")).body("plan_fees_usd", equalTo(3.33f))
                .body("usage.cost_usd", equalTo(0.0125f));

        // Search, sort and page like other lists.
        Api.asAdmin().queryParam("month", "2025-06").queryParam("sort", "usage_cost").queryParam("order", "asc")
                .get("/api/admin/billing/statements").then().statusCode(200)
                .body("total", equalTo(2)).body("items.member.username", equalTo(List.of(stays.username(),
                        gone.username())));
        Api.asAdmin().queryParam("month", "2025-06").queryParam("q", "STAYING").get("/api/admin/billing/statements")
                .then().body("total", equalTo(1)).body("items[0].member.id", equalTo((int) stays.id()));
        Api.asAdmin().queryParam("month", "2025-06").queryParam("size", 1).queryParam("page", 1)
                .get("/api/admin/billing/statements").then().body("total", equalTo(2)).body("items.size()", equalTo(1))
                .body("items[0].member.username", equalTo(gone.username()));
        Api.asAdmin().queryParam("month", "2025-06").queryParam("sort", "cost").get("/api/admin/billing/statements")
                .then().statusCode(400).body("violations[0].field", equalTo("sort"))
                .body("violations[0].code", equalTo("not_one_of"));

        // Closed, the deleted member's statement and cost are in the frozen month and in the ZIP of PDFs.
        Api.asAdmin().body(Map.of("krw_per_usd", 1400)).put("/api/admin/billing/months/2025-06/exchange-rate")
                .then().statusCode(200);
        Api.asAdmin().post("/api/admin/billing/months/2025-06/close").then().statusCode(200)
                .body("totals.usage_cost_usd", equalTo(0.015f)).body("totals.statements", equalTo(2));
        // Each PDF is in its member's language: English for one who chose it, Korean for the deleted member.
        TestClock.thaw();
        Api.as(Api.login(stays.username(), stays.password())).body(Map.of("language", "en"))
                .put("/api/me/language").then().statusCode(200);
        Response zip = Api.asAdmin().get("/api/admin/billing/statements/2025-06/pdf.zip");
        zip.then().statusCode(200).contentType("application/zip");
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.asByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                texts.add(pdfText(in.readAllBytes()));
            }
        }
        assertTrue(texts.get(0).contains("월별 이용 명세서 · 2025년 6월\n마감"), texts.get(0));
        assertTrue(texts.get(0).contains("삭제된 회원"), texts.get(0));
        assertTrue(texts.get(0).contains("요금제 합계 $3.33"), texts.get(0));
        assertTrue(texts.get(1).contains("Monthly statement · June 2025\nClosed"), texts.get(1));
        assertTrue(texts.get(1).contains("Billed to Staying On (" + stays.username() + ")"), texts.get(1));
        assertTrue(texts.get(1).contains("Plan fees $8.34"), texts.get(1));
        assertEquals(List.of("2025-06_" + gone.username() + "_" + gone.id() + ".pdf",
                "2025-06_" + stays.username() + "_" + stays.id() + ".pdf"), names);
    }

    @Test
    void monthsAreCheckedBeforeAnythingIsWritten() {
        Api.asAdmin().get("/api/admin/billing/months/2025-13").then().statusCode(400)
                .body("violations[0].field", equalTo("month")).body("violations[0].code", equalTo("invalid_month"));
        Api.asAdmin().get("/api/admin/billing/statements").then().statusCode(400)
                .body("violations[0].field", equalTo("month")).body("violations[0].code", equalTo("required"));
        String thisMonth = java.time.YearMonth.now(SEOUL).toString();
        Api.asAdmin().post("/api/admin/billing/months/" + thisMonth + "/close").then().statusCode(409)
                .body("error", equalTo("month_not_ended"));
        Api.asAdmin().get("/api/admin/billing/months/" + thisMonth).then().statusCode(200)
                .body("current", equalTo(true)).body("state", equalTo("open")).body("ended", equalTo(false));
        String next = java.time.YearMonth.now(SEOUL).plusMonths(1).toString();
        Api.asAdmin().body(Map.of("krw_per_usd", 1400)).put("/api/admin/billing/months/" + next + "/exchange-rate")
                .then().statusCode(400).body("violations[0].field", equalTo("month"));
        Api.asAdmin().body(Map.of("krw_per_usd", 0)).put("/api/admin/billing/months/2025-08/exchange-rate")
                .then().statusCode(400).body("violations[0].field", equalTo("krw_per_usd"));
        Api.asAdmin().body(Map.of("krw_per_usd", 1400.12345)).put("/api/admin/billing/months/2025-08/exchange-rate")
                .then().statusCode(400).body("violations[0].code", equalTo("too_many_decimals"));
        Api.asAdmin().get("/api/admin/billing/months/2025-08").then().body("krw_per_usd", nullValue());
        Api.asAdmin().queryParam("format", "xml").get("/api/admin/billing/statements/1/2025-08").then()
                .statusCode(400).body("violations[0].field", equalTo("format"));
    }
}

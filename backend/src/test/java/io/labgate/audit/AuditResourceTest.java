package io.labgate.audit;

import io.labgate.support.Api;
import io.labgate.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuditResourceTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Inject
    EntityManager em;

    @Inject
    AuditService audit;

    @AfterEach
    void thaw() {
        TestClock.thaw();
    }

    @Test
    void adminChangesAreRecordedWithBeforeAndAfterAndNoSecrets() {
        Api.TestMember m = Api.newResearcher();
        Api.asAdmin().body(Map.of("first_name", "Audited", "password", "secret-password-xyz"))
                .patch("/api/admin/members/" + m.id()).then().statusCode(200);

        String body = Api.asAdmin().queryParam("entity_type", "member").queryParam("size", 50)
                .get("/api/admin/audit-log")
                .then().statusCode(200)
                .body("items[0].action", equalTo("member.update_with_password"))
                .body("items[0].actor", equalTo("admin"))
                .body("items[0].entity_id", equalTo((int) m.id()))
                .body("items[0].before.first_name", equalTo("Test"))
                .body("items[0].after.first_name", equalTo("Audited"))
                .body("items[1].action", equalTo("member.create"))
                .body("items[1].before", nullValue())
                .extract().asString();
        assertThat(body, not(containsString("secret-password-xyz")));
        assertThat(body, not(containsString(m.password())));
        assertThat(body, not(containsString("$2a$")));
    }

    @Test
    void theLogIsSearchedByEntityActionActorAndDaysOfThePlatformsZone() {
        Api.adminToken();
        long id = priceChangedOnThreeDays();

        assertEquals(List.of("model_price.delete", "model_price.update", "model_price.create"),
                actions(Map.of("entity_type", "model_price", "entity_id", id)));
        // 00:30 on 2 March in Seoul is still 1 March in UTC: the day is the platform's.
        assertEquals(List.of("model_price.update"),
                actions(Map.of("entity_type", "model_price", "entity_id", id, "start_date", "2026-03-02",
                        "end_date", "2026-03-02")));
        assertEquals(List.of("model_price.delete", "model_price.update"), actions(Map.of("entity_type", "model_price", "entity_id", id,
                "start_date", "2026-03-02")));
        assertEquals(List.of("model_price.create"), actions(Map.of("entity_type", "model_price", "entity_id", id,
                "end_date", "2026-03-01")));
        assertEquals(List.of("model_price.update"), actions(Map.of("entity_id", id, "action", "model_price.update")));
        assertEquals(List.of(), actions(Map.of("entity_id", id, "entity_type", "plan")));

        Api.asAdmin().queryParam("entity_type", "model_price").queryParam("entity_id", id).queryParam("size", 1)
                .queryParam("page", 1)
                .get("/api/admin/audit-log").then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(1)).body("size", equalTo(1))
                .body("items.action", equalTo(List.of("model_price.update")));
    }

    @Test
    void theActorIsFoundByAnyPartOfTheirNameInAnyCaseAndWildcardsAreLiteral() {
        Api.TestMember other = Api.newMember("superadmin");
        long id = Api.as(other.token()).body(price(Api.unique("actor-"))).post("/api/admin/model-prices")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Api.as(other.token()).delete("/api/admin/model-prices/" + id).then().statusCode(204);

        String part = other.username().substring(2).toUpperCase();
        JsonPath found = Api.asAdmin().queryParam("actor", part).get("/api/admin/audit-log").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(other.username(), other.username()), found.getList("items.actor"));
        assertEquals(List.of("model_price.delete", "model_price.create"), found.getList("items.action"));
        // "s_r" would match "user…" if _ were a wildcard.
        assertEquals(List.of(), actions(Map.of("actor", "s_r", "entity_type", "model_price", "entity_id", id)));
        assertEquals(List.of(), actions(Map.of("actor", "%", "entity_type", "model_price", "entity_id", id)));
        assertEquals(2, actions(Map.of("actor", "ser", "entity_type", "model_price", "entity_id", id)).size());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "entity_id, abc, entity_id, wrong_type",
            "start_date, 2026-13-01, start_date, invalid_date",
            "end_date, 1 March, end_date, invalid_date",
            "format, xml, format, not_one_of",
            "size, 0, size, too_small",
            "size, 201, size, too_large",
            "page, -1, page, too_small",
            "actor, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, actor, too_long",
    })
    void aBadParameterIsRefusedByName(String parameter, String value, String field, String code) {
        Api.asAdmin().queryParam(parameter, value).get("/api/admin/audit-log").then().statusCode(400)
                .body("error", equalTo("validation_failed"))
                .body("violations.field", equalTo(List.of(field)))
                .body("violations[0].code", equalTo(code));
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefusedOnItsEnd() {
        Api.asAdmin().queryParam("start_date", "2026-03-02").queryParam("end_date", "2026-03-01")
                .queryParam("format", "csv").get("/api/admin/audit-log").then().statusCode(400)
                .body("violations[0].field", equalTo("end_date"))
                .body("violations[0].code", equalTo("before_start"))
                .body("violations[0].params.start", equalTo("start_date"));
    }

    @Test
    void theFilteredLogDownloadsAsCsvWithKoreanTextNewestFirst() throws Exception {
        Api.adminToken();
        long id = priceChangedOnThreeDays();
        String plan = Api.unique("audit");
        long planId = Api.asAdmin().body(Map.of("name", plan, "display_name", "프리미엄 (감사)", "monthly_cost", 30,
                        "monthly_token_limit", 1000, "daily_request_limit", 10, "features", List.of("chatbot")))
                .post("/api/admin/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        Api.asAdmin().delete("/api/admin/plans/" + planId).then().statusCode(204);

        Response csv = Api.asAdmin().queryParam("entity_id", id).queryParam("entity_type", "model_price")
                .queryParam("format", "csv").get("/api/admin/audit-log");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"labgate-audit-log-"));
        byte[] bytes = csv.asByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 BOM");
        List<CSVRecord> rows = parse(bytes);
        assertEquals(List.of(AuditCsv.HEADER), List.of(rows.getFirst().values()));
        assertEquals(4, rows.size());
        assertEquals(List.of("model_price.delete", "model_price.update", "model_price.create"),
                rows.subList(1, 4).stream().map(r -> r.get(3)).toList());
        assertEquals("2026-03-02T00:30:00+09:00", rows.get(2).get(1));
        assertEquals("admin", rows.get(2).get(2));
        assertEquals(String.valueOf(id), rows.get(2).get(5));
        assertTrue(rows.get(2).get(6).contains("\"output_per_mtok\":1.5"), rows.get(2).get(6));
        assertTrue(rows.get(2).get(7).contains("\"output_per_mtok\":2.25"), rows.get(2).get(7));
        assertEquals("", rows.get(3).get(6), "a creation has no before");

        List<CSVRecord> planRows = parse(Api.asAdmin().queryParam("entity_type", "plan").queryParam("entity_id", planId)
                .queryParam("format", "csv").get("/api/admin/audit-log").then().statusCode(200).extract().asByteArray());
        assertTrue(planRows.get(1).get(6).contains("\"display_name\":\"프리미엄 (감사)\""), planRows.get(1).get(6));
    }

    @Test
    void aLongExportIsStreamedInBatchesWithEveryEntryOnceInOrder() throws Exception {
        String type = Api.unique("bulk");
        int entries = AuditService.EXPORT_BATCH * 2 + 37;
        // Entries share their time in groups of 7, so batches must break ties by id.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        INSERT INTO audit_log (actor_username, action, entity_type, entity_id, after_state, created_at)
                        SELECT 'system', 'bulk.test', :type, 9000000000000 + g, jsonb_build_object('n', g),
                               TIMESTAMPTZ '2026-01-01 00:00:00+09' + (g / 7) * INTERVAL '1 minute'
                          FROM generate_series(1, :n) g""")
                .setParameter("type", type).setParameter("n", entries).executeUpdate());

        List<CSVRecord> rows = parse(Api.asAdmin().queryParam("entity_type", type).queryParam("format", "csv")
                .get("/api/admin/audit-log").then().statusCode(200).extract().asByteArray());
        List<Long> entityIds = rows.subList(1, rows.size()).stream().map(r -> Long.parseLong(r.get(5))).toList();
        assertEquals(entries, entityIds.size());
        assertEquals(entries, entityIds.stream().distinct().count());
        List<Long> ids = rows.subList(1, rows.size()).stream().map(r -> Long.parseLong(r.get(0))).toList();
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) < ids.get(i - 1), "newest first, then by id: " + ids.get(i - 1) + ", " + ids.get(i));
        }
        assertEquals(9_000_000_000_000L + entries, entityIds.getFirst());
    }

    @Test
    void aCellASpreadsheetWouldRunAsAFormulaIsWrittenAsText() throws Exception {
        String username = "-" + Api.unique("formula");
        Api.asAdmin().body(Map.of("username", username, "email", username.substring(1) + "@lab.example",
                "password", "password-" + username, "role", "superadmin")).post("/api/admin/members").then().statusCode(201);
        String token = Api.login(username, "password-" + username);
        long id = Api.as(token).body(price(Api.unique("formula-"))).post("/api/admin/model-prices").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        List<CSVRecord> rows = parse(Api.asAdmin().queryParam("entity_type", "model_price").queryParam("entity_id", id)
                .queryParam("format", "csv").get("/api/admin/audit-log").then().statusCode(200).extract().asByteArray());
        assertEquals("'" + username, rows.get(1).get(2));
        Api.asAdmin().queryParam("entity_type", "model_price").queryParam("entity_id", id).get("/api/admin/audit-log").then()
                .body("items[0].actor", equalTo(username));
        Api.asAdmin().delete("/api/admin/model-prices/" + id).then().statusCode(204);
    }

    @Test
    void aFieldNamedLikeASecretNeverReachesTheLog() {
        long entityId = System.nanoTime();
        Map<String, Object> after = new HashMap<>(Map.of("name", "hook", "has_secret", true, "api_key_hint", "sk-…abcd",
                "secret", "whsec-must-not-be-kept", "password", "pw-must-not-be-kept"));
        after.put("channels", List.of(Map.of("api_key", "sk-must-not-be-kept", "smtp_password", "smtp-must-not-be-kept")));
        QuarkusTransaction.requiringNew().run(() -> audit.record("redaction.test", "redaction_test", entityId, null, after));

        String body = Api.asAdmin().queryParam("entity_type", "redaction_test").queryParam("entity_id", entityId)
                .get("/api/admin/audit-log").then().statusCode(200)
                .body("items[0].after.secret", equalTo("[redacted]"))
                .body("items[0].after.password", equalTo("[redacted]"))
                .body("items[0].after.channels[0].api_key", equalTo("[redacted]"))
                .body("items[0].after.channels[0].smtp_password", equalTo("[redacted]"))
                .body("items[0].after.api_key_hint", equalTo("sk-…abcd"))
                .body("items[0].after.has_secret", equalTo(true))
                .extract().asString();
        assertThat(body, not(containsString("must-not-be-kept")));
    }

    /** A price created at 23:30 on 1 March, changed at 00:30 on 2 March and deleted on 3 March, Seoul time. */
    private static long priceChangedOnThreeDays() {
        TestClock.freeze(LocalDateTime.of(2026, 3, 1, 23, 30).atZone(SEOUL).toInstant());
        String model = Api.unique("audited-");
        long id = Api.asAdmin().body(price(model)).post("/api/admin/model-prices").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        TestClock.freeze(LocalDateTime.of(2026, 3, 2, 0, 30).atZone(SEOUL).toInstant());
        Map<String, Object> changed = price(model);
        changed.put("output_per_mtok", 2.25);
        Api.asAdmin().body(changed).put("/api/admin/model-prices/" + id).then().statusCode(200);
        TestClock.freeze(LocalDateTime.of(2026, 3, 3, 12, 0).atZone(SEOUL).toInstant());
        Api.asAdmin().delete("/api/admin/model-prices/" + id).then().statusCode(204);
        TestClock.thaw();
        return id;
    }

    private static Map<String, Object> price(String model) {
        return new HashMap<>(Map.of("provider", "openai_compatible", "model", model, "input_per_mtok", 0.5,
                "output_per_mtok", 1.5));
    }

    private static List<String> actions(Map<String, Object> query) {
        return Api.asAdmin().queryParams(query).queryParam("size", 50).get("/api/admin/audit-log")
                .then().statusCode(200).extract().path("items.action");
    }

    private static List<CSVRecord> parse(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"));
        return CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
    }
}

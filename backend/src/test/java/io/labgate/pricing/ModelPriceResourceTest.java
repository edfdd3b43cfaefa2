package io.labgate.pricing;

import io.labgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The price table the super-admin edits: saved as sent, audited, refused field by field, one row per model. */
@QuarkusTest
class ModelPriceResourceTest {

    private static Map<String, Object> price(String model) {
        Map<String, Object> body = new HashMap<>(Map.of("provider", "openai_compatible", "model", model,
                "input_per_mtok", 0.5, "output_per_mtok", 1.5));
        body.put("cached_input_per_mtok", 0.05);
        return body;
    }

    private static List<String> models() {
        return Api.asAdmin().get("/api/admin/model-prices").then().statusCode(200).extract().path("model");
    }

    private static JsonPath history(long id) {
        return Api.asAdmin().queryParam("entity_type", "model_price").queryParam("entity_id", id)
                .get("/api/admin/audit-log").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aPriceIsAddedChangedAndDeletedAndEachChangeIsAudited() {
        String model = Api.unique("lab-llm-");
        long id = Api.asAdmin().body(price(model)).post("/api/admin/model-prices").then().statusCode(201)
                .body("model", equalTo(model))
                .body("input_per_mtok", equalTo(0.5f))
                .body("cached_input_per_mtok", equalTo(0.05f))
                .body("cache_write_per_mtok", nullValue())
                .body("source", equalTo("set by the administrator"))
                .extract().jsonPath().getLong("id");
        assertTrue(models().contains(model));

        Map<String, Object> changed = price(model);
        changed.put("output_per_mtok", 2.25);
        changed.put("source", "vendor price list 2026-11");
        Api.asAdmin().body(changed).put("/api/admin/model-prices/" + id).then().statusCode(200)
                .body("output_per_mtok", equalTo(2.25f)).body("source", equalTo("vendor price list 2026-11"));
        Api.asAdmin().get("/api/admin/model-prices").then()
                .body("find { it.id == " + id + " }.output_per_mtok", equalTo(2.25f));

        Api.asAdmin().delete("/api/admin/model-prices/" + id).then().statusCode(204);
        assertFalse(models().contains(model));

        JsonPath audit = history(id);
        assertEquals(List.of("model_price.delete", "model_price.update", "model_price.create"), audit.getList("items.action"));
        assertEquals(3, audit.getInt("total"));
        assertEquals(1.5f, audit.getFloat("items[1].before.output_per_mtok"));
        assertEquals(2.25f, audit.getFloat("items[1].after.output_per_mtok"));
        assertEquals(model, audit.getString("items[0].before.model"));
        assertEquals("admin", audit.getString("items[0].actor"));
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource({
            "input_per_mtok, -0.01, too_small",
            "output_per_mtok, 100000.5, too_large",
            "cached_input_per_mtok, -1, too_small",
            "cache_write_per_mtok, 1000000, too_large",
            "input_per_mtok, 0.1234567, too_many_decimals",
            "provider, sandbox, not_one_of",
            "model, gpt 4o, invalid_format",
            "model, '-leading-dash', invalid_format",
            "model, '', required",
    })
    void aBadValueIsRefusedNamingItsFieldAndNothingIsSaved(String field, String value, String code) {
        String model = Api.unique("refused-");
        Map<String, Object> body = price(model);
        body.put(field, value.matches("-?[0-9.]+") ? new java.math.BigDecimal(value) : value);
        int auditBefore = Api.asAdmin().queryParam("entity_type", "model_price").get("/api/admin/audit-log")
                .then().extract().path("total");

        Api.asAdmin().body(body).post("/api/admin/model-prices").then().statusCode(400)
                .body("error", equalTo("validation_failed"))
                .body("violations.field", hasItem(field))
                .body("violations.find { it.field == '" + field + "' }.code", equalTo(code));

        assertFalse(models().contains(model));
        assertFalse(models().contains(value));
        assertEquals(auditBefore, (int) Api.asAdmin().queryParam("entity_type", "model_price")
                .get("/api/admin/audit-log").then().extract().path("total"));
    }

    @Test
    void requiredPricesAreNamedAndAnEditKeepsTheRowUntouched() {
        String model = Api.unique("lab-llm-");
        long id = Api.asAdmin().body(price(model)).post("/api/admin/model-prices").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Map<String, Object> missing = new HashMap<>(Map.of("provider", "openai_compatible", "model", model));
        Api.asAdmin().body(missing).put("/api/admin/model-prices/" + id).then().statusCode(400)
                .body("violations.field", equalTo(List.of("input_per_mtok", "output_per_mtok")))
                .body("violations.code", equalTo(List.of("required", "required")));
        Api.asAdmin().get("/api/admin/model-prices").then()
                .body("find { it.id == " + id + " }.input_per_mtok", equalTo(0.5f));
        assertEquals(1, history(id).getInt("total"), "only the creation is in the log");
        Api.asAdmin().delete("/api/admin/model-prices/" + id).then().statusCode(204);
    }

    @Test
    void aModelHasOnePricePerProviderInAnyCase() {
        String model = Api.unique("Lab-LLM-");
        long id = Api.asAdmin().body(price(model)).post("/api/admin/model-prices").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Api.asAdmin().body(price(model.toLowerCase())).post("/api/admin/model-prices").then().statusCode(409)
                .body("error", equalTo("duplicate"))
                .body("violations[0].field", equalTo("model"))
                .body("violations[0].code", equalTo("not_unique"));
        assertEquals(1, models().stream().filter(model::equalsIgnoreCase).count());

        Map<String, Object> otherProvider = price(model);
        otherProvider.put("provider", "openai");
        long other = Api.asAdmin().body(otherProvider).post("/api/admin/model-prices").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        // Renaming the second row onto the first is refused too.
        Api.asAdmin().body(price(model.toUpperCase())).put("/api/admin/model-prices/" + other).then().statusCode(409)
                .body("violations[0].field", equalTo("model"));

        Api.asAdmin().body(price("  " + model + "  ")).put("/api/admin/model-prices/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("model"));
        Api.asAdmin().delete("/api/admin/model-prices/" + id).then().statusCode(204);
        Api.asAdmin().delete("/api/admin/model-prices/" + other).then().statusCode(204);
        Api.asAdmin().delete("/api/admin/model-prices/" + other).then().statusCode(404)
                .body("error", equalTo("not_found")).body("params.resource", equalTo("model_price"));
        Api.asAdmin().body(price(model)).put("/api/admin/model-prices/" + other).then().statusCode(404);
    }

    @Test
    void modelsThatProviderSettingsCallWithoutAPriceAreListedUntilPriced() {
        String unpriced = Api.unique("lab-llm-");
        long local = setting("openai_compatible", unpriced);
        long second = setting("openai_compatible", unpriced.toUpperCase());
        long snapshot = setting("openai", "gpt-4o-mini-2024-07-18");
        long sandbox = setting("sandbox", Api.unique("sandbox-echo-"));
        Api.asAdmin().body(Map.of("user_id", Api.newResearcher().id(), "ai_plan_id", planId("basic"),
                "ai_settings_id", local)).post("/api/admin/user-ai-access").then().statusCode(201);

        JsonPath listed = Api.asAdmin().get("/api/admin/model-prices/unpriced").then().statusCode(200).extract().jsonPath();
        Map<String, Object> entry = listed.getMap("find { it.model.equalsIgnoreCase('" + unpriced + "') }");
        assertEquals("openai_compatible", entry.get("provider"));
        assertEquals(List.of(local, second), listed.getList("find { it.model.equalsIgnoreCase('" + unpriced
                + "') }.settings.id", Long.class));
        assertEquals(1, listed.getInt("find { it.model.equalsIgnoreCase('" + unpriced + "') }.settings[0].members"));
        List<Long> everyListedSetting = listed.getList("settings.flatten().id", Long.class);
        assertFalse(everyListedSetting.contains(snapshot), "a dated snapshot of a priced model is priced");
        assertFalse(everyListedSetting.contains(sandbox), "the sandbox is free");

        long id = Api.asAdmin().body(price(unpriced)).post("/api/admin/model-prices").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        Api.asAdmin().get("/api/admin/model-prices/unpriced").then().statusCode(200)
                .body("settings.flatten().id", not(hasItem((int) local)));
        Api.asAdmin().delete("/api/admin/model-prices/" + id).then().statusCode(204);
    }

    private static long setting(String provider, String model) {
        Map<String, Object> body = new HashMap<>(Map.of("name", Api.unique("pricing-"), "provider", provider,
                "model_name", model));
        if (!provider.equals("sandbox")) {
            body.put("base_url", provider.equals("openai") ? "https://api.openai.com/v1" : "https://llm.lab.example/v1");
            body.put("api_key", "sk-test-0000000000001234");
        }
        return Api.asAdmin().body(body).post("/api/admin/ai-settings").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static int planId(String name) {
        return Api.asAdmin().get("/api/admin/plans").then().extract().path("find { it.name == '" + name + "' }.id");
    }
}

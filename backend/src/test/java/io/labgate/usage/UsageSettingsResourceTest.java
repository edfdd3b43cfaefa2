package io.labgate.usage;

import io.labgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** How much prompt and answer text is kept: read, changed once per real change, refused by name when unknown. */
@QuarkusTest
class UsageSettingsResourceTest {

    @AfterEach
    void backToFull() {
        Api.asAdmin().body(Map.of("content_retention", "full")).put("/api/admin/usage-settings").then().statusCode(200);
    }

    private static int changes() {
        return Api.asAdmin().queryParam("entity_type", "usage_settings").get("/api/admin/audit-log")
                .then().statusCode(200).extract().path("total");
    }

    @Test
    void theSettingIsChangedAndAuditedOnceAndSavingItAgainChangesNothing() {
        Api.asAdmin().body(Map.of("content_retention", "full")).put("/api/admin/usage-settings").then().statusCode(200);
        int before = changes();
        Api.asAdmin().get("/api/admin/usage-settings").then().statusCode(200)
                .body("content_retention", equalTo("full")).body("truncated_chars", equalTo(500));

        Api.asAdmin().body(Map.of("content_retention", "truncated")).put("/api/admin/usage-settings").then().statusCode(200)
                .body("content_retention", equalTo("truncated"));
        Api.asAdmin().get("/api/admin/usage-settings").then().body("content_retention", equalTo("truncated"));
        Api.asAdmin().queryParam("entity_type", "usage_settings").get("/api/admin/audit-log").then()
                .body("items[0].action", equalTo("usage_settings.update"))
                .body("items[0].before.content_retention", equalTo("full"))
                .body("items[0].after.content_retention", equalTo("truncated"));
        assertEquals(before + 1, changes());

        Api.asAdmin().body(Map.of("content_retention", "truncated")).put("/api/admin/usage-settings").then().statusCode(200);
        assertEquals(before + 1, changes(), "the same value again is no change");
    }

    @Test
    void anUnknownOrMissingValueIsRefusedByNameAndNothingChanges() {
        Api.asAdmin().body(Map.of("content_retention", "none")).put("/api/admin/usage-settings").then().statusCode(200);
        int before = changes();

        Api.asAdmin().body(Map.of("content_retention", "30 days")).put("/api/admin/usage-settings").then().statusCode(400)
                .body("error", equalTo("validation_failed"))
                .body("violations[0].field", equalTo("content_retention"))
                .body("violations[0].code", equalTo("not_one_of"))
                .body("violations[0].params.allowed", equalTo(List.of("full", "truncated", "none")));
        Api.asAdmin().body(Map.of()).put("/api/admin/usage-settings").then().statusCode(400)
                .body("violations[0].field", equalTo("content_retention"))
                .body("violations[0].code", equalTo("required"));
        Api.asAdmin().body(Map.of("content_retention", 3)).put("/api/admin/usage-settings").then().statusCode(400)
                .body("violations[0].field", equalTo("content_retention"));

        Api.asAdmin().get("/api/admin/usage-settings").then().body("content_retention", equalTo("none"));
        assertEquals(before, changes());
    }
}

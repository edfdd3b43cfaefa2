package io.labgate.providers;

import io.labgate.support.Api;
import io.labgate.support.ProviderStubServer;
import io.labgate.support.ProviderStubServer.Reply;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A provider key stays with the provider and origin it was given for: moving a setting elsewhere needs a new key,
 * and the old one never reaches the new address. Link-local and metadata addresses are refused for any setting.
 */
@QuarkusTest
class ProviderKeyDestinationTest {

    private static final String MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"object\":\"model\"}]}";
    private static final String KEY = "sk-original-key-for-stub-a-0001";

    private ProviderStubServer original;
    private ProviderStubServer elsewhere;

    @BeforeEach
    void start() {
        original = new ProviderStubServer().on("GET", "/v1/models", Reply.json(200, MODELS))
                .on("GET", "/v2/models", Reply.json(200, MODELS));
        elsewhere = new ProviderStubServer().on("GET", "/v1/models", Reply.json(200, MODELS));
    }

    @AfterEach
    void stop() {
        original.close();
        elsewhere.close();
    }

    private static Map<String, Object> body(String name, String provider, String baseUrl, String key) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "provider", provider, "model_name", "m"));
        if (baseUrl != null) {
            body.put("base_url", baseUrl);
        }
        if (key != null) {
            body.put("api_key", key);
        }
        return body;
    }

    private static void testConnection(long id) {
        Api.asAdmin().post("/api/admin/ai-settings/" + id + "/test-connection").then().statusCode(200);
    }

    @Test
    void anotherOriginOrProviderNeedsANewKeyAndTheOldOneNeverGoesThere() {
        String name = Api.unique("moved");
        long id = ((Number) Api.asAdmin().body(body(name, "openai_compatible", original.baseUrl() + "/v1", KEY))
                .post("/api/admin/ai-settings").then().statusCode(201).extract().path("id")).longValue();

        // Another origin without a key: refused, and nothing changed.
        Api.asAdmin().body(body(name, "openai_compatible", elsewhere.baseUrl() + "/v1", null))
                .put("/api/admin/ai-settings/" + id)
                .then().statusCode(400)
                .body("error", equalTo("validation_failed"))
                .body("violations[0].field", equalTo("api_key"))
                .body("violations[0].code", equalTo("required_for_new_destination"));
        // Another provider without a key: refused too (openai's default URL is elsewhere as well).
        Api.asAdmin().body(body(name, "openai", null, null)).put("/api/admin/ai-settings/" + id)
                .then().statusCode(400).body("violations[0].field", equalTo("api_key"));
        Api.asAdmin().get("/api/admin/ai-settings/" + id).then()
                .body("base_url", equalTo(original.baseUrl() + "/v1")).body("provider", equalTo("openai_compatible"));
        testConnection(id);
        assertEquals(0, elsewhere.received().size(), "the new address heard nothing");
        assertEquals("Bearer " + KEY, original.last().header("Authorization"));

        // Another path at the same origin keeps the key.
        Api.asAdmin().body(body(name, "openai_compatible", original.baseUrl() + "/v2", null))
                .put("/api/admin/ai-settings/" + id).then().statusCode(200).body("api_key_hint", equalTo("sk-…0001"));

        // Another origin with its own key: only that key goes there.
        Api.asAdmin().body(body(name, "openai_compatible", elsewhere.baseUrl() + "/v1", "sk-new-key-for-stub-b-0002"))
                .put("/api/admin/ai-settings/" + id).then().statusCode(200);
        testConnection(id);
        assertEquals(1, elsewhere.received().size());
        assertEquals("Bearer sk-new-key-for-stub-b-0002", elsewhere.last().header("Authorization"));
        assertTrue(elsewhere.received().stream().noneMatch(r -> r.toString().contains(KEY)));
    }

    @Test
    void aSettingWithoutAStoredKeyMovesFreely() {
        String name = Api.unique("keyless");
        long id = ((Number) Api.asAdmin().body(body(name, "openai_compatible", original.baseUrl() + "/v1", null))
                .post("/api/admin/ai-settings").then().statusCode(201).extract().path("id")).longValue();
        Api.asAdmin().body(body(name, "openai_compatible", elsewhere.baseUrl() + "/v1", null))
                .put("/api/admin/ai-settings/" + id).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest", "http://169.254.170.2/v1", "http://[fe80::1]/v1",
            "http://[fe80::a9fe:a9fe%25eth0]:8080/v1", "http://metadata.google.internal/computeMetadata/v1",
            "http://METADATA.GOOGLE.INTERNAL./v1", "http://metadata/v1", "http://100.100.100.200/latest",
            "http://[::ffff:169.254.169.254]/", "http://[fd00:ec2::254]/", "https://instance-data/latest"})
    void linkLocalAndMetadataAddressesAreRefused(String url) {
        Api.asAdmin().body(body(Api.unique("meta"), "openai_compatible", url, null)).post("/api/admin/ai-settings")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("base_url"))
                .body("violations[0].code", equalTo("url_not_allowed"));
        String name = Api.unique("meta");
        long id = ((Number) Api.asAdmin().body(body(name, "openai_compatible", original.baseUrl() + "/v1", KEY))
                .post("/api/admin/ai-settings").then().statusCode(201).extract().path("id")).longValue();
        Api.asAdmin().body(body(name, "openai_compatible", url, "sk-another-key-0000000003"))
                .put("/api/admin/ai-settings/" + id)
                .then().statusCode(400).body("violations[0].code", equalTo("url_not_allowed"));
    }
}

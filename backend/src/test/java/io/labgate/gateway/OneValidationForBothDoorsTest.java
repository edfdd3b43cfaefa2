package io.labgate.gateway;

import io.labgate.support.Api;
import io.labgate.support.Researchers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The web app's door (/api/ai) and the notebooks' door (/v1) judge a body by the same rules — types, ranges, the
 * message count, sizes — and name the same field; /v1 in OpenAI's error shape. Nothing is counted for either.
 */
@QuarkusTest
class OneValidationForBothDoorsTest {

    private static Researchers.Researcher researcher;

    @BeforeEach
    void setUp() {
        if (researcher == null) {
            researcher = Researchers.on(Map.of("max_tokens", 100), "enterprise");
        }
    }

    private static Map<String, Object> valid() {
        return new HashMap<>(Map.of("messages", List.of(Map.of("role", "user", "content", "hi"))));
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = valid();
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> message(String role, Object content) {
        Map<String, Object> m = new HashMap<>();
        m.put("role", role);
        m.put("content", content);
        return m;
    }

    static Stream<Arguments> badBodies() {
        List<Object> many = new ArrayList<>(Collections.nCopies(201, Map.of("role", "user", "content", "hi")));
        return Stream.of(
                Arguments.of("a word for a number", with("temperature", "hot"), "temperature"),
                Arguments.of("an object for a number", with("temperature", Map.of("value", 1)), "temperature"),
                Arguments.of("temperature above 2", with("temperature", 2.5), "temperature"),
                Arguments.of("temperature below 0", with("temperature", -0.1), "temperature"),
                Arguments.of("a word for max_tokens", with("max_tokens", "many"), "max_tokens"),
                Arguments.of("max_tokens of 0", with("max_tokens", 0), "max_tokens"),
                Arguments.of("max_tokens above the setting's", with("max_tokens", 101), "max_tokens"),
                Arguments.of("a word for stream", with("stream", "sometimes"), "stream"),
                Arguments.of("no messages", new HashMap<>(Map.of("temperature", 1)), "messages"),
                Arguments.of("empty messages", with("messages", List.of()), "messages"),
                Arguments.of("messages as text", with("messages", "hi"), "messages"),
                Arguments.of("201 messages", with("messages", many), "messages"),
                Arguments.of("a tool role", with("messages", List.of(message("tool", "x"))), "messages[0].role"),
                Arguments.of("no role", with("messages", List.of(message(null, "x"))), "messages[0].role"),
                Arguments.of("no content", with("messages", List.of(message("user", null))), "messages[0].content"),
                Arguments.of("empty content", with("messages", List.of(message("user", ""))), "messages[0].content"),
                Arguments.of("an object for content", with("messages", List.of(message("user", Map.of("a", 1)))),
                        "messages[0].content"),
                Arguments.of("a NUL in content", with("messages", List.of(message("user", "a\u0000b"))),
                        "messages[0].content"),
                Arguments.of("a prompt over the size limit",
                        with("messages", List.of(message("user", "x".repeat(200_001)))), "messages"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void bothDoorsRefuseTheSameBodyNamingTheSameField(String what, Map<String, Object> body, String field) {
        int requestsBefore = requestsToday();
        Response app = Api.as(researcher.member().token()).body(body).post("/api/ai/chat");
        app.then().statusCode(400).body("error", equalTo("validation_failed"))
                .body("violations[0].field", equalTo(field));
        Response v1 = notebook(body);
        v1.then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("validation_failed"))
                .body("error.param", equalTo(field));
        assertEquals(app.jsonPath().getString("violations[0].code"), violationCode(v1, app), what);
        assertEquals(requestsBefore, requestsToday(), "nothing was counted");
    }

    private static int requestsToday() {
        return Api.as(researcher.member().token()).get("/api/me/usage").then().statusCode(200)
                .extract().path("windows.find { it.window == 'day' && it.scope == 'plan' }.used");
    }

    /** /v1 carries no violation codes; the same code means the same English message from the same rule. */
    private static String violationCode(Response v1, Response app) {
        return v1.jsonPath().getString("error.message").equals(app.jsonPath().getString("message"))
                ? app.jsonPath().getString("violations[0].code") : "different: " + v1.jsonPath().getString("error.message");
    }

    @Test
    void openAisOwnSpellingsAreNamedAsSent() {
        Map<String, Object> body = valid();
        body.put("max_completion_tokens", 0);
        notebook(body).then().statusCode(400).body("error.param", equalTo("max_completion_tokens"));
        notebook(with("messages", List.of(message("developer", List.of(Map.of("type", "image_url", "image_url", Map.of()))))))
                .then().statusCode(400).body("error.param", equalTo("messages[0].content"));
        Map<String, Object> parts = with("messages", List.of(message("developer", "be brief"),
                message("user", List.of(Map.of("type", "text", "text", "hi"))), message("assistant", "hello")));
        parts.put("max_completion_tokens", 20);
        parts.put("temperature", 0);
        notebook(parts).then().statusCode(200).body("choices[0].message.role", equalTo("assistant"));
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedInOpenAisShape() {
        RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + researcher.key())
                .body("{\"messages\": [").post("/v1/chat/completions")
                .then().statusCode(400)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("malformed_json"))
                .body("error.param", nullValue());
        RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + researcher.key())
                .body("[1, 2]").post("/v1/chat/completions")
                .then().statusCode(400).body("error.code", equalTo("malformed_json"));
    }

    private static Response notebook(Map<String, Object> body) {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + researcher.key())
                .body(body).post("/v1/chat/completions");
    }
}

package io.labgate.common;

import io.labgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every operation of the OpenAPI document, checked before any work is done: without credentials it is 401, and
 * under /api/admin a researcher gets 403 while the super-admin gets past the check. The expectations come from the
 * path, never from the document's own security entries (those come from the same annotations a mistake would
 * leave out), so an endpoint added tomorrow is covered without editing this test; only the few public ones are
 * listed here.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** Operations anyone may call: signing in, and what the login page needs before anyone has. */
    private static final Set<String> PUBLIC = Set.of(
            "POST /api/auth/login",
            "GET /api/auth/options",
            "POST /api/auth/exchange",
            "GET /api/auth/oidc/login",
            "POST /api/auth/oidc/session");

    private static final String ADMIN = "/api/admin/";
    /** The notebooks' door: a member API key instead of a session, refused in OpenAI's shape. */
    private static final String API_KEY_DOOR = "/v1/";

    private record Operation(String method, String path) {
        String key() {
            return method + " " + path;
        }

        /** A concrete URL: every path parameter becomes 1. */
        String url() {
            return path.replaceAll("\\{[^}]+}", "1");
        }

        String contentType() {
            return path.endsWith("/import") ? "text/csv" : "application/json";
        }
    }

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesWhoMayNotCallIt() {
        List<Operation> operations = operations();
        assertTrue(operations.size() > 60, "the OpenAPI document lists every operation: " + operations.size());
        Set<String> listed = operations.stream().map(Operation::key).collect(java.util.stream.Collectors.toSet());
        assertTrue(listed.containsAll(PUBLIC), "a public operation no longer exists: " + PUBLIC);

        String researcher = Api.newResearcher().token();
        String admin = Api.adminToken();
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : operations) {
            if (PUBLIC.contains(op.key())) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest("anonymous " + op.key() + " → 401", () -> {
                Response answer = RestAssured.given().redirects().follow(false).contentType(op.contentType())
                        .body("{}").request(op.method(), op.url());
                assertEquals(401, answer.statusCode(), op.key() + " answered " + answer.asString());
                String code = op.path().startsWith(API_KEY_DOOR) ? answer.jsonPath().getString("error.code")
                        : answer.jsonPath().getString("error");
                assertEquals(op.path().startsWith(API_KEY_DOOR) ? "invalid_api_key" : "unauthorized", code);
            }));
            if (op.path().startsWith(ADMIN)) {
                tests.add(DynamicTest.dynamicTest("researcher " + op.key() + " → 403", () ->
                        Api.as(researcher).contentType(op.contentType()).body("{}").request(op.method(), op.url())
                                .then().statusCode(403).body("error", org.hamcrest.Matchers.equalTo("forbidden"))));
                if (op.method().equals("GET")) {
                    tests.add(DynamicTest.dynamicTest("superadmin " + op.key() + " gets past the check", () -> {
                        int status = Api.as(admin).request(op.method(), op.url()).statusCode();
                        assertTrue(status != 401 && status != 403, op.key() + " answered the admin " + status);
                    }));
                }
            }
        }
        return tests.stream();
    }

    private static List<Operation> operations() {
        JsonPath document = JsonPath.from(RestAssured.given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .sorted()
                .forEach(m -> operations.add(new Operation(m.toUpperCase(Locale.ROOT), path))));
        operations.sort(java.util.Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }
}

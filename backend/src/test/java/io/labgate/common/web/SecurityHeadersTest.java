package io.labgate.common.web;

import io.labgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

/** The SPA's pages and the API's answers carry the security headers; other origins get no CORS grant. */
@QuarkusTest
class SecurityHeadersTest {

    private static void hasSecurityHeaders(Response response) {
        response.then()
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("object-src 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    /** The SPA is only bundled when it has been built; the headers are there either way. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/admin/members", "/me", "/favicon.svg"})
    void spaPagesCarryThem(String path) {
        Response page = RestAssured.given().redirects().follow(false).get(path);
        page.then().statusCode(anyOf(is(200), is(404)));
        hasSecurityHeaders(page);
    }

    @Test
    void apiAnswersAndErrorsCarryThem() {
        hasSecurityHeaders(Api.asAdmin().get("/api/auth/me"));
        hasSecurityHeaders(RestAssured.get("/api/admin/plans"));
        hasSecurityHeaders(RestAssured.given().contentType("application/json").body("{}").post("/v1/chat/completions"));
    }

    @Test
    void otherOriginsGetNoCorsGrant() {
        RestAssured.given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/auth/login")
                .then().header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Credentials", nullValue());
        Api.asAdmin().header("Origin", "https://evil.example").get("/api/auth/me")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
        RestAssured.given().header("Origin", "https://evil.example").contentType("application/json")
                .body("{}").post("/api/auth/login")
                .then().statusCode(400).header("Access-Control-Allow-Origin", nullValue());
    }
}

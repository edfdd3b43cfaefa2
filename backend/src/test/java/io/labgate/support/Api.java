package io.labgate.support;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test helpers that go through the real HTTP API: log in, create members, and build authorised requests.
 * The super-admin is the one the app creates on first start from the test profile's settings.
 */
public final class Api {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private static String adminToken;

    private Api() {
    }

    public static String login(String username, String password) {
        return RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/api/auth/login")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    public static synchronized String adminToken() {
        if (adminToken == null) {
            adminToken = login(ADMIN_USERNAME, ADMIN_PASSWORD);
        }
        return adminToken;
    }

    public static RequestSpecification asAdmin() {
        return as(adminToken());
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    /** A unique name for test data, so tests never depend on each other's rows. */
    public static String unique(String prefix) {
        return prefix + SEQUENCE.incrementAndGet();
    }

    /** A researcher created through the admin API; returns {id, username, password, token}. */
    public static TestMember newResearcher() {
        return newMember("researcher");
    }

    public static TestMember newMember(String role) {
        String username = unique("user");
        String password = "password-" + username;
        long id = asAdmin().body(Map.of("username", username, "email", username + "@lab.example",
                        "password", password, "role", role, "first_name", "Test", "last_name", username))
                .post("/api/admin/members")
                .then().statusCode(201)
                .extract().jsonPath().getLong("id");
        return new TestMember(id, username, password, login(username, password));
    }

    public record TestMember(long id, String username, String password, String token) {
    }
}

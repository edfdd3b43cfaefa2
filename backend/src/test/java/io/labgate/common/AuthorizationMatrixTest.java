package io.labgate.common;

import io.labgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.hamcrest.Matchers.equalTo;

/** Every admin endpoint: 401 without a token, 403 for a researcher — before any work is done. */
@QuarkusTest
class AuthorizationMatrixTest {

    private static String researcherToken;

    @BeforeEach
    void researcher() {
        if (researcherToken == null) {
            researcherToken = Api.newResearcher().token();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /api/admin/members",
            "POST, /api/admin/members",
            "GET, /api/admin/members/1",
            "PATCH, /api/admin/members/1",
            "DELETE, /api/admin/members/1",
            "POST, /api/admin/members/import",
            "POST, /api/admin/members/1/reset-password",
            "POST, /api/admin/members/1/sign-out",
            "GET, /api/admin/plans",
            "POST, /api/admin/plans",
            "GET, /api/admin/plans/1",
            "PUT, /api/admin/plans/1",
            "DELETE, /api/admin/plans/1",
            "GET, /api/admin/ai-settings",
            "POST, /api/admin/ai-settings",
            "GET, /api/admin/ai-settings/1",
            "PUT, /api/admin/ai-settings/1",
            "DELETE, /api/admin/ai-settings/1",
            "POST, /api/admin/ai-settings/1/test-connection",
            "POST, /api/admin/ai-settings/re-encrypt",
            "GET, /api/admin/user-ai-access",
            "POST, /api/admin/user-ai-access",
            "GET, /api/admin/user-ai-access/1",
            "GET, /api/admin/user-ai-access/members/1",
            "PATCH, /api/admin/user-ai-access/1",
            "DELETE, /api/admin/user-ai-access/1",
            "POST, /api/admin/user-ai-access/bulk-assign",
            "POST, /api/admin/user-ai-access/1/reset-usage",
            "GET, /api/admin/audit-log",
            "GET, /api/admin/model-prices",
            "POST, /api/admin/model-prices",
            "PUT, /api/admin/model-prices/1",
            "DELETE, /api/admin/model-prices/1",
            "GET, /api/admin/usage-settings",
            "GET, /api/admin/ai-usage-logs",
            "GET, /api/admin/ai-usage-logs/usage-statistics",
            "GET, /api/admin/billing",
            "GET, /api/admin/analytics",
            "PUT, /api/admin/usage-settings",
            "GET, /api/admin/alert-rules",
            "POST, /api/admin/alert-rules",
            "GET, /api/admin/alert-rules/1",
            "PUT, /api/admin/alert-rules/1",
            "DELETE, /api/admin/alert-rules/1",
            "GET, /api/admin/alert-channels",
            "POST, /api/admin/alert-channels",
            "GET, /api/admin/alert-channels/1",
            "PUT, /api/admin/alert-channels/1",
            "DELETE, /api/admin/alert-channels/1",
            "POST, /api/admin/alert-channels/1/test",
            "POST, /api/admin/alert-channels/re-encrypt",
            "GET, /api/admin/alert-deliveries",
    })
    void adminEndpointsNeedASuperadmin(String method, String path) {
        String type = path.endsWith("/import") ? "text/csv" : "application/json";
        RestAssured.given().contentType(type).body("{}").request(method, path)
                .then().statusCode(401).body("error", equalTo("unauthorized"));
        Api.as(researcherToken).contentType(type).body("{}").request(method, path)
                .then().statusCode(403).body("error", equalTo("forbidden"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"GET, /api/auth/me", "POST, /api/auth/logout", "POST, /api/auth/password", "GET, /api/me/access", "GET, /api/me/usage", "GET, /api/me/api-keys", "GET, /api/me/plans", "GET, /api/time-zone",
            "POST, /api/me/api-keys", "POST, /api/ai/chat", "POST, /api/ai/analysis", "POST, /api/ai/generation",
            "GET, /api/prompt-logs", "GET, /api/me/usage-logs", "POST, /api/prompt-logs", "GET, /api/prompt-logs/sessions",
            "GET, /api/prompt-logs/export", "DELETE, /api/prompt-logs/1", "DELETE, /api/prompt-logs/sessions/x",
            "GET, /api/me/budget", "PUT, /api/me/language", "GET, /api/notifications", "GET, /api/notifications/stream",
            "POST, /api/notifications/1/read", "POST, /api/notifications/read-all"})
    void memberEndpointsNeedAToken(String method, String path) {
        RestAssured.given().request(method, path).then().statusCode(401).body("error", equalTo("unauthorized"));
    }
}

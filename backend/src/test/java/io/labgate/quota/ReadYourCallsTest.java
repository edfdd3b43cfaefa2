package io.labgate.quota;

import io.labgate.support.Api;
import io.labgate.support.Researchers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/**
 * Calls are booked a flush after they end; a member who looks at their usage right after an answer still sees
 * it counted as it was used (not the reserved maximum), because their own reads wait for their own calls.
 */
@QuarkusTest
@TestProfile(ReadYourCallsTest.SlowFlush.class)
class ReadYourCallsTest {

    /** A flush interval long enough that a read right after the answer would come before it. */
    public static class SlowFlush implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("labgate.usage.flush-interval", "PT0.6S");
        }
    }

    @Test
    void usageReadRightAfterAnAnswerIncludesIt() {
        Researchers.Researcher r = Researchers.on(Map.of("max_tokens", 500), "basic");
        int total = Api.as(r.member().token())
                .body(Map.of("messages", List.of(Map.of("role", "user", "content", "count me now"))))
                .post("/api/ai/chat").then().statusCode(200).extract().path("usage.total_tokens");
        Api.as(r.member().token()).get("/api/me/access").then().statusCode(200)
                .body("tokens_used_month", equalTo(total)).body("requests_today", equalTo(1));
        String sse = Api.as(r.member().token())
                .body(Map.of("messages", List.of(Map.of("role", "user", "content", "and again")), "stream", true))
                .post("/api/ai/chat").then().statusCode(200).extract().asString();
        String done = sse.substring(sse.indexOf("event: done\ndata: ") + "event: done\ndata: ".length()).split("\n")[0];
        int streamed = JsonPath.from(done).getInt("usage.total_tokens");
        Api.as(r.member().token()).get("/api/me/usage").then().statusCode(200)
                .body("windows.find { it.window == 'month' && it.scope == 'plan' }.used", equalTo(total + streamed))
                .body("windows.find { it.window == 'day' && it.scope == 'plan' }.used", equalTo(2));
    }
}

package io.labgate.gateway;

import io.labgate.support.Api;
import io.labgate.support.Researchers;
import io.labgate.support.Researchers.Researcher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole answers on /v1 stay on the event loop once what they need is in memory: the first call of a new key reads
 * the key and the member's route from PostgreSQL on a virtual thread; the calls after it do not leave the event
 * loop. Counted by the labgate_gateway_moved meter.
 */
@QuarkusTest
class EventLoopCallsTest {

    @Test
    void aColdKeyMovesToAVirtualThreadOnceAndWarmCallsStayOnTheEventLoop() {
        // No limits anywhere: nothing is leased, so no grant can move a call either.
        String plan = Api.unique("unlimited");
        Api.asAdmin().body(Map.of("name", plan, "display_name", "Unlimited", "monthly_cost", 0,
                        "monthly_token_limit", 0, "daily_request_limit", 0, "features", List.of("chatbot")))
                .post("/api/admin/plans").then().statusCode(201);
        Researcher r = Researchers.on(Map.of(), plan);

        double before = moved();
        call(r, "첫 질문");
        double afterFirst = moved();
        assertTrue(afterFirst > before, "the first call reads its key and route from PostgreSQL");

        for (int i = 0; i < 20; i++) {
            call(r, "질문 " + i);
        }
        // Settings and prices are refreshed in the background when they age: no warm call waits for them.
        double warm = moved() - afterFirst;
        assertEquals(0, warm, "warm calls moved " + warm + " times");

        Api.as(r.member().token()).get("/api/me/usage").then().statusCode(200)
                .body("windows.find { it.window == 'day' && it.scope == 'plan' }.used", equalTo(21));
    }

    private static void call(Researcher r, String text) {
        RestAssured.given().header("Authorization", "Bearer " + r.key()).contentType("application/json")
                .body(Map.of("messages", List.of(Map.of("role", "user", "content", text))))
                .post("/v1/chat/completions").then().statusCode(200)
                .body("object", equalTo("chat.completion"))
                .body("choices[0].message.content", startsWith(""));
    }

    private static double moved() {
        return RestAssured.get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("labgate_gateway_moved_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}

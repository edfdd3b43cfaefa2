package io.labgate.plans;

import io.labgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class OfferedPlanResourceTest {

    private static void createPlan(String name, boolean active) {
        Api.asAdmin().body(Map.of("name", name, "display_name", name, "monthly_cost", 7,
                        "monthly_token_limit", 1000, "daily_request_limit", 10, "features", List.of("generation"),
                        "is_active", active))
                .post("/api/admin/plans").then().statusCode(201).body("is_active", equalTo(active));
    }

    @Test
    void aResearcherSeesTheActivePlansCheapestFirstWithWhatTheyInclude() {
        String hidden = Api.unique("retired");
        String offered = Api.unique("lab");
        createPlan(hidden, false);
        createPlan(offered, true);
        Api.TestMember researcher = Api.newResearcher();

        var response = Api.as(researcher.token()).get("/api/me/plans").then().statusCode(200)
                .body("name", hasItems("free", "basic", "premium", "enterprise", offered))
                .body("name", not(hasItem(hidden)))
                .body("find { it.name == 'free' }.features", equalTo(List.of("chatbot")))
                .body("find { it.name == 'basic' }.display_name", equalTo("기본형 ($10/월)"))
                .body("find { it.name == '" + offered + "' }.features", equalTo(List.of("generation")))
                .extract().jsonPath();

        List<Float> costs = response.getList("monthly_cost", Float.class);
        List<Float> sorted = costs.stream().sorted().toList();
        assertEquals(sorted, costs);
        // Only what a member may know: no ids, member counts or audit fields.
        Map<String, Object> first = response.getMap("[0]");
        assertEquals(List.of("daily_request_limit", "display_name", "features", "monthly_cost", "monthly_token_limit",
                "name"), first.keySet().stream().sorted().toList());
        assertFalse(first.containsKey("members_count"));
        assertEquals(0, BigDecimal.ZERO.compareTo(new BigDecimal(String.valueOf(costs.getFirst()))));
    }

    @Test
    void withoutAValidTokenItIs401() {
        RestAssured.given().get("/api/me/plans").then().statusCode(401).body("error", equalTo("unauthorized"));
        RestAssured.given().header("Authorization", "Bearer not-a-token").get("/api/me/plans")
                .then().statusCode(401);
    }
}

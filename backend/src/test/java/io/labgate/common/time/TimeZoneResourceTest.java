package io.labgate.common.time;

import io.labgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class TimeZoneResourceTest {

    @Test
    void everyMemberReadsThePlatformsZone() {
        Api.as(Api.newResearcher().token()).get("/api/time-zone").then().statusCode(200)
                .body("time_zone", equalTo("Asia/Seoul"));
        Api.asAdmin().get("/api/time-zone").then().statusCode(200).body("time_zone", equalTo("Asia/Seoul"));
    }

    @Test
    void withoutATokenItIs401() {
        RestAssured.given().get("/api/time-zone").then().statusCode(401).body("error", equalTo("unauthorized"));
    }
}

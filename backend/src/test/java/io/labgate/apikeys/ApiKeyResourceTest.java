package io.labgate.apikeys;

import io.labgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.MatcherAssert.assertThat;

@QuarkusTest
class ApiKeyResourceTest {

    @Test
    void theKeyIsShownOnceThenOnlyItsPrefix() {
        Api.TestMember m = Api.newResearcher();
        String key = Api.as(m.token()).body(Map.of("name", "laptop")).post("/api/me/api-keys")
                .then().statusCode(201)
                .body("key", startsWith("lg-"))
                .body("name", equalTo("laptop"))
                .extract().path("key");
        String list = Api.as(m.token()).get("/api/me/api-keys").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].prefix", equalTo(key.substring(0, 10)))
                .body("[0].key", nullValue())
                .extract().asString();
        assertThat(list, not(containsString(key)));
    }

    @Test
    void membersSeeAndRevokeOnlyTheirOwnKeys() {
        Api.TestMember owner = Api.newResearcher();
        Api.TestMember other = Api.newResearcher();
        int id = Api.as(owner.token()).body(Map.of("name", "k")).post("/api/me/api-keys").then().extract().path("id");
        Api.as(other.token()).get("/api/me/api-keys").then().body("$", hasSize(0));
        Api.as(other.token()).delete("/api/me/api-keys/" + id).then().statusCode(404);
        Api.as(owner.token()).delete("/api/me/api-keys/" + id).then().statusCode(204);
        Api.as(owner.token()).get("/api/me/api-keys").then().body("$", hasSize(0));
    }

    @Test
    void aNameIsRequired() {
        Api.TestMember m = Api.newResearcher();
        Api.as(m.token()).body(Map.of("name", " ")).post("/api/me/api-keys")
                .then().statusCode(400).body("violations[0].field", equalTo("name"));
    }
}

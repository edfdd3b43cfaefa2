package io.labgate.audit;

import io.labgate.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AuditResourceTest {

    @Test
    void adminChangesAreRecordedWithBeforeAndAfterAndNoSecrets() {
        Api.TestMember m = Api.newResearcher();
        Api.asAdmin().body(Map.of("first_name", "Audited", "password", "secret-password-xyz"))
                .patch("/api/admin/members/" + m.id()).then().statusCode(200);

        String body = Api.asAdmin().queryParam("entity_type", "member").queryParam("size", 50)
                .get("/api/admin/audit-log")
                .then().statusCode(200)
                .body("items[0].action", equalTo("member.update_with_password"))
                .body("items[0].actor", equalTo("admin"))
                .body("items[0].entity_id", equalTo((int) m.id()))
                .body("items[0].before.first_name", equalTo("Test"))
                .body("items[0].after.first_name", equalTo("Audited"))
                .body("items[1].action", equalTo("member.create"))
                .body("items[1].before", nullValue())
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(body, not(containsString("secret-password-xyz")));
        org.hamcrest.MatcherAssert.assertThat(body, not(containsString(m.password())));
        org.hamcrest.MatcherAssert.assertThat(body, not(containsString("$2a$")));
    }
}

package io.labgate.audit;

import io.agroal.api.AgroalDataSource;
import io.labgate.support.Researchers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A change committed by another replica takes effect here within a second: its transaction's NOTIFY reaches
 * this replica's listener, which drops the cached routes and keys (their time-to-live alone is 30 s).
 */
@QuarkusTest
class ChangeBroadcastTest {

    @Inject
    AgroalDataSource dataSource;

    private record Researcher(long memberId, long accessId, String key) {
    }

    private Researcher researcher() {
        Researchers.Researcher r = Researchers.on(Map.of("model_name", "sandbox-bcast"), "basic");
        return new Researcher(r.member().id(), r.accessId(), r.key());
    }

    private static int chat(String key) {
        return RestAssured.given().contentType("application/json").header("Authorization", "Bearer " + key)
                .body(Map.of("model", "x", "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .post("/v1/chat/completions").statusCode();
    }

    /** What another replica's service does: change a row and announce it, in one transaction. */
    private void otherReplicaCommits(String sql, long id, String payload) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement change = c.prepareStatement(sql);
                 PreparedStatement notify = c.prepareStatement("SELECT pg_notify('labgate_changes', ?)")) {
                change.setLong(1, id);
                assertEquals(1, change.executeUpdate());
                notify.setString(1, payload);
                notify.execute();
            }
            c.commit();
        }
    }

    /** Milliseconds until a call with the key answers {@code status}, or -1 if it does not within 1 s. */
    private static long millisUntil(String key, int status) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 1_000_000_000L) {
            if (chat(key) == status) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(20);
        }
        return -1;
    }

    @Test
    void aKeyRevokedOnAnotherReplicaIsRefusedHereWithinASecond() throws Exception {
        Researcher r = researcher();
        assertEquals(200, chat(r.key()));   // verified and cached here
        otherReplicaCommits("UPDATE member_api_keys SET revoked_at = now() WHERE member_id = ?", r.memberId(),
                "api_key.revoke|member_api_key|");
        long millis = millisUntil(r.key(), 401);
        assertTrue(millis >= 0, "the revoked key was still accepted a second later");
    }

    @Test
    void accessDisabledOnAnotherReplicaIsRefusedHereWithinASecond() throws Exception {
        Researcher r = researcher();
        assertEquals(200, chat(r.key()));   // route cached here
        otherReplicaCommits("UPDATE user_ai_access SET is_enabled = FALSE WHERE id = ?", r.accessId(),
                "access.update|user_ai_access|" + r.accessId());
        long millis = millisUntil(r.key(), 403);
        assertTrue(millis >= 0, "the disabled member could still call a second later");
        RestAssured.given().contentType("application/json").header("Authorization", "Bearer " + r.key())
                .body(Map.of("model", "x", "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .post("/v1/chat/completions").then().statusCode(403).body("error.code", equalTo("access_disabled"));
    }
}

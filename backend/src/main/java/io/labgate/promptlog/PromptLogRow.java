package io.labgate.promptlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A prompt-log entry the gateway records for an answered call, ready to be written with the call's usage row
 * in one transaction (text already cut to the content retention, defaults applied).
 */
public record PromptLogRow(long memberId, String source, String sessionId, String context, String userPrompt,
                           String aiResponse, OffsetDateTime loggedAt) {

    private static final String INSERT = """
            INSERT INTO prompt_logs (member_id, session_id, context, user_prompt, ai_response, source, logged_at,
                received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /** Inserts the rows in the caller's transaction. */
    public static void insertAll(Connection connection, List<PromptLogRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (PromptLogRow row : rows) {
                insert.setLong(1, row.memberId());
                insert.setString(2, row.sessionId());
                insert.setString(3, row.context());
                insert.setString(4, row.userPrompt());
                insert.setString(5, row.aiResponse());
                insert.setString(6, row.source());
                insert.setObject(7, row.loggedAt());
                insert.setObject(8, row.loggedAt());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}

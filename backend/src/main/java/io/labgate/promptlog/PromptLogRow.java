package io.labgate.promptlog;

import io.labgate.providers.TokenUsage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A prompt-log entry the gateway records for an answered call, ready to be written with the call's usage row
 * in one transaction (text already cut to the content retention, defaults applied). The model and token counts
 * are null until the call's usage is added ({@link #withUsage}).
 */
public record PromptLogRow(long memberId, String source, String sessionId, String context, String userPrompt,
                           String aiResponse, OffsetDateTime loggedAt, String model, Integer promptTokens,
                           Integer completionTokens) {

    private static final int MODEL_CHARS = 200;
    private static final String INSERT = """
            INSERT INTO prompt_logs (member_id, session_id, context, user_prompt, ai_response, source, logged_at,
                received_at, model, prompt_tokens, completion_tokens)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /** The row with the model that answered and the tokens the call took, as the usage log counts them. */
    public PromptLogRow withUsage(String answeringModel, TokenUsage usage) {
        String model = answeringModel == null || answeringModel.length() <= MODEL_CHARS ? answeringModel
                : answeringModel.substring(0, MODEL_CHARS);
        return new PromptLogRow(memberId, source, sessionId, context, userPrompt, aiResponse, loggedAt, model,
                clamp(usage.promptTokens()), clamp(usage.completionTokens()));
    }

    private static int clamp(long tokens) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, tokens));
    }

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
                insert.setString(9, row.model());
                insert.setObject(10, row.promptTokens(), Types.INTEGER);
                insert.setObject(11, row.completionTokens(), Types.INTEGER);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}

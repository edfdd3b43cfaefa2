package io.labgate.promptlog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** One prompt of the user's prompt logger: what was asked, in which context and session, and the answer. */
@Entity
@Table(name = "prompt_logs")
public class PromptLogEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "member_id")
    public Long memberId;

    @Column(name = "session_id")
    public String sessionId;

    /** The client's idempotency key; null for entries the gateway records itself. */
    @Column(name = "client_id")
    public String clientId;

    public String context;

    @Column(name = "user_prompt")
    public String userPrompt;

    @Column(name = "ai_response")
    public String aiResponse;

    /** app (the SPA's AI calls), api (/v1) or client (sent by a client's logger). */
    public String source;

    /** The model that answered; null for entries sent by a client's logger. */
    public String model;

    @Column(name = "prompt_tokens")
    public Integer promptTokens;

    @Column(name = "completion_tokens")
    public Integer completionTokens;

    @Column(name = "logged_at")
    public OffsetDateTime loggedAt;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}

-- The prompt log: what members asked and what the AI answered, per session, exportable as Markdown.
CREATE TABLE prompt_logs (
    id          BIGSERIAL PRIMARY KEY,
    member_id   BIGINT       NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    session_id  VARCHAR(100) NOT NULL,
    client_id   VARCHAR(100),
    context     VARCHAR(50)  NOT NULL DEFAULT 'general',
    user_prompt TEXT,
    ai_response TEXT,
    source      VARCHAR(10)  NOT NULL CHECK (source IN ('app', 'api', 'client')),
    logged_at   TIMESTAMPTZ  NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
-- A client retrying an entry with the same idempotency key never makes a duplicate.
CREATE UNIQUE INDEX prompt_logs_client_uq ON prompt_logs (member_id, client_id) WHERE client_id IS NOT NULL;
CREATE INDEX prompt_logs_member_time_idx ON prompt_logs (member_id, logged_at DESC);
CREATE INDEX prompt_logs_member_session_idx ON prompt_logs (member_id, session_id, logged_at);
CREATE INDEX prompt_logs_time_idx ON prompt_logs (logged_at DESC);

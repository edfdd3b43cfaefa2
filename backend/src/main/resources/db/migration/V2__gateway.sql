-- The AI gateway: request windows per provider setting, member API keys, model prices and usage logs.

-- Requests per provider setting per window (hour / day / month start in the configured zone), shared by
-- every member on that setting. One row per window; the reservation is a conditional upsert.
CREATE TABLE setting_usage_windows (
    ai_settings_id BIGINT      NOT NULL REFERENCES ai_settings (id) ON DELETE CASCADE,
    window_kind    VARCHAR(10) NOT NULL CHECK (window_kind IN ('hour', 'day', 'month')),
    window_start   TIMESTAMPTZ NOT NULL,
    requests       INTEGER     NOT NULL CHECK (requests >= 0),
    PRIMARY KEY (ai_settings_id, window_kind, window_start)
);

CREATE TABLE member_api_keys (
    id           BIGSERIAL PRIMARY KEY,
    member_id    BIGINT       NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    prefix       VARCHAR(16)  NOT NULL,
    key_hash     CHAR(64)     NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE UNIQUE INDEX member_api_keys_hash_uq ON member_api_keys (key_hash);
CREATE INDEX member_api_keys_member_idx ON member_api_keys (member_id, created_at DESC);

CREATE TABLE model_prices (
    id                     BIGSERIAL PRIMARY KEY,
    provider               VARCHAR(30)    NOT NULL,
    model                  VARCHAR(200)   NOT NULL,
    input_per_mtok         NUMERIC(12, 6) NOT NULL CHECK (input_per_mtok >= 0),
    output_per_mtok        NUMERIC(12, 6) NOT NULL CHECK (output_per_mtok >= 0),
    cached_input_per_mtok  NUMERIC(12, 6) CHECK (cached_input_per_mtok >= 0),
    cache_write_per_mtok   NUMERIC(12, 6) CHECK (cache_write_per_mtok >= 0),
    source                 VARCHAR(300)   NOT NULL,
    source_date            DATE           NOT NULL,
    updated_at             TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX model_prices_provider_model_uq ON model_prices (provider, lower(model));

CREATE TABLE usage_logs (
    id                BIGSERIAL PRIMARY KEY,
    created_at        TIMESTAMPTZ    NOT NULL,
    member_id         BIGINT REFERENCES members (id) ON DELETE SET NULL,
    ai_settings_id    BIGINT REFERENCES ai_settings (id) ON DELETE SET NULL,
    provider          VARCHAR(30),
    model             VARCHAR(200),
    request_type      VARCHAR(20)    NOT NULL,
    channel           VARCHAR(10)    NOT NULL,
    status            VARCHAR(20)    NOT NULL
        CHECK (status IN ('ok', 'error', 'refused', 'cancelled', 'incomplete')),
    stream            BOOLEAN        NOT NULL DEFAULT FALSE,
    prompt            TEXT,
    response          TEXT,
    prompt_tokens     INTEGER        NOT NULL DEFAULT 0,
    completion_tokens INTEGER        NOT NULL DEFAULT 0,
    cached_tokens     INTEGER        NOT NULL DEFAULT 0,
    reasoning_tokens  INTEGER        NOT NULL DEFAULT 0,
    total_tokens      INTEGER        NOT NULL DEFAULT 0,
    cost              NUMERIC(14, 6),
    latency_ms        INTEGER,
    ttft_ms           INTEGER,
    error             VARCHAR(500),
    client_ip         VARCHAR(64),
    user_agent        VARCHAR(500)
);
CREATE INDEX usage_logs_created_idx ON usage_logs (created_at DESC);
CREATE INDEX usage_logs_member_idx ON usage_logs (member_id, created_at DESC);
CREATE INDEX usage_logs_setting_idx ON usage_logs (ai_settings_id, created_at DESC);

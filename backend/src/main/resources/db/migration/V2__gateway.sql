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

-- Settings the super-admin changes at run time (e.g. how much prompt text usage logs keep).
CREATE TABLE app_settings (
    key        VARCHAR(100) PRIMARY KEY,
    value      VARCHAR(1000) NOT NULL,
    updated_at TIMESTAMPTZ   NOT NULL DEFAULT now()
);
INSERT INTO app_settings (key, value) VALUES ('content_retention', 'full');

-- USD per 1M tokens. Source: LiteLLM model_prices_and_context_window.json (BerriAI/litellm, MIT), read
-- 2026-08; the super-admin edits them at /api/admin/model-prices.
INSERT INTO model_prices (provider, model, input_per_mtok, output_per_mtok, cached_input_per_mtok, cache_write_per_mtok, source, source_date) VALUES
    ('openai',    'gpt-4o',            2.50,  10.00, 1.25,   NULL, 'LiteLLM model_prices_and_context_window.json', '2026-08-21'),
    ('openai',    'gpt-4o-mini',       0.15,   0.60, 0.075,  NULL, 'LiteLLM model_prices_and_context_window.json', '2026-07-24'),
    ('openai',    'gpt-4.1',           2.00,   8.00, 0.50,   NULL, 'LiteLLM model_prices_and_context_window.json', '2026-08-21'),
    ('openai',    'gpt-4.1-mini',      0.40,   1.60, 0.10,   NULL, 'LiteLLM model_prices_and_context_window.json', '2026-08-21'),
    ('openai',    'gpt-4.1-nano',      0.10,   0.40, 0.025,  NULL, 'LiteLLM model_prices_and_context_window.json', '2026-08-21'),
    ('openai',    'gpt-5',             1.25,  10.00, 0.125,  NULL, 'LiteLLM model_prices_and_context_window.json', '2026-08-21'),
    ('openai',    'gpt-5-mini',        0.25,   2.00, 0.025,  NULL, 'LiteLLM model_prices_and_context_window.json', '2026-07-24'),
    ('openai',    'gpt-5-nano',        0.05,   0.40, 0.005,  NULL, 'LiteLLM model_prices_and_context_window.json', '2026-07-24'),
    ('openai',    'gpt-5.4',           2.50,  15.00, 0.25,   NULL, 'LiteLLM model_prices_and_context_window.json', '2026-08-21'),
    ('openai',    'gpt-5.4-mini',      0.75,   4.50, 0.075,  NULL, 'LiteLLM model_prices_and_context_window.json', '2026-08-21'),
    ('anthropic', 'claude-haiku-4-5',  1.00,   5.00, 0.10,   1.25, 'LiteLLM model_prices_and_context_window.json', '2026-08-21'),
    ('anthropic', 'claude-sonnet-4-5', 3.00,  15.00, 0.30,   3.75, 'LiteLLM model_prices_and_context_window.json', '2026-08-21'),
    ('anthropic', 'claude-sonnet-4-6', 3.00,  15.00, 0.30,   3.75, 'LiteLLM model_prices_and_context_window.json', '2026-08-21'),
    ('anthropic', 'claude-opus-4-5',   5.00,  25.00, 0.50,   6.25, 'LiteLLM model_prices_and_context_window.json', '2026-08-21'),
    ('anthropic', 'claude-opus-4-6',   5.00,  25.00, 0.50,   6.25, 'LiteLLM model_prices_and_context_window.json', '2026-08-21'),
    ('gemini',    'gemini-2.5-flash',  0.30,   2.50, 0.03,   NULL, 'LiteLLM model_prices_and_context_window.json', '2026-07-24'),
    ('gemini',    'gemini-2.5-flash-lite', 0.10, 0.40, 0.01, NULL, 'LiteLLM model_prices_and_context_window.json', '2026-07-24'),
    ('gemini',    'gemini-2.5-pro',    1.25,  10.00, 0.125,  NULL, 'LiteLLM model_prices_and_context_window.json', '2026-08-21');

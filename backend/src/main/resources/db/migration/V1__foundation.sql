-- Members, plans, provider settings, member access and the admin audit trail.

CREATE TABLE members (
    id            BIGSERIAL PRIMARY KEY,
    username      VARCHAR(50)  NOT NULL,
    email         VARCHAR(255) NOT NULL,
    first_name    VARCHAR(100) NOT NULL DEFAULT '',
    last_name     VARCHAR(100) NOT NULL DEFAULT '',
    role          VARCHAR(20)  NOT NULL CHECK (role IN ('superadmin', 'researcher')),
    is_active     BOOLEAN      NOT NULL DEFAULT TRUE,
    password_hash VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX members_username_uq ON members (lower(username));
CREATE UNIQUE INDEX members_email_uq ON members (lower(email));

CREATE TABLE login_failures (
    id        BIGSERIAL PRIMARY KEY,
    username  VARCHAR(255) NOT NULL,
    failed_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX login_failures_username_time_idx ON login_failures (username, failed_at);

CREATE TABLE plans (
    id                  BIGSERIAL PRIMARY KEY,
    name                VARCHAR(50)    NOT NULL,
    display_name        VARCHAR(100)   NOT NULL,
    monthly_cost        NUMERIC(12, 2) NOT NULL CHECK (monthly_cost >= 0),
    monthly_token_limit BIGINT         NOT NULL CHECK (monthly_token_limit >= 0),
    daily_request_limit INTEGER        NOT NULL CHECK (daily_request_limit >= 0),
    features            JSONB          NOT NULL DEFAULT '[]',
    is_active           BOOLEAN        NOT NULL DEFAULT TRUE,
    created_at          TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX plans_name_uq ON plans (lower(name));

CREATE TABLE ai_settings (
    id                BIGSERIAL PRIMARY KEY,
    name              VARCHAR(100)  NOT NULL,
    provider          VARCHAR(30)   NOT NULL
        CHECK (provider IN ('openai', 'anthropic', 'gemini', 'openai_compatible', 'sandbox')),
    base_url          VARCHAR(500)  NOT NULL,
    api_key_encrypted TEXT,
    api_key_hint      VARCHAR(40),
    model_name        VARCHAR(200)  NOT NULL,
    max_tokens        INTEGER       NOT NULL CHECK (max_tokens > 0),
    temperature       NUMERIC(3, 2) NOT NULL CHECK (temperature >= 0 AND temperature <= 2),
    hourly_limit      INTEGER       NOT NULL CHECK (hourly_limit >= 0),
    daily_limit       INTEGER       NOT NULL CHECK (daily_limit >= 0),
    monthly_limit     INTEGER       NOT NULL CHECK (monthly_limit >= 0),
    is_active         BOOLEAN       NOT NULL DEFAULT TRUE,
    created_by        BIGINT REFERENCES members (id) ON DELETE SET NULL,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ai_settings_name_uq ON ai_settings (lower(name));

CREATE TABLE user_ai_access (
    id                        BIGSERIAL PRIMARY KEY,
    member_id                 BIGINT      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    plan_id                   BIGINT      NOT NULL REFERENCES plans (id),
    ai_settings_id            BIGINT REFERENCES ai_settings (id),
    is_enabled                BOOLEAN     NOT NULL DEFAULT TRUE,
    can_use_advanced_features BOOLEAN     NOT NULL DEFAULT FALSE,
    tokens_used_today         BIGINT      NOT NULL DEFAULT 0,
    tokens_used_month         BIGINT      NOT NULL DEFAULT 0,
    requests_today            INTEGER     NOT NULL DEFAULT 0,
    last_reset_date           DATE        NOT NULL DEFAULT CURRENT_DATE,
    assigned_by               BIGINT REFERENCES members (id) ON DELETE SET NULL,
    assigned_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at                TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX user_ai_access_member_uq ON user_ai_access (member_id);
CREATE INDEX user_ai_access_plan_idx ON user_ai_access (plan_id);
CREATE INDEX user_ai_access_settings_idx ON user_ai_access (ai_settings_id);

CREATE TABLE audit_log (
    id             BIGSERIAL PRIMARY KEY,
    actor_id       BIGINT,
    actor_username VARCHAR(50)  NOT NULL,
    action         VARCHAR(60)  NOT NULL,
    entity_type    VARCHAR(40)  NOT NULL,
    entity_id      BIGINT,
    before_state   JSONB,
    after_state    JSONB,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC, id DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, created_at DESC);

-- The user's four plans. Limits are starting points the super-admin edits.
INSERT INTO plans (name, display_name, monthly_cost, monthly_token_limit, daily_request_limit, features) VALUES
    ('free',       '무료 (제한적)',      0.00,     50000,   20, '["chatbot"]'),
    ('basic',      '기본형 ($10/월)',   10.00,  1000000,  200, '["chatbot", "analysis"]'),
    ('premium',    '프리미엄 ($30/월)', 30.00,  5000000, 1000, '["chatbot", "analysis", "generation"]'),
    ('enterprise', '기업형 ($100/월)', 100.00, 20000000, 5000, '["chatbot", "analysis", "generation", "advanced"]');

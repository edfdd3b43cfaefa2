-- Money budgets and usage alerts.

-- A plan's monthly cost budget in USD (0 = none) and the share of it at which members are warned; a member's
-- own budget overrides the plan's (NULL = the plan's). Spend is the month's usage_logs.cost in the platform's
-- zone, unpriced calls at labgate.budgets.fallback-usd-per-mtok (budgets/MemberSpend).
ALTER TABLE plans ADD COLUMN monthly_budget_usd NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (monthly_budget_usd >= 0);
ALTER TABLE plans ADD COLUMN budget_soft_percent SMALLINT NOT NULL DEFAULT 80
    CHECK (budget_soft_percent BETWEEN 1 AND 100);
ALTER TABLE user_ai_access ADD COLUMN monthly_budget_usd NUMERIC(12, 2) CHECK (monthly_budget_usd >= 0);

-- The language a member reads e-mails in.
ALTER TABLE members ADD COLUMN language VARCHAR(5) NOT NULL DEFAULT 'ko' CHECK (language IN ('ko', 'en'));

-- Since when the provider has been rejecting the setting's key (cleared with last_error): one alert per episode.
ALTER TABLE ai_settings ADD COLUMN key_failing_since TIMESTAMPTZ;

CREATE TABLE alert_channels (
    id                BIGSERIAL PRIMARY KEY,
    name              VARCHAR(100) NOT NULL,
    kind              VARCHAR(10)  NOT NULL CHECK (kind IN ('email', 'webhook')),
    enabled           BOOLEAN      NOT NULL DEFAULT TRUE,
    -- webhook
    url               VARCHAR(500),
    format            VARCHAR(10)  NOT NULL DEFAULT 'json' CHECK (format IN ('json', 'slack')),
    -- e-mail: fixed recipients, and whether a member also hears of their own limits
    recipients        JSONB        NOT NULL DEFAULT '[]',
    notify_member     BOOLEAN      NOT NULL DEFAULT FALSE,
    -- the language of the channel's texts where the recipient is not a member (webhooks, outside addresses)
    language          VARCHAR(5)   NOT NULL DEFAULT 'ko' CHECK (language IN ('ko', 'en')),
    -- e-mail through another SMTP server than the configured one (all NULL: quarkus.mailer.*)
    smtp_host         VARCHAR(255),
    smtp_port         INTEGER CHECK (smtp_port BETWEEN 1 AND 65535),
    smtp_username     VARCHAR(255),
    smtp_from         VARCHAR(255),
    smtp_start_tls    BOOLEAN      NOT NULL DEFAULT FALSE,
    -- the webhook's signing secret or the SMTP password: AES-256-GCM like provider keys, never returned
    secret_encrypted  TEXT,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX alert_channels_name_uq ON alert_channels (lower(name));

CREATE TABLE alert_rules (
    id             BIGSERIAL PRIMARY KEY,
    name           VARCHAR(100) NOT NULL,
    metric         VARCHAR(30)  NOT NULL CHECK (metric IN ('member_tokens', 'member_requests', 'member_cost',
                       'setting_requests', 'provider_key_rejected', 'provider_error_rate', 'usage_backlog')),
    -- percentages, ascending, each 1..100
    thresholds     JSONB        NOT NULL DEFAULT '[80, 100]',
    -- narrows the rule to members on this plan / this provider setting (and the setting itself)
    plan_id        BIGINT REFERENCES plans (id) ON DELETE CASCADE,
    ai_settings_id BIGINT REFERENCES ai_settings (id) ON DELETE CASCADE,
    -- provider_error_rate: calls in the span below which no rate is judged
    min_calls      INTEGER      NOT NULL DEFAULT 10 CHECK (min_calls >= 1),
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX alert_rules_name_uq ON alert_rules (lower(name));

CREATE TABLE alert_rule_channels (
    rule_id    BIGINT NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    channel_id BIGINT NOT NULL REFERENCES alert_channels (id) ON DELETE CASCADE,
    PRIMARY KEY (rule_id, channel_id)
);
CREATE INDEX alert_rule_channels_channel_idx ON alert_rule_channels (channel_id);

-- A rule fires once per threshold per subject per window: the first replica whose INSERT lands sends it,
-- every other one finds the row there. A new window (day, month, hour, key episode) has a new key: re-armed.
CREATE TABLE alert_firings (
    id         BIGSERIAL PRIMARY KEY,
    rule_id    BIGINT       NOT NULL REFERENCES alert_rules (id) ON DELETE CASCADE,
    subject    VARCHAR(80)  NOT NULL,
    window_key VARCHAR(40)  NOT NULL,
    threshold  SMALLINT     NOT NULL,
    -- what the notification, the e-mail and the webhook say: metric, subject, used, limit, percent, window
    event      JSONB        NOT NULL,
    fired_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX alert_firings_once_uq ON alert_firings (rule_id, subject, window_key, threshold);
CREATE INDEX alert_firings_fired_idx ON alert_firings (fired_at);

-- The in-app notification centre: one row per recipient.
CREATE TABLE notifications (
    id         BIGSERIAL PRIMARY KEY,
    member_id  BIGINT      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    firing_id  BIGINT      NOT NULL REFERENCES alert_firings (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at    TIMESTAMPTZ
);
CREATE INDEX notifications_member_idx ON notifications (member_id, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (member_id) WHERE read_at IS NULL;
CREATE INDEX notifications_firing_idx ON notifications (firing_id);

-- Outbox of e-mails and webhooks: written with the firing, sent by whichever replica claims the row.
CREATE TABLE alert_deliveries (
    id              BIGSERIAL PRIMARY KEY,
    firing_id       BIGINT REFERENCES alert_firings (id) ON DELETE CASCADE,
    channel_id      BIGINT       NOT NULL REFERENCES alert_channels (id) ON DELETE CASCADE,
    recipient       VARCHAR(255),
    language        VARCHAR(5)   NOT NULL DEFAULT 'ko',
    is_test         BOOLEAN      NOT NULL DEFAULT FALSE,
    status          VARCHAR(10)  NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    last_error      VARCHAR(300),
    last_status     INTEGER,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    claimed_until   TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ
);
CREATE INDEX alert_deliveries_due_idx ON alert_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX alert_deliveries_created_idx ON alert_deliveries (created_at DESC, id DESC);
CREATE INDEX alert_deliveries_channel_idx ON alert_deliveries (channel_id, created_at DESC);
CREATE INDEX alert_deliveries_firing_idx ON alert_deliveries (firing_id);

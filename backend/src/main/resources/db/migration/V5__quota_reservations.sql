-- Reservations with identity: every gateway call that passed its quota check has one row, settled or released
-- exactly once (a conditional UPDATE on its state). A reservation left open by a replica that stopped
-- heartbeating is swept: its reserved amount stays counted as spent and an 'abandoned' usage row says so.

CREATE TABLE gateway_replicas (
    id           UUID        PRIMARY KEY,
    started_at   TIMESTAMPTZ NOT NULL,
    heartbeat_at TIMESTAMPTZ NOT NULL,
    stopped_at   TIMESTAMPTZ
);

CREATE TABLE quota_reservations (
    id             UUID        PRIMARY KEY,
    replica_id     UUID        NOT NULL,
    access_id      BIGINT      NOT NULL REFERENCES user_ai_access (id) ON DELETE CASCADE,
    member_id      BIGINT      NOT NULL,
    ai_settings_id BIGINT      NOT NULL REFERENCES ai_settings (id) ON DELETE CASCADE,
    request_type   VARCHAR(20) NOT NULL,
    channel        VARCHAR(10) NOT NULL,
    -- The windows the reservation was counted in: the member's day (and its month), the setting's windows.
    counted_day    DATE        NOT NULL,
    hour_window    TIMESTAMPTZ,
    day_window     TIMESTAMPTZ,
    month_window   TIMESTAMPTZ,
    prompt_tokens  BIGINT      NOT NULL CHECK (prompt_tokens >= 0),
    tokens         BIGINT      NOT NULL CHECK (tokens >= 0),
    settled_tokens BIGINT,
    state          VARCHAR(10) NOT NULL DEFAULT 'reserved'
        CHECK (state IN ('reserved', 'settled', 'released', 'abandoned')),
    created_at     TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    resolved_at    TIMESTAMPTZ
);
-- The sweeper looks only at open reservations; resolved ones are purged after a few days.
CREATE INDEX quota_reservations_open_idx ON quota_reservations (replica_id, expires_at) WHERE state = 'reserved';
CREATE INDEX quota_reservations_resolved_idx ON quota_reservations (resolved_at) WHERE state <> 'reserved';

ALTER TABLE usage_logs DROP CONSTRAINT usage_logs_status_check;
ALTER TABLE usage_logs ADD CONSTRAINT usage_logs_status_check
    CHECK (status IN ('ok', 'error', 'refused', 'cancelled', 'incomplete', 'abandoned'));

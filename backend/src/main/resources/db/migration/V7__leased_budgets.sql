-- Leased budgets: each replica leases blocks of every limit it enforces and reserves against them in memory;
-- PostgreSQL keeps the committed counts (user_ai_access, setting_usage_windows) and the leases. Invariant, at
-- every instant and per counter window: committed + the sum of all leases <= limit. A grant checks it with the
-- counter's row locked; a flush moves what calls used from the lease to the counter (the sum does not change);
-- a return shrinks the lease. A reservation no longer has a row of its own: it lives, with its identity, in
-- the replica that holds the lease (QuotaReservation), and its end is written with the call's usage row.

DROP FUNCTION quota_reserve(UUID, UUID, BIGINT, BIGINT, BIGINT, VARCHAR, VARCHAR, DATE, BIGINT, BIGINT, INTEGER,
    BIGINT, TIMESTAMPTZ, INTEGER, TIMESTAMPTZ, INTEGER, TIMESTAMPTZ, INTEGER, TIMESTAMPTZ, TIMESTAMPTZ);
DROP TABLE quota_reservations;

CREATE TABLE quota_leases (
    -- member_day_requests | member_month_tokens (subject: user_ai_access.id)
    -- setting_hour_requests | setting_day_requests | setting_month_requests (subject: ai_settings.id)
    counter      VARCHAR(30) NOT NULL,
    subject_id   BIGINT      NOT NULL,
    window_start TIMESTAMPTZ NOT NULL,
    window_end   TIMESTAMPTZ NOT NULL,
    replica_id   UUID        NOT NULL,
    -- Granted, less what flushed calls used and what was returned. Below zero when answers used more than
    -- they reserved (the counter already holds that excess).
    amount       BIGINT      NOT NULL,
    granted_at   TIMESTAMPTZ NOT NULL,
    -- Set when the replica stopped heartbeating: the lease stays counted as spent until its window ends.
    forfeited_at TIMESTAMPTZ,
    PRIMARY KEY (counter, subject_id, window_start, replica_id)
);
CREATE INDEX quota_leases_replica_idx ON quota_leases (replica_id);
CREATE INDEX quota_leases_window_end_idx ON quota_leases (window_end);

-- Grants a lease on one counter window: at least p_need (else nothing — the call is refused), at most p_want,
-- and at most a quarter of the room left, so near a limit blocks shrink to what one call needs and no replica
-- holds what another could use. Returns what was granted and the room there was before it.
CREATE FUNCTION quota_lease_grant(
    p_counter VARCHAR, p_subject BIGINT, p_window_start TIMESTAMPTZ, p_window_end TIMESTAMPTZ, p_day DATE,
    p_replica UUID, p_limit BIGINT, p_need BIGINT, p_want BIGINT, p_now TIMESTAMPTZ,
    OUT granted BIGINT, OUT room BIGINT)
    LANGUAGE plpgsql AS
$$
DECLARE
    v_committed BIGINT;
    v_leased    BIGINT;
BEGIN
    granted := 0;
    room := 0;
    -- The counter's row is locked first, by grants and flushes alike: they serialize per counter.
    IF p_counter = 'member_day_requests' THEN
        SELECT CASE WHEN a.last_reset_date < p_day THEN 0 ELSE a.requests_today END INTO v_committed
          FROM user_ai_access a WHERE a.id = p_subject FOR UPDATE;
    ELSIF p_counter = 'member_month_tokens' THEN
        SELECT CASE WHEN date_trunc('month', a.last_reset_date) < date_trunc('month', p_day) THEN 0
                    ELSE a.tokens_used_month END INTO v_committed
          FROM user_ai_access a WHERE a.id = p_subject FOR UPDATE;
    ELSE
        INSERT INTO setting_usage_windows (ai_settings_id, window_kind, window_start, requests)
        VALUES (p_subject, split_part(p_counter, '_', 2), p_window_start, 0)
        ON CONFLICT DO NOTHING;
        SELECT w.requests INTO v_committed FROM setting_usage_windows w
         WHERE w.ai_settings_id = p_subject AND w.window_kind = split_part(p_counter, '_', 2)
           AND w.window_start = p_window_start FOR UPDATE;
    END IF;
    IF v_committed IS NULL THEN
        RETURN; -- the access or the setting is gone
    END IF;
    SELECT COALESCE(SUM(l.amount), 0) INTO v_leased FROM quota_leases l
     WHERE l.counter = p_counter AND l.subject_id = p_subject AND l.window_start = p_window_start;
    room := GREATEST(0, p_limit - v_committed - v_leased);
    IF room < p_need THEN
        RETURN;
    END IF;
    granted := LEAST(room, GREATEST(p_need, LEAST(p_want, room / 4)));
    INSERT INTO quota_leases AS l (counter, subject_id, window_start, window_end, replica_id, amount, granted_at)
    VALUES (p_counter, p_subject, p_window_start, p_window_end, p_replica, granted, p_now)
    ON CONFLICT (counter, subject_id, window_start, replica_id)
        DO UPDATE SET amount = l.amount + EXCLUDED.amount, granted_at = EXCLUDED.granted_at, forfeited_at = NULL;
END;
$$;

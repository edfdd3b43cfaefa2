-- The monthly cost budget is enforced like the token limit: a committed counter of what the member spent this
-- month, in whole micro-USD (integer, never floating point), leased to replicas as 'member_month_cost'
-- (quota_leases), so committed + leases <= the budget. It belongs to the month of last_reset_date, like
-- tokens_used_month; the ledger adds to it in the usage row's transaction (ReservationBook).
ALTER TABLE user_ai_access ADD COLUMN cost_used_month_micros BIGINT NOT NULL DEFAULT 0;

-- What members spent before this migration, in the month their counters belong to: the usage rows' cost
-- (rounded up to whole micro-USD, as the counter counts), calls of unpriced models at the configured fallback
-- price. The month starts at midnight of the 1st in the platform's zone (both values are the app's config).
UPDATE user_ai_access a
   SET cost_used_month_micros = spent.micros
  FROM (SELECT x.id,
               sum(CASE WHEN u.cost IS NOT NULL THEN ceil(u.cost * 1000000)
                        ELSE ceil(u.total_tokens * CAST('${fallback_usd_per_mtok}' AS numeric)) END) AS micros
          FROM user_ai_access x
          JOIN usage_logs u ON u.member_id = x.member_id
         WHERE u.created_at >= CAST(date_trunc('month', x.last_reset_date) AS timestamp) AT TIME ZONE '${time_zone}'
           AND u.created_at < CAST(date_trunc('month', x.last_reset_date) + INTERVAL '1 month' AS timestamp)
                              AT TIME ZONE '${time_zone}'
         GROUP BY x.id) spent
 WHERE a.id = spent.id;

-- quota_lease_grant as in V7, with the cost counter: its committed count is cost_used_month_micros, in the
-- month of the member's row (the same rule as member_month_tokens).
CREATE OR REPLACE FUNCTION quota_lease_grant(
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
    ELSIF p_counter = 'member_month_cost' THEN
        SELECT CASE WHEN date_trunc('month', a.last_reset_date) < date_trunc('month', p_day) THEN 0
                    ELSE a.cost_used_month_micros END INTO v_committed
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

-- A quota reservation in one statement (one network round trip instead of one per counter): the member's
-- counters, each limited window of the provider setting, and the reservation's row. All or nothing: a limit
-- that would be passed undoes what the call took so far and is named in the result; NULL means reserved.
-- Counter commits need not wait for their WAL flush (see QuotaService).
CREATE FUNCTION quota_reserve(
    p_id UUID, p_replica UUID, p_access BIGINT, p_member BIGINT, p_setting BIGINT, p_type VARCHAR, p_channel VARCHAR,
    p_today DATE, p_prompt_tokens BIGINT, p_tokens BIGINT, p_daily_requests INTEGER, p_monthly_tokens BIGINT,
    p_hour_start TIMESTAMPTZ, p_hour_limit INTEGER, p_day_start TIMESTAMPTZ, p_day_limit INTEGER,
    p_month_start TIMESTAMPTZ, p_month_limit INTEGER, p_now TIMESTAMPTZ, p_expires TIMESTAMPTZ)
    RETURNS VARCHAR
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM set_config('synchronous_commit', 'off', true);
    BEGIN
        UPDATE user_ai_access a SET
            requests_today = (CASE WHEN a.last_reset_date < p_today THEN 0 ELSE a.requests_today END) + 1,
            tokens_used_today = (CASE WHEN a.last_reset_date < p_today THEN 0 ELSE a.tokens_used_today END)
                + p_tokens,
            tokens_used_month = (CASE WHEN date_trunc('month', a.last_reset_date) < date_trunc('month', p_today)
                THEN 0 ELSE a.tokens_used_month END) + p_tokens,
            last_reset_date = GREATEST(a.last_reset_date, p_today),
            updated_at = now()
         WHERE a.id = p_access
           AND (p_daily_requests = 0
                OR (CASE WHEN a.last_reset_date < p_today THEN 0 ELSE a.requests_today END) + 1 <= p_daily_requests)
           AND (p_monthly_tokens = 0
                OR (CASE WHEN date_trunc('month', a.last_reset_date) < date_trunc('month', p_today)
                    THEN 0 ELSE a.tokens_used_month END) + p_tokens <= p_monthly_tokens);
        IF NOT FOUND THEN
            RETURN 'member';
        END IF;
        IF p_hour_limit > 0 THEN
            INSERT INTO setting_usage_windows AS w (ai_settings_id, window_kind, window_start, requests)
            VALUES (p_setting, 'hour', p_hour_start, 1)
            ON CONFLICT (ai_settings_id, window_kind, window_start)
                DO UPDATE SET requests = w.requests + 1 WHERE w.requests + 1 <= p_hour_limit;
            IF NOT FOUND THEN
                RAISE EXCEPTION USING ERRCODE = 'LG001', MESSAGE = 'hour';
            END IF;
        END IF;
        IF p_day_limit > 0 THEN
            INSERT INTO setting_usage_windows AS w (ai_settings_id, window_kind, window_start, requests)
            VALUES (p_setting, 'day', p_day_start, 1)
            ON CONFLICT (ai_settings_id, window_kind, window_start)
                DO UPDATE SET requests = w.requests + 1 WHERE w.requests + 1 <= p_day_limit;
            IF NOT FOUND THEN
                RAISE EXCEPTION USING ERRCODE = 'LG001', MESSAGE = 'day';
            END IF;
        END IF;
        IF p_month_limit > 0 THEN
            INSERT INTO setting_usage_windows AS w (ai_settings_id, window_kind, window_start, requests)
            VALUES (p_setting, 'month', p_month_start, 1)
            ON CONFLICT (ai_settings_id, window_kind, window_start)
                DO UPDATE SET requests = w.requests + 1 WHERE w.requests + 1 <= p_month_limit;
            IF NOT FOUND THEN
                RAISE EXCEPTION USING ERRCODE = 'LG001', MESSAGE = 'month';
            END IF;
        END IF;
        INSERT INTO quota_reservations (id, replica_id, access_id, member_id, ai_settings_id, request_type, channel,
            counted_day, hour_window, day_window, month_window, prompt_tokens, tokens, created_at, expires_at)
        VALUES (p_id, p_replica, p_access, p_member, p_setting, p_type, p_channel, p_today,
            CASE WHEN p_hour_limit > 0 THEN p_hour_start END, CASE WHEN p_day_limit > 0 THEN p_day_start END,
            CASE WHEN p_month_limit > 0 THEN p_month_start END, p_prompt_tokens, p_tokens, p_now, p_expires);
        RETURN NULL;
    EXCEPTION WHEN SQLSTATE 'LG001' THEN
        -- The block's work (the member's counters, earlier windows) is undone; say which window refused.
        RETURN SQLERRM;
    END;
END;
$$;

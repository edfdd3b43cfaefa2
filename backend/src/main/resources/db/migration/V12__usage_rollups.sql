-- Analytics: usage_logs summed per hour and per day, so a 90-day report reads thousands of rows, not millions.
-- The ledger adds each batch's calls to all four tables in the transaction that writes the calls' usage rows
-- (io.labgate.analytics.UsageRollups), so they always equal the sums over usage_logs. Rows are filled for the
-- usage_logs already there at the first start after this migration (the app's time zone is needed for the local
-- hours and days, which a migration does not know; RollupMaintenance); the same happens when labgate.time-zone
-- changes.

-- The plan the member was on when the call was made. No foreign key: a later deleted plan keeps its id here.
ALTER TABLE usage_logs ADD COLUMN plan_id BIGINT;

-- Whether the row is in the roll-ups. The ledger writes TRUE (it adds the row to them in the same transaction). A
-- writer that does not know the roll-ups — a replica of the previous version during a rolling upgrade — leaves the
-- default, FALSE, and a job adds such rows soon after (UsageRollups.catchUp). The rows already here count as TRUE:
-- the first start sums the whole table.
ALTER TABLE usage_logs ADD COLUMN rolled_up BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE usage_logs ALTER COLUMN rolled_up SET DEFAULT FALSE;
CREATE INDEX usage_logs_not_rolled_up_idx ON usage_logs (id) WHERE NOT rolled_up;

-- Keys: the local hour (its start) or the local date in labgate.time-zone, and the call's member, provider setting,
-- plan, provider, model, feature (request_type) and channel ('app' = the SPA, 'api' = /v1), as usage_logs holds them.
-- No foreign keys either: a deleted member's or setting's calls stay counted under their id.
-- Counts: requests = every logged call; refusals = status refused (a quota said no); errors = error, incomplete
-- and abandoned; cancelled = the client went away; unpriced = answered calls of a model without a price (cost null).
-- Latency histograms, of answered (ok) calls only: latency_bNN / ttft_bNN count the calls whose total time / time
-- to first token (streams only) falls in bucket NN of io.labgate.analytics.LatencyBuckets (upper bounds in ms:
-- 25 50 75 100 150 200 250 300 400 500 600 750 1000 1250 1500 2000 2500 3000 4000 5000 6000 7500 10000 12500
-- 15000 20000 25000 30000 40000 50000 60000 90000 120000 180000 300000, and the last bucket above that).
-- Percentiles are computed from the summed buckets: they cannot be summed themselves.
-- Each batch of the ledger updates the current hour's and day's rows: pages keep a quarter free, so those updates
-- stay on their page (HOT) and leave the indexes alone.
CREATE TABLE usage_rollup_hourly (
    hour_start         TIMESTAMPTZ    NOT NULL,
    member_id          BIGINT,
    ai_settings_id     BIGINT,
    plan_id            BIGINT,
    provider           VARCHAR(30),
    model              VARCHAR(200),
    request_type       VARCHAR(20)    NOT NULL,
    channel            VARCHAR(10)    NOT NULL,
    requests           INTEGER        NOT NULL,
    refusals           INTEGER        NOT NULL,
    errors             INTEGER        NOT NULL,
    cancelled          INTEGER        NOT NULL,
    prompt_tokens      BIGINT         NOT NULL,
    completion_tokens  BIGINT         NOT NULL,
    cached_tokens      BIGINT         NOT NULL,
    reasoning_tokens   BIGINT         NOT NULL,
    cost               NUMERIC(18, 6) NOT NULL,
    unpriced           INTEGER        NOT NULL,
    latency_b01 INT NOT NULL DEFAULT 0, latency_b02 INT NOT NULL DEFAULT 0, latency_b03 INT NOT NULL DEFAULT 0,
    latency_b04 INT NOT NULL DEFAULT 0, latency_b05 INT NOT NULL DEFAULT 0, latency_b06 INT NOT NULL DEFAULT 0,
    latency_b07 INT NOT NULL DEFAULT 0, latency_b08 INT NOT NULL DEFAULT 0, latency_b09 INT NOT NULL DEFAULT 0,
    latency_b10 INT NOT NULL DEFAULT 0, latency_b11 INT NOT NULL DEFAULT 0, latency_b12 INT NOT NULL DEFAULT 0,
    latency_b13 INT NOT NULL DEFAULT 0, latency_b14 INT NOT NULL DEFAULT 0, latency_b15 INT NOT NULL DEFAULT 0,
    latency_b16 INT NOT NULL DEFAULT 0, latency_b17 INT NOT NULL DEFAULT 0, latency_b18 INT NOT NULL DEFAULT 0,
    latency_b19 INT NOT NULL DEFAULT 0, latency_b20 INT NOT NULL DEFAULT 0, latency_b21 INT NOT NULL DEFAULT 0,
    latency_b22 INT NOT NULL DEFAULT 0, latency_b23 INT NOT NULL DEFAULT 0, latency_b24 INT NOT NULL DEFAULT 0,
    latency_b25 INT NOT NULL DEFAULT 0, latency_b26 INT NOT NULL DEFAULT 0, latency_b27 INT NOT NULL DEFAULT 0,
    latency_b28 INT NOT NULL DEFAULT 0, latency_b29 INT NOT NULL DEFAULT 0, latency_b30 INT NOT NULL DEFAULT 0,
    latency_b31 INT NOT NULL DEFAULT 0, latency_b32 INT NOT NULL DEFAULT 0, latency_b33 INT NOT NULL DEFAULT 0,
    latency_b34 INT NOT NULL DEFAULT 0, latency_b35 INT NOT NULL DEFAULT 0, latency_b36 INT NOT NULL DEFAULT 0,
    ttft_b01 INT NOT NULL DEFAULT 0, ttft_b02 INT NOT NULL DEFAULT 0, ttft_b03 INT NOT NULL DEFAULT 0,
    ttft_b04 INT NOT NULL DEFAULT 0, ttft_b05 INT NOT NULL DEFAULT 0, ttft_b06 INT NOT NULL DEFAULT 0,
    ttft_b07 INT NOT NULL DEFAULT 0, ttft_b08 INT NOT NULL DEFAULT 0, ttft_b09 INT NOT NULL DEFAULT 0,
    ttft_b10 INT NOT NULL DEFAULT 0, ttft_b11 INT NOT NULL DEFAULT 0, ttft_b12 INT NOT NULL DEFAULT 0,
    ttft_b13 INT NOT NULL DEFAULT 0, ttft_b14 INT NOT NULL DEFAULT 0, ttft_b15 INT NOT NULL DEFAULT 0,
    ttft_b16 INT NOT NULL DEFAULT 0, ttft_b17 INT NOT NULL DEFAULT 0, ttft_b18 INT NOT NULL DEFAULT 0,
    ttft_b19 INT NOT NULL DEFAULT 0, ttft_b20 INT NOT NULL DEFAULT 0, ttft_b21 INT NOT NULL DEFAULT 0,
    ttft_b22 INT NOT NULL DEFAULT 0, ttft_b23 INT NOT NULL DEFAULT 0, ttft_b24 INT NOT NULL DEFAULT 0,
    ttft_b25 INT NOT NULL DEFAULT 0, ttft_b26 INT NOT NULL DEFAULT 0, ttft_b27 INT NOT NULL DEFAULT 0,
    ttft_b28 INT NOT NULL DEFAULT 0, ttft_b29 INT NOT NULL DEFAULT 0, ttft_b30 INT NOT NULL DEFAULT 0,
    ttft_b31 INT NOT NULL DEFAULT 0, ttft_b32 INT NOT NULL DEFAULT 0, ttft_b33 INT NOT NULL DEFAULT 0,
    ttft_b34 INT NOT NULL DEFAULT 0, ttft_b35 INT NOT NULL DEFAULT 0, ttft_b36 INT NOT NULL DEFAULT 0
) WITH (fillfactor = 75);
CREATE UNIQUE INDEX usage_rollup_hourly_key ON usage_rollup_hourly (hour_start, COALESCE(member_id, 0),
    COALESCE(ai_settings_id, 0), COALESCE(plan_id, 0), COALESCE(provider, ''), COALESCE(model, ''), request_type,
    channel);
CREATE INDEX usage_rollup_hourly_member_idx ON usage_rollup_hourly (member_id, hour_start);

CREATE TABLE usage_rollup_daily (
    day                DATE           NOT NULL,
    member_id          BIGINT,
    ai_settings_id     BIGINT,
    plan_id            BIGINT,
    provider           VARCHAR(30),
    model              VARCHAR(200),
    request_type       VARCHAR(20)    NOT NULL,
    channel            VARCHAR(10)    NOT NULL,
    requests           INTEGER        NOT NULL,
    refusals           INTEGER        NOT NULL,
    errors             INTEGER        NOT NULL,
    cancelled          INTEGER        NOT NULL,
    prompt_tokens      BIGINT         NOT NULL,
    completion_tokens  BIGINT         NOT NULL,
    cached_tokens      BIGINT         NOT NULL,
    reasoning_tokens   BIGINT         NOT NULL,
    cost               NUMERIC(18, 6) NOT NULL,
    unpriced           INTEGER        NOT NULL,
    latency_b01 INT NOT NULL DEFAULT 0, latency_b02 INT NOT NULL DEFAULT 0, latency_b03 INT NOT NULL DEFAULT 0,
    latency_b04 INT NOT NULL DEFAULT 0, latency_b05 INT NOT NULL DEFAULT 0, latency_b06 INT NOT NULL DEFAULT 0,
    latency_b07 INT NOT NULL DEFAULT 0, latency_b08 INT NOT NULL DEFAULT 0, latency_b09 INT NOT NULL DEFAULT 0,
    latency_b10 INT NOT NULL DEFAULT 0, latency_b11 INT NOT NULL DEFAULT 0, latency_b12 INT NOT NULL DEFAULT 0,
    latency_b13 INT NOT NULL DEFAULT 0, latency_b14 INT NOT NULL DEFAULT 0, latency_b15 INT NOT NULL DEFAULT 0,
    latency_b16 INT NOT NULL DEFAULT 0, latency_b17 INT NOT NULL DEFAULT 0, latency_b18 INT NOT NULL DEFAULT 0,
    latency_b19 INT NOT NULL DEFAULT 0, latency_b20 INT NOT NULL DEFAULT 0, latency_b21 INT NOT NULL DEFAULT 0,
    latency_b22 INT NOT NULL DEFAULT 0, latency_b23 INT NOT NULL DEFAULT 0, latency_b24 INT NOT NULL DEFAULT 0,
    latency_b25 INT NOT NULL DEFAULT 0, latency_b26 INT NOT NULL DEFAULT 0, latency_b27 INT NOT NULL DEFAULT 0,
    latency_b28 INT NOT NULL DEFAULT 0, latency_b29 INT NOT NULL DEFAULT 0, latency_b30 INT NOT NULL DEFAULT 0,
    latency_b31 INT NOT NULL DEFAULT 0, latency_b32 INT NOT NULL DEFAULT 0, latency_b33 INT NOT NULL DEFAULT 0,
    latency_b34 INT NOT NULL DEFAULT 0, latency_b35 INT NOT NULL DEFAULT 0, latency_b36 INT NOT NULL DEFAULT 0,
    ttft_b01 INT NOT NULL DEFAULT 0, ttft_b02 INT NOT NULL DEFAULT 0, ttft_b03 INT NOT NULL DEFAULT 0,
    ttft_b04 INT NOT NULL DEFAULT 0, ttft_b05 INT NOT NULL DEFAULT 0, ttft_b06 INT NOT NULL DEFAULT 0,
    ttft_b07 INT NOT NULL DEFAULT 0, ttft_b08 INT NOT NULL DEFAULT 0, ttft_b09 INT NOT NULL DEFAULT 0,
    ttft_b10 INT NOT NULL DEFAULT 0, ttft_b11 INT NOT NULL DEFAULT 0, ttft_b12 INT NOT NULL DEFAULT 0,
    ttft_b13 INT NOT NULL DEFAULT 0, ttft_b14 INT NOT NULL DEFAULT 0, ttft_b15 INT NOT NULL DEFAULT 0,
    ttft_b16 INT NOT NULL DEFAULT 0, ttft_b17 INT NOT NULL DEFAULT 0, ttft_b18 INT NOT NULL DEFAULT 0,
    ttft_b19 INT NOT NULL DEFAULT 0, ttft_b20 INT NOT NULL DEFAULT 0, ttft_b21 INT NOT NULL DEFAULT 0,
    ttft_b22 INT NOT NULL DEFAULT 0, ttft_b23 INT NOT NULL DEFAULT 0, ttft_b24 INT NOT NULL DEFAULT 0,
    ttft_b25 INT NOT NULL DEFAULT 0, ttft_b26 INT NOT NULL DEFAULT 0, ttft_b27 INT NOT NULL DEFAULT 0,
    ttft_b28 INT NOT NULL DEFAULT 0, ttft_b29 INT NOT NULL DEFAULT 0, ttft_b30 INT NOT NULL DEFAULT 0,
    ttft_b31 INT NOT NULL DEFAULT 0, ttft_b32 INT NOT NULL DEFAULT 0, ttft_b33 INT NOT NULL DEFAULT 0,
    ttft_b34 INT NOT NULL DEFAULT 0, ttft_b35 INT NOT NULL DEFAULT 0, ttft_b36 INT NOT NULL DEFAULT 0
) WITH (fillfactor = 75);
CREATE UNIQUE INDEX usage_rollup_daily_key ON usage_rollup_daily (day, COALESCE(member_id, 0),
    COALESCE(ai_settings_id, 0), COALESCE(plan_id, 0), COALESCE(provider, ''), COALESCE(model, ''), request_type,
    channel);
CREATE INDEX usage_rollup_daily_member_idx ON usage_rollup_daily (member_id, day);

-- The daily sums of all members together: what the charts read when no member is asked for.
CREATE TABLE usage_rollup_daily_all (
    day                DATE           NOT NULL,
    ai_settings_id     BIGINT,
    plan_id            BIGINT,
    provider           VARCHAR(30),
    model              VARCHAR(200),
    request_type       VARCHAR(20)    NOT NULL,
    channel            VARCHAR(10)    NOT NULL,
    requests           INTEGER        NOT NULL,
    refusals           INTEGER        NOT NULL,
    errors             INTEGER        NOT NULL,
    cancelled          INTEGER        NOT NULL,
    prompt_tokens      BIGINT         NOT NULL,
    completion_tokens  BIGINT         NOT NULL,
    cached_tokens      BIGINT         NOT NULL,
    reasoning_tokens   BIGINT         NOT NULL,
    cost               NUMERIC(18, 6) NOT NULL,
    unpriced           INTEGER        NOT NULL,
    latency_b01 INT NOT NULL DEFAULT 0, latency_b02 INT NOT NULL DEFAULT 0, latency_b03 INT NOT NULL DEFAULT 0,
    latency_b04 INT NOT NULL DEFAULT 0, latency_b05 INT NOT NULL DEFAULT 0, latency_b06 INT NOT NULL DEFAULT 0,
    latency_b07 INT NOT NULL DEFAULT 0, latency_b08 INT NOT NULL DEFAULT 0, latency_b09 INT NOT NULL DEFAULT 0,
    latency_b10 INT NOT NULL DEFAULT 0, latency_b11 INT NOT NULL DEFAULT 0, latency_b12 INT NOT NULL DEFAULT 0,
    latency_b13 INT NOT NULL DEFAULT 0, latency_b14 INT NOT NULL DEFAULT 0, latency_b15 INT NOT NULL DEFAULT 0,
    latency_b16 INT NOT NULL DEFAULT 0, latency_b17 INT NOT NULL DEFAULT 0, latency_b18 INT NOT NULL DEFAULT 0,
    latency_b19 INT NOT NULL DEFAULT 0, latency_b20 INT NOT NULL DEFAULT 0, latency_b21 INT NOT NULL DEFAULT 0,
    latency_b22 INT NOT NULL DEFAULT 0, latency_b23 INT NOT NULL DEFAULT 0, latency_b24 INT NOT NULL DEFAULT 0,
    latency_b25 INT NOT NULL DEFAULT 0, latency_b26 INT NOT NULL DEFAULT 0, latency_b27 INT NOT NULL DEFAULT 0,
    latency_b28 INT NOT NULL DEFAULT 0, latency_b29 INT NOT NULL DEFAULT 0, latency_b30 INT NOT NULL DEFAULT 0,
    latency_b31 INT NOT NULL DEFAULT 0, latency_b32 INT NOT NULL DEFAULT 0, latency_b33 INT NOT NULL DEFAULT 0,
    latency_b34 INT NOT NULL DEFAULT 0, latency_b35 INT NOT NULL DEFAULT 0, latency_b36 INT NOT NULL DEFAULT 0,
    ttft_b01 INT NOT NULL DEFAULT 0, ttft_b02 INT NOT NULL DEFAULT 0, ttft_b03 INT NOT NULL DEFAULT 0,
    ttft_b04 INT NOT NULL DEFAULT 0, ttft_b05 INT NOT NULL DEFAULT 0, ttft_b06 INT NOT NULL DEFAULT 0,
    ttft_b07 INT NOT NULL DEFAULT 0, ttft_b08 INT NOT NULL DEFAULT 0, ttft_b09 INT NOT NULL DEFAULT 0,
    ttft_b10 INT NOT NULL DEFAULT 0, ttft_b11 INT NOT NULL DEFAULT 0, ttft_b12 INT NOT NULL DEFAULT 0,
    ttft_b13 INT NOT NULL DEFAULT 0, ttft_b14 INT NOT NULL DEFAULT 0, ttft_b15 INT NOT NULL DEFAULT 0,
    ttft_b16 INT NOT NULL DEFAULT 0, ttft_b17 INT NOT NULL DEFAULT 0, ttft_b18 INT NOT NULL DEFAULT 0,
    ttft_b19 INT NOT NULL DEFAULT 0, ttft_b20 INT NOT NULL DEFAULT 0, ttft_b21 INT NOT NULL DEFAULT 0,
    ttft_b22 INT NOT NULL DEFAULT 0, ttft_b23 INT NOT NULL DEFAULT 0, ttft_b24 INT NOT NULL DEFAULT 0,
    ttft_b25 INT NOT NULL DEFAULT 0, ttft_b26 INT NOT NULL DEFAULT 0, ttft_b27 INT NOT NULL DEFAULT 0,
    ttft_b28 INT NOT NULL DEFAULT 0, ttft_b29 INT NOT NULL DEFAULT 0, ttft_b30 INT NOT NULL DEFAULT 0,
    ttft_b31 INT NOT NULL DEFAULT 0, ttft_b32 INT NOT NULL DEFAULT 0, ttft_b33 INT NOT NULL DEFAULT 0,
    ttft_b34 INT NOT NULL DEFAULT 0, ttft_b35 INT NOT NULL DEFAULT 0, ttft_b36 INT NOT NULL DEFAULT 0
) WITH (fillfactor = 75);
CREATE UNIQUE INDEX usage_rollup_daily_all_key ON usage_rollup_daily_all (day, COALESCE(ai_settings_id, 0),
    COALESCE(plan_id, 0), COALESCE(provider, ''), COALESCE(model, ''), request_type, channel);

-- The daily sums per member and model alone: the member × model matrix and the members' totals of a report with no
-- other filter read this rather than the larger usage_rollup_daily.
CREATE TABLE usage_rollup_daily_member_model (
    day                DATE           NOT NULL,
    member_id          BIGINT,
    model              VARCHAR(200),
    requests           INTEGER        NOT NULL,
    refusals           INTEGER        NOT NULL,
    errors             INTEGER        NOT NULL,
    cancelled          INTEGER        NOT NULL,
    prompt_tokens      BIGINT         NOT NULL,
    completion_tokens  BIGINT         NOT NULL,
    cached_tokens      BIGINT         NOT NULL,
    reasoning_tokens   BIGINT         NOT NULL,
    cost               NUMERIC(18, 6) NOT NULL,
    unpriced           INTEGER        NOT NULL,
    latency_b01 INT NOT NULL DEFAULT 0, latency_b02 INT NOT NULL DEFAULT 0, latency_b03 INT NOT NULL DEFAULT 0,
    latency_b04 INT NOT NULL DEFAULT 0, latency_b05 INT NOT NULL DEFAULT 0, latency_b06 INT NOT NULL DEFAULT 0,
    latency_b07 INT NOT NULL DEFAULT 0, latency_b08 INT NOT NULL DEFAULT 0, latency_b09 INT NOT NULL DEFAULT 0,
    latency_b10 INT NOT NULL DEFAULT 0, latency_b11 INT NOT NULL DEFAULT 0, latency_b12 INT NOT NULL DEFAULT 0,
    latency_b13 INT NOT NULL DEFAULT 0, latency_b14 INT NOT NULL DEFAULT 0, latency_b15 INT NOT NULL DEFAULT 0,
    latency_b16 INT NOT NULL DEFAULT 0, latency_b17 INT NOT NULL DEFAULT 0, latency_b18 INT NOT NULL DEFAULT 0,
    latency_b19 INT NOT NULL DEFAULT 0, latency_b20 INT NOT NULL DEFAULT 0, latency_b21 INT NOT NULL DEFAULT 0,
    latency_b22 INT NOT NULL DEFAULT 0, latency_b23 INT NOT NULL DEFAULT 0, latency_b24 INT NOT NULL DEFAULT 0,
    latency_b25 INT NOT NULL DEFAULT 0, latency_b26 INT NOT NULL DEFAULT 0, latency_b27 INT NOT NULL DEFAULT 0,
    latency_b28 INT NOT NULL DEFAULT 0, latency_b29 INT NOT NULL DEFAULT 0, latency_b30 INT NOT NULL DEFAULT 0,
    latency_b31 INT NOT NULL DEFAULT 0, latency_b32 INT NOT NULL DEFAULT 0, latency_b33 INT NOT NULL DEFAULT 0,
    latency_b34 INT NOT NULL DEFAULT 0, latency_b35 INT NOT NULL DEFAULT 0, latency_b36 INT NOT NULL DEFAULT 0,
    ttft_b01 INT NOT NULL DEFAULT 0, ttft_b02 INT NOT NULL DEFAULT 0, ttft_b03 INT NOT NULL DEFAULT 0,
    ttft_b04 INT NOT NULL DEFAULT 0, ttft_b05 INT NOT NULL DEFAULT 0, ttft_b06 INT NOT NULL DEFAULT 0,
    ttft_b07 INT NOT NULL DEFAULT 0, ttft_b08 INT NOT NULL DEFAULT 0, ttft_b09 INT NOT NULL DEFAULT 0,
    ttft_b10 INT NOT NULL DEFAULT 0, ttft_b11 INT NOT NULL DEFAULT 0, ttft_b12 INT NOT NULL DEFAULT 0,
    ttft_b13 INT NOT NULL DEFAULT 0, ttft_b14 INT NOT NULL DEFAULT 0, ttft_b15 INT NOT NULL DEFAULT 0,
    ttft_b16 INT NOT NULL DEFAULT 0, ttft_b17 INT NOT NULL DEFAULT 0, ttft_b18 INT NOT NULL DEFAULT 0,
    ttft_b19 INT NOT NULL DEFAULT 0, ttft_b20 INT NOT NULL DEFAULT 0, ttft_b21 INT NOT NULL DEFAULT 0,
    ttft_b22 INT NOT NULL DEFAULT 0, ttft_b23 INT NOT NULL DEFAULT 0, ttft_b24 INT NOT NULL DEFAULT 0,
    ttft_b25 INT NOT NULL DEFAULT 0, ttft_b26 INT NOT NULL DEFAULT 0, ttft_b27 INT NOT NULL DEFAULT 0,
    ttft_b28 INT NOT NULL DEFAULT 0, ttft_b29 INT NOT NULL DEFAULT 0, ttft_b30 INT NOT NULL DEFAULT 0,
    ttft_b31 INT NOT NULL DEFAULT 0, ttft_b32 INT NOT NULL DEFAULT 0, ttft_b33 INT NOT NULL DEFAULT 0,
    ttft_b34 INT NOT NULL DEFAULT 0, ttft_b35 INT NOT NULL DEFAULT 0, ttft_b36 INT NOT NULL DEFAULT 0
) WITH (fillfactor = 75);
CREATE UNIQUE INDEX usage_rollup_daily_member_model_key ON usage_rollup_daily_member_model (day, COALESCE(member_id, 0),
    COALESCE(model, ''));

-- Billing: the plan-fee history members are billed from, month settings (exchange rate, VAT), and the frozen
-- statements of closed months.

-- Every plan a member held, with the fee as it was when the period began. A period ends when the plan changes,
-- access is disabled or removed, the member is deleted, or the plan's price changes (a new period at the new
-- fee begins at the same instant). member_id has no foreign key and the member's names are copied, so a deleted
-- member's months still bill and read as they did.
CREATE TABLE plan_assignments (
    id                BIGSERIAL PRIMARY KEY,
    member_id         BIGINT         NOT NULL,
    username          VARCHAR(50)    NOT NULL,
    first_name        VARCHAR(100)   NOT NULL DEFAULT '',
    last_name         VARCHAR(100)   NOT NULL DEFAULT '',
    email             VARCHAR(255)   NOT NULL DEFAULT '',
    plan_id           BIGINT REFERENCES plans (id) ON DELETE SET NULL,
    plan_name         VARCHAR(50)    NOT NULL,
    plan_display_name VARCHAR(100)   NOT NULL,
    monthly_fee       NUMERIC(12, 2) NOT NULL CHECK (monthly_fee >= 0),
    started_at        TIMESTAMPTZ    NOT NULL,
    ended_at          TIMESTAMPTZ,
    CHECK (ended_at IS NULL OR ended_at >= started_at)
);
-- At most one plan held at a time.
CREATE UNIQUE INDEX plan_assignments_open_uq ON plan_assignments (member_id) WHERE ended_at IS NULL;
CREATE INDEX plan_assignments_member_idx ON plan_assignments (member_id, started_at);
CREATE INDEX plan_assignments_period_idx ON plan_assignments (started_at, ended_at);
CREATE INDEX plan_assignments_plan_open_idx ON plan_assignments (plan_id) WHERE ended_at IS NULL;

-- History starts with each current enabled assignment, from when it was assigned.
INSERT INTO plan_assignments (member_id, username, first_name, last_name, email, plan_id, plan_name,
                              plan_display_name, monthly_fee, started_at)
SELECT m.id, m.username, m.first_name, m.last_name, m.email, p.id, p.name, p.display_name, p.monthly_cost,
       a.assigned_at
  FROM user_ai_access a JOIN members m ON m.id = a.member_id JOIN plans p ON p.id = a.plan_id
 WHERE a.is_enabled;

-- A deleted member's calls keep their member id (ids are never reused), so their cost stays on their statement
-- and on the month's totals; rows of members deleted before this migration stay without one.
ALTER TABLE usage_logs DROP CONSTRAINT IF EXISTS usage_logs_member_id_fkey;

-- A month's settings, written by the super-admin; the first day of the month is the key.
CREATE TABLE billing_months (
    month       DATE           PRIMARY KEY CHECK (extract(day FROM month) = 1),
    krw_per_usd NUMERIC(12, 4) CHECK (krw_per_usd > 0),
    apply_vat   BOOLEAN        NOT NULL DEFAULT FALSE,
    updated_at  TIMESTAMPTZ    NOT NULL DEFAULT now()
);

-- Each close of a month; a reopen ends it (with its reason) and the next close starts another. At most one
-- close stands per month.
CREATE TABLE billing_closings (
    id            BIGSERIAL    PRIMARY KEY,
    month         DATE         NOT NULL REFERENCES billing_months (month),
    closed_at     TIMESTAMPTZ  NOT NULL,
    closed_by     VARCHAR(50)  NOT NULL,
    totals        JSONB        NOT NULL,
    reopened_at   TIMESTAMPTZ,
    reopened_by   VARCHAR(50),
    reopen_reason VARCHAR(500),
    CHECK ((reopened_at IS NULL) = (reopen_reason IS NULL))
);
CREATE UNIQUE INDEX billing_closings_standing_uq ON billing_closings (month) WHERE reopened_at IS NULL;
CREATE INDEX billing_closings_month_idx ON billing_closings (month, closed_at);

-- The statements as they were when the month closed. Never changed: a reopen leaves them with their closing.
CREATE TABLE billing_statements (
    closing_id  BIGINT         NOT NULL REFERENCES billing_closings (id),
    member_id   BIGINT         NOT NULL,
    statement   JSONB          NOT NULL,
    PRIMARY KEY (closing_id, member_id)
);
CREATE INDEX billing_statements_member_idx ON billing_statements (member_id);

CREATE FUNCTION billing_statements_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'statements of a closed month are never changed';
END $$;
CREATE TRIGGER billing_statements_frozen BEFORE UPDATE OR DELETE ON billing_statements
    FOR EACH ROW EXECUTE FUNCTION billing_statements_frozen();

-- Sessions that can be revoked: every access token carries its member's token_version; raising it (logout,
-- a password change or reset, a new role, deactivation, "sign out everywhere") ends every token issued before.
ALTER TABLE members ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;

-- Login throttling as one counter per username and per client address, claimed by a single conditional
-- upsert before a password is checked, so concurrent attempts on any number of replicas cannot pass the
-- limit together. Replaces the per-failure rows, which were counted before and written after the check.
DROP TABLE login_failures;

CREATE TABLE login_throttle (
    scope        VARCHAR(10)  NOT NULL CHECK (scope IN ('username', 'address')),
    subject      VARCHAR(255) NOT NULL,
    attempts     INTEGER      NOT NULL CHECK (attempts >= 0),
    window_start TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (scope, subject)
);
-- The hourly clean-up deletes windows that have ended.
CREATE INDEX login_throttle_window_idx ON login_throttle (window_start);

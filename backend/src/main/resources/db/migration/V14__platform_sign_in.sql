-- Sign-in from the host platform (OIDC and token exchange). A member created by it has no LabGate password.
ALTER TABLE members ALTER COLUMN password_hash DROP NOT NULL;

-- Who a member is at the platform: the issuer and subject of their ID token or exchanged JWT. A platform identity
-- belongs to one member; signing in again finds the member by it, never by a name or an e-mail that may change.
CREATE TABLE member_identities (
    id              BIGSERIAL PRIMARY KEY,
    member_id       BIGINT       NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    issuer          VARCHAR(500) NOT NULL,
    subject         VARCHAR(255) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_sign_in_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX member_identities_subject_uq ON member_identities (issuer, subject);
CREATE INDEX member_identities_member_idx ON member_identities (member_id);

-- The OIDC callback hands the browser a one-time code in an HttpOnly cookie; the SPA exchanges it once for a
-- session on whichever replica it reaches. Only the code's SHA-256 is kept, for a minute or two.
CREATE TABLE sign_in_handoffs (
    code_hash  CHAR(64)    PRIMARY KEY,
    member_id  BIGINT      NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX sign_in_handoffs_expiry_idx ON sign_in_handoffs (expires_at);

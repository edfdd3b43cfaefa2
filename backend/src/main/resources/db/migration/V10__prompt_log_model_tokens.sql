-- The development log shows, per prompt, the model that answered and the tokens it took. The gateway fills them
-- for the calls it records; entries sent by a client's logger leave them empty.
ALTER TABLE prompt_logs
    ADD COLUMN model             VARCHAR(200),
    ADD COLUMN prompt_tokens     INTEGER,
    ADD COLUMN completion_tokens INTEGER;

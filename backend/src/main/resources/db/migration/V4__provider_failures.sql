-- The last time a provider rejected the platform's key for this setting, shown to the super-admin until the
-- key is replaced or a connection test passes.
ALTER TABLE ai_settings ADD COLUMN last_error VARCHAR(300);
ALTER TABLE ai_settings ADD COLUMN last_error_at TIMESTAMPTZ;

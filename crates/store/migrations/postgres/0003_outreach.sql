-- Organisation kinds, the outreach pipeline (stage, owner, next step) with the full
-- history of stage changes, and the normalised name used to warn of duplicates.

ALTER TABLE organisations ADD COLUMN kind TEXT NOT NULL DEFAULT 'other';
ALTER TABLE organisations ADD COLUMN stage TEXT NOT NULL DEFAULT 'prospect';
ALTER TABLE organisations ADD COLUMN stage_changed_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE organisations ADD COLUMN owner_id TEXT REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE organisations ADD COLUMN next_step TEXT;
ALTER TABLE organisations ADD COLUMN next_step_due TEXT;
ALTER TABLE organisations ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
CREATE INDEX organisations_name_key ON organisations (name_key, country);
CREATE INDEX organisations_stage ON organisations (stage, stage_changed_at);
CREATE INDEX organisations_owner ON organisations (owner_id, next_step_due);

CREATE TABLE stage_changes (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    from_stage      TEXT,
    to_stage        TEXT NOT NULL,
    at              BIGINT NOT NULL,
    by_label        TEXT NOT NULL,
    note            TEXT
);
CREATE INDEX stage_changes_organisation ON stage_changes (organisation_id, id);

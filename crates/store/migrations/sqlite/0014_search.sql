-- Search across every area: one row per record and language, in the app's matching
-- form (tadamun_core::search::index_form), indexed by FTS5. FTS5 keys rows by an
-- integer, hence the integer id of this derived table.
CREATE TABLE search_entries (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL,
    record_id       TEXT NOT NULL,
    lang            TEXT NOT NULL,
    visibility      TEXT NOT NULL CHECK (visibility IN ('public', 'network', 'restricted')),
    organisation_id TEXT,
    title           TEXT NOT NULL,
    body            TEXT NOT NULL,
    search_text     TEXT NOT NULL
);
CREATE INDEX search_entries_record ON search_entries (kind, record_id);

-- The form holds letters and digits separated by spaces: unicode61 only splits it.
CREATE VIRTUAL TABLE search_fts USING fts5(
    search_text,
    content = 'search_entries',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER search_entries_insert AFTER INSERT ON search_entries BEGIN
    INSERT INTO search_fts (rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER search_entries_delete AFTER DELETE ON search_entries BEGIN
    INSERT INTO search_fts (search_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;

-- The version of the matching form the entries were made with: a newer one rebuilds.
CREATE TABLE search_state (form_version BIGINT NOT NULL);
INSERT INTO search_state (form_version) VALUES (0);

-- People: activists, journalists, lawyers, public figures. A pseudonymous person is
-- shown by alias to everyone but coordinators, so they have two search columns:
-- search_text (what anyone who may see them may search: alias for pseudonymous
-- people) and search_full (every name, for coordinators).

CREATE TABLE people (
    id            TEXT PRIMARY KEY,
    display_name  TEXT NOT NULL,
    pseudonymous  BIGINT NOT NULL DEFAULT 0 CHECK (pseudonymous IN (0, 1)),
    alias         TEXT,
    country       TEXT,
    languages     TEXT NOT NULL DEFAULT '',
    public_figure TEXT,
    email         TEXT,
    phone         TEXT,
    signal        TEXT,
    other_contact TEXT,
    consent_scope TEXT,
    consent_date  TEXT,
    note          TEXT,
    visibility    TEXT NOT NULL CHECK (visibility IN ('public', 'network', 'restricted')),
    search_text   TEXT NOT NULL,
    search_full   TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE INDEX people_country ON people (country);

CREATE TABLE affiliations (
    person_id       TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role            TEXT,
    PRIMARY KEY (person_id, organisation_id)
);
CREATE INDEX affiliations_organisation ON affiliations (organisation_id);

-- Expansion targets: "Africa: 25 member organisations by 2027-06-30".

CREATE TABLE expansion_targets (
    id         TEXT PRIMARY KEY,
    region     TEXT NOT NULL,
    counts     TEXT NOT NULL CHECK (counts IN ('members', 'partners', 'members_partners')),
    focus      TEXT REFERENCES focus_areas (code) ON DELETE SET NULL,
    target     BIGINT NOT NULL CHECK (target > 0),
    deadline   TEXT NOT NULL,
    note       TEXT,
    created_at BIGINT NOT NULL
);

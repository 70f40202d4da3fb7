-- Plans: a tree of plan → objectives → initiatives → actions (every item knows the
-- plan at its root, so a plan's whole tree is one indexed read), dependencies between
-- actions, indicators with baseline and target, and their dated measurements. A
-- corrected measurement is kept, pointing at the one that replaced it.

CREATE TABLE plan_items (
    id          TEXT PRIMARY KEY,
    plan_id     TEXT NOT NULL,
    level       TEXT NOT NULL CHECK (level IN ('plan', 'objective', 'initiative', 'action')),
    parent_id   TEXT REFERENCES plan_items (id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    title_lang  TEXT NOT NULL,
    titles      TEXT NOT NULL DEFAULT '{}',
    description TEXT,
    owner_kind  TEXT,
    owner_id    TEXT,
    start_date  TEXT,
    due_date    TEXT,
    status      TEXT NOT NULL,
    weight      BIGINT NOT NULL,
    percent     BIGINT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX plan_items_plan ON plan_items (plan_id, id);
CREATE INDEX plan_items_parent ON plan_items (parent_id);
CREATE INDEX plan_items_due ON plan_items (status, due_date);

CREATE TABLE plan_dependencies (
    before_id TEXT NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
    after_id  TEXT NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
    PRIMARY KEY (before_id, after_id)
);
CREATE INDEX plan_dependencies_after ON plan_dependencies (after_id);

CREATE TABLE indicators (
    id             TEXT PRIMARY KEY,
    item_id        TEXT REFERENCES plan_items (id) ON DELETE SET NULL,
    name           TEXT NOT NULL,
    name_lang      TEXT NOT NULL,
    names          TEXT NOT NULL DEFAULT '{}',
    unit           TEXT NOT NULL,
    direction      TEXT NOT NULL CHECK (direction IN ('increase', 'decrease')),
    baseline_value REAL NOT NULL,
    baseline_date  TEXT NOT NULL,
    target_value   REAL NOT NULL,
    target_date    TEXT NOT NULL,
    source         TEXT,
    responsible_id TEXT REFERENCES people (id) ON DELETE SET NULL,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX indicators_item ON indicators (item_id);

CREATE TABLE measurements (
    id           TEXT PRIMARY KEY,
    indicator_id TEXT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    date         TEXT NOT NULL,
    value        REAL NOT NULL,
    source       TEXT,
    note         TEXT,
    entered_by   TEXT NOT NULL,
    entered_at   BIGINT NOT NULL,
    replaced_by  TEXT
);
CREATE INDEX measurements_indicator ON measurements (indicator_id, date);

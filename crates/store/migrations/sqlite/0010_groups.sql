-- Working groups with their members, meetings with their attendees and action items
-- (each of which may become a plan action), and the recommendations register: each
-- recommendation's status history and the plan items that carry it out.

CREATE TABLE working_groups (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_lang   TEXT NOT NULL,
    names       TEXT NOT NULL DEFAULT '{}',
    mandate     TEXT,
    mandates    TEXT NOT NULL DEFAULT '{}',
    lead_id     TEXT REFERENCES people (id) ON DELETE SET NULL,
    focus       TEXT,
    regions     TEXT NOT NULL DEFAULT ';',
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE group_people (
    group_id  TEXT NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, person_id)
);
CREATE INDEX group_people_person ON group_people (person_id);

CREATE TABLE group_users (
    group_id TEXT NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_users_user ON group_users (user_id);

CREATE TABLE meetings (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('consultative', 'workshop', 'group_meeting')),
    title       TEXT NOT NULL,
    title_lang  TEXT NOT NULL,
    titles      TEXT NOT NULL DEFAULT '{}',
    start_at    BIGINT NOT NULL,
    time_zone   TEXT NOT NULL,
    duration    BIGINT NOT NULL,
    link        TEXT,
    place       TEXT,
    group_id    TEXT REFERENCES working_groups (id) ON DELETE SET NULL,
    agenda      TEXT NOT NULL DEFAULT '[]',
    minutes     TEXT,
    decisions   TEXT NOT NULL DEFAULT '[]',
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX meetings_start ON meetings (start_at, id);
CREATE INDEX meetings_group ON meetings (group_id, start_at);

CREATE TABLE meeting_people (
    meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, person_id)
);
CREATE INDEX meeting_people_person ON meeting_people (person_id);

CREATE TABLE meeting_organisations (
    meeting_id      TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, organisation_id)
);
CREATE INDEX meeting_organisations_organisation ON meeting_organisations (organisation_id);

CREATE TABLE meeting_actions (
    id           TEXT PRIMARY KEY,
    meeting_id   TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    text         TEXT NOT NULL,
    owner_kind   TEXT,
    owner_id     TEXT,
    due_date     TEXT,
    plan_item_id TEXT REFERENCES plan_items (id) ON DELETE SET NULL,
    created_at   BIGINT NOT NULL
);
CREATE INDEX meeting_actions_meeting ON meeting_actions (meeting_id, id);
CREATE INDEX meeting_actions_owner ON meeting_actions (owner_kind, owner_id);

CREATE TABLE recommendations (
    id         TEXT PRIMARY KEY,
    text       TEXT NOT NULL,
    text_lang  TEXT NOT NULL,
    texts      TEXT NOT NULL DEFAULT '{}',
    meeting_id TEXT REFERENCES meetings (id) ON DELETE SET NULL,
    theme      TEXT NOT NULL CHECK (theme IN ('media', 'legal', 'economic', 'grassroots', 'expansion', 'coordination', 'other')),
    group_id   TEXT REFERENCES working_groups (id) ON DELETE SET NULL,
    status     TEXT NOT NULL CHECK (status IN ('proposed', 'adopted', 'in_progress', 'implemented', 'dropped')),
    status_at  BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX recommendations_status ON recommendations (status, id);
CREATE INDEX recommendations_group ON recommendations (group_id, id);
CREATE INDEX recommendations_meeting ON recommendations (meeting_id);

CREATE TABLE recommendation_changes (
    id                TEXT PRIMARY KEY,
    recommendation_id TEXT NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    from_status       TEXT,
    to_status         TEXT NOT NULL,
    reason            TEXT,
    at                BIGINT NOT NULL,
    by_label          TEXT NOT NULL
);
CREATE INDEX recommendation_changes_recommendation ON recommendation_changes (recommendation_id, at, id);

CREATE TABLE recommendation_items (
    recommendation_id TEXT NOT NULL REFERENCES recommendations (id) ON DELETE CASCADE,
    item_id           TEXT NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
    linked_at         BIGINT NOT NULL,
    PRIMARY KEY (recommendation_id, item_id)
);
CREATE INDEX recommendation_items_item ON recommendation_items (item_id);

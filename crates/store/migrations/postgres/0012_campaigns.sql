-- Campaigns with their organisers (working groups, organisations), the plan items
-- and indicators they answer to, and their targets with demands and outcomes.
-- Dates of a day are `YYYY-MM-DD` text; regions and languages are `;a;b;` lists.

CREATE TABLE campaigns (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_lang   TEXT NOT NULL,
    names       TEXT NOT NULL DEFAULT '{}',
    kind        TEXT NOT NULL CHECK (kind IN ('media', 'advocacy', 'legal', 'economic', 'grassroots')),
    goals       TEXT,
    goals_tr    TEXT NOT NULL DEFAULT '{}',
    start_date  TEXT NOT NULL,
    end_date    TEXT,
    regions     TEXT NOT NULL DEFAULT '',
    languages   TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX campaigns_start ON campaigns (start_date, id);
CREATE INDEX campaigns_kind ON campaigns (kind, start_date);

CREATE TABLE campaign_groups (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    group_id    TEXT NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, group_id)
);
CREATE INDEX campaign_groups_group ON campaign_groups (group_id);

CREATE TABLE campaign_organisations (
    campaign_id     TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, organisation_id)
);
CREATE INDEX campaign_organisations_organisation ON campaign_organisations (organisation_id);

CREATE TABLE campaign_items (
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    item_id     TEXT NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, item_id)
);
CREATE INDEX campaign_items_item ON campaign_items (item_id);

CREATE TABLE campaign_indicators (
    campaign_id  TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    indicator_id TEXT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    PRIMARY KEY (campaign_id, indicator_id)
);
CREATE INDEX campaign_indicators_indicator ON campaign_indicators (indicator_id);

CREATE TABLE campaign_targets (
    id           TEXT PRIMARY KEY,
    campaign_id  TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('company', 'institution', 'government', 'other')),
    country      TEXT,
    demands      TEXT,
    outcome      TEXT NOT NULL CHECK (outcome IN ('open', 'won', 'partial', 'lost')),
    outcome_date TEXT,
    evidence     TEXT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX campaign_targets_campaign ON campaign_targets (campaign_id, id);
CREATE INDEX campaign_targets_outcome ON campaign_targets (outcome, outcome_date);

-- Content items in their source language, their translations (a row once a
-- translation is written, assigned or moved; a campaign language without a row is
-- missing), and each translation's history of states.
CREATE TABLE content_items (
    id          TEXT PRIMARY KEY,
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('social_post', 'article', 'press_release', 'video_script', 'newsletter', 'fact_sheet', 'other')),
    channel     TEXT NOT NULL CHECK (channel IN ('website', 'x', 'instagram', 'facebook', 'tiktok', 'youtube', 'telegram', 'whatsapp', 'newsletter', 'press')),
    source_lang TEXT NOT NULL,
    title       TEXT NOT NULL,
    body        TEXT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX content_items_campaign ON content_items (campaign_id, id);

CREATE TABLE translations (
    item_id     TEXT NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    title       TEXT,
    body        TEXT,
    state       TEXT NOT NULL CHECK (state IN ('missing', 'draft', 'in_review', 'approved', 'published')),
    outdated    BIGINT NOT NULL DEFAULT 0,
    assignee_id TEXT REFERENCES users (id) ON DELETE SET NULL,
    due_date    TEXT,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (item_id, lang)
);
CREATE INDEX translations_assignee ON translations (assignee_id, state);
CREATE INDEX translations_due ON translations (state, due_date);

CREATE TABLE translation_changes (
    id         TEXT PRIMARY KEY,
    item_id    TEXT NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
    lang       TEXT NOT NULL,
    from_state TEXT NOT NULL,
    to_state   TEXT NOT NULL,
    at         BIGINT NOT NULL,
    by_label   TEXT NOT NULL
);
CREATE INDEX translation_changes_translation ON translation_changes (item_id, lang, at, id);

-- The publishing schedule: an item in one language on one channel at a local time
-- in its zone, its link once published, and its reach.
CREATE TABLE publications (
    id          TEXT PRIMARY KEY,
    item_id     TEXT NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,
    campaign_id TEXT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    channel     TEXT NOT NULL,
    start_at    BIGINT NOT NULL,
    time_zone   TEXT NOT NULL,
    url         TEXT,
    impressions BIGINT,
    engagements BIGINT,
    clicks      BIGINT,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX publications_item ON publications (item_id, start_at);
CREATE INDEX publications_start ON publications (start_at, id);

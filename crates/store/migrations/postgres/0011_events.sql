-- Events and virtual seminars: the start as a UTC instant with the zone it was
-- entered in (and the end, so overlaps are one range test), the place or link,
-- languages and audience regions as `;a;b;` lists, and the speakers and organisers.
-- Registrations with the waiting list: `events.registered` counts the places taken
-- and is changed only by conditional updates, so two servers never give away the
-- same last place. The server's secrets (the key that signs cancel links) live in
-- the database, so every app server signs and checks the same links.

CREATE TABLE events (
    id                  TEXT PRIMARY KEY,
    kind                TEXT NOT NULL CHECK (kind IN ('seminar', 'webinar', 'workshop', 'conference', 'protest', 'vigil', 'meeting')),
    title               TEXT NOT NULL,
    title_lang          TEXT NOT NULL,
    titles              TEXT NOT NULL DEFAULT '{}',
    description         TEXT,
    descriptions        TEXT NOT NULL DEFAULT '{}',
    start_at            BIGINT NOT NULL,
    end_at              BIGINT NOT NULL,
    time_zone           TEXT NOT NULL,
    duration            BIGINT NOT NULL,
    link                TEXT,
    country             TEXT,
    city                TEXT,
    languages           TEXT NOT NULL DEFAULT ';',
    interpretation      TEXT NOT NULL DEFAULT ';',
    regions             TEXT NOT NULL DEFAULT ';',
    visibility          TEXT NOT NULL CHECK (visibility IN ('public', 'network')),
    capacity            BIGINT,
    registration_opens  BIGINT,
    registration_closes BIGINT,
    registered          BIGINT NOT NULL DEFAULT 0,
    sequence            BIGINT NOT NULL DEFAULT 0,
    cancelled_at        BIGINT,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL
);
CREATE INDEX events_start ON events (start_at, id);
CREATE INDEX events_visibility_start ON events (visibility, start_at, id);

CREATE TABLE event_speakers (
    event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, person_id)
);
CREATE INDEX event_speakers_person ON event_speakers (person_id);

CREATE TABLE event_organisations (
    event_id        TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, organisation_id)
);
CREATE INDEX event_organisations_organisation ON event_organisations (organisation_id);

CREATE TABLE event_groups (
    event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    group_id TEXT NOT NULL REFERENCES working_groups (id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, group_id)
);
CREATE INDEX event_groups_group ON event_groups (group_id);

CREATE TABLE event_registrations (
    id         TEXT PRIMARY KEY,
    event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL,
    country    TEXT NOT NULL,
    lang       TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('registered', 'waiting', 'cancelled')),
    attended   BIGINT NOT NULL DEFAULT 0,
    consent_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX event_registrations_email ON event_registrations (event_id, email) WHERE status <> 'cancelled';
CREATE INDEX event_registrations_event ON event_registrations (event_id, status, created_at, id);

CREATE TABLE server_secrets (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE calendar_tokens (
    user_id    TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

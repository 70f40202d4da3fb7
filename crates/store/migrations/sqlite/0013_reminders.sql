-- Reminders: a queue of e-mail jobs and the record of what was sent.
--
-- A job is claimed by a conditional UPDATE that sets a lease; when the lease runs out
-- (a worker died), another worker may claim it again. One job is one message to one
-- recipient, named by (kind, occurrence, recipient), so the scheduler enqueues each
-- at most once however many workers run its pass.
--
-- `sent_reminders` is written, and committed, before a message is handed to the
-- SMTP server: a second worker holding the same job after a lease ran out finds the
-- row and skips, so nobody gets a message twice. A failed send removes the row again
-- so the retry may send.

CREATE TABLE jobs (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    occurrence   TEXT NOT NULL,
    recipient    TEXT NOT NULL,
    payload      TEXT NOT NULL DEFAULT '{}',
    state        TEXT NOT NULL CHECK (state IN ('queued', 'done', 'failed', 'skipped')),
    run_at       BIGINT NOT NULL,
    attempts     BIGINT NOT NULL DEFAULT 0,
    max_attempts BIGINT NOT NULL,
    lease_until  BIGINT,
    claimed_by   TEXT,
    last_error   TEXT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE UNIQUE INDEX jobs_key ON jobs (kind, occurrence, recipient);
CREATE INDEX jobs_due ON jobs (state, run_at, id);

CREATE TABLE sent_reminders (
    kind       TEXT NOT NULL,
    occurrence TEXT NOT NULL,
    recipient  TEXT NOT NULL,
    job_id     TEXT NOT NULL,
    message_id TEXT NOT NULL,
    sent_at    BIGINT NOT NULL,
    PRIMARY KEY (kind, occurrence, recipient)
);

-- A user without a row gets the weekly digest.
CREATE TABLE reminder_settings (
    user_id       TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    weekly_digest BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);

-- Uploaded import files, kept between the preview and the commit so that the person
-- importing never has to upload twice, and so that any app server can commit what
-- another previewed. A commit marks the row, so a second submit creates nothing.

CREATE TABLE import_uploads (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    filename     TEXT NOT NULL,
    content      TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    committed_at BIGINT
);
CREATE INDEX import_uploads_user ON import_uploads (user_id, created_at);

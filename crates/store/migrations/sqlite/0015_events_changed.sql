-- The latest change of any event, read on every request for a calendar feed to tell
-- whether the feed rendered before still stands (see store::events::version).
CREATE INDEX events_updated ON events (updated_at);

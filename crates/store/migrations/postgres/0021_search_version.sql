-- The search index: what a search reads (store::search keeps results while this
-- version stands). Raised once per transaction (0018): a reindex of every record
-- raises it once.
INSERT INTO data_versions (area, version) VALUES ('search', 0);
CREATE CONSTRAINT TRIGGER search_entries_version AFTER INSERT OR UPDATE OR DELETE ON search_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('search');

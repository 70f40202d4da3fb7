-- The search index: what a search reads (store::search keeps results while this
-- version stands). Raised once per transaction, as it commits, like the plans'
-- version (0017): a reindex of every record raises it once.
INSERT INTO data_versions (area, version) VALUES ('search', 0);

CREATE FUNCTION search_version_up() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('tadamun.search_version_up', true) IS DISTINCT FROM 'done' THEN
        UPDATE data_versions SET version = version + 1 WHERE area = 'search';
        PERFORM set_config('tadamun.search_version_up', 'done', true);
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER search_entries_version AFTER INSERT OR UPDATE OR DELETE ON search_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION search_version_up();

-- Organisations: what the coverage counts are made from (store::coverage keeps the
-- counts while this version stands). Raised once per transaction, as it commits,
-- like the plans' version (0017): an import of thousands of rows raises it once.
INSERT INTO data_versions (area, version) VALUES ('organisations', 0);

CREATE FUNCTION organisations_version_up() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('tadamun.organisations_version_up', true) IS DISTINCT FROM 'done' THEN
        UPDATE data_versions SET version = version + 1 WHERE area = 'organisations';
        PERFORM set_config('tadamun.organisations_version_up', 'done', true);
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER organisations_version AFTER INSERT OR UPDATE OR DELETE ON organisations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION organisations_version_up();

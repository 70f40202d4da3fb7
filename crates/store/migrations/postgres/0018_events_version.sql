-- Events and who speaks at and organises them: what calendars show (the shared
-- calendar keeps its rendered grid while this version stands). Raised once per
-- transaction, as it commits, like the plans' version (0017).
INSERT INTO data_versions (area, version) VALUES ('events', 0);

CREATE FUNCTION events_version_up() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('tadamun.events_version_up', true) IS DISTINCT FROM 'done' THEN
        UPDATE data_versions SET version = version + 1 WHERE area = 'events';
        PERFORM set_config('tadamun.events_version_up', 'done', true);
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER events_version AFTER INSERT OR UPDATE OR DELETE ON events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION events_version_up();
CREATE CONSTRAINT TRIGGER event_speakers_version AFTER INSERT OR UPDATE OR DELETE ON event_speakers
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION events_version_up();
CREATE CONSTRAINT TRIGGER event_organisations_version AFTER INSERT OR UPDATE OR DELETE ON event_organisations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION events_version_up();
CREATE CONSTRAINT TRIGGER event_groups_version AFTER INSERT OR UPDATE OR DELETE ON event_groups
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION events_version_up();

-- Feeds read this version now, not the latest change of any event (0015).
DROP INDEX events_updated;

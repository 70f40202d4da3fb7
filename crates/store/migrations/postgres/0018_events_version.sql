-- Raises the version of the area the trigger names, once per transaction, as it
-- commits (see 0017 for why not at each statement). One function for every area;
-- the plans' triggers move to it too.
CREATE FUNCTION data_version_up() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('tadamun.version_up_' || TG_ARGV[0], true) IS DISTINCT FROM 'done' THEN
        UPDATE data_versions SET version = version + 1 WHERE area = TG_ARGV[0];
        PERFORM set_config('tadamun.version_up_' || TG_ARGV[0], 'done', true);
    END IF;
    RETURN NULL;
END;
$$;

-- Plans (0017), now through the shared function.
DROP TRIGGER plan_items_version ON plan_items;
CREATE CONSTRAINT TRIGGER plan_items_version AFTER INSERT OR UPDATE OR DELETE ON plan_items
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('plans');
DROP TRIGGER plan_dependencies_version ON plan_dependencies;
CREATE CONSTRAINT TRIGGER plan_dependencies_version AFTER INSERT OR UPDATE OR DELETE ON plan_dependencies
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('plans');
DROP TRIGGER indicators_version ON indicators;
CREATE CONSTRAINT TRIGGER indicators_version AFTER INSERT OR UPDATE OR DELETE ON indicators
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('plans');
DROP TRIGGER measurements_version ON measurements;
CREATE CONSTRAINT TRIGGER measurements_version AFTER INSERT OR UPDATE OR DELETE ON measurements
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('plans');
DROP FUNCTION plans_version_up();

-- Events and who speaks at and organises them: what calendars show (the shared
-- calendar keeps its rendered grid while this version stands).
INSERT INTO data_versions (area, version) VALUES ('events', 0);
CREATE CONSTRAINT TRIGGER events_version AFTER INSERT OR UPDATE OR DELETE ON events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('events');
CREATE CONSTRAINT TRIGGER event_speakers_version AFTER INSERT OR UPDATE OR DELETE ON event_speakers
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('events');
CREATE CONSTRAINT TRIGGER event_organisations_version AFTER INSERT OR UPDATE OR DELETE ON event_organisations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('events');
CREATE CONSTRAINT TRIGGER event_groups_version AFTER INSERT OR UPDATE OR DELETE ON event_groups
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('events');

-- Feeds read this version now, not the latest change of any event (0015).
DROP INDEX events_updated;

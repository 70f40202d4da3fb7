-- A version per area of data that readers keep derived results of (store::versions):
-- every write to the area's tables raises it in the same transaction, by trigger, so
-- no code path can change the data and leave a kept result looking current.
CREATE TABLE data_versions (
    area    TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO data_versions (area, version) VALUES ('plans', 0);

-- Plans: their items, the dependencies between them, indicators and measurements.
-- Raised once per transaction, as it commits: a trigger run at each statement would
-- hold the version's row from the first write to the commit, and two transactions
-- writing the same items in turn would each wait for the other.
CREATE FUNCTION plans_version_up() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('tadamun.plans_version_up', true) IS DISTINCT FROM 'done' THEN
        UPDATE data_versions SET version = version + 1 WHERE area = 'plans';
        PERFORM set_config('tadamun.plans_version_up', 'done', true);
    END IF;
    RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER plan_items_version AFTER INSERT OR UPDATE OR DELETE ON plan_items
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION plans_version_up();
CREATE CONSTRAINT TRIGGER plan_dependencies_version AFTER INSERT OR UPDATE OR DELETE ON plan_dependencies
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION plans_version_up();
CREATE CONSTRAINT TRIGGER indicators_version AFTER INSERT OR UPDATE OR DELETE ON indicators
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION plans_version_up();
CREATE CONSTRAINT TRIGGER measurements_version AFTER INSERT OR UPDATE OR DELETE ON measurements
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION plans_version_up();

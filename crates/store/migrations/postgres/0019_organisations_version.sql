-- Organisations: what the coverage counts are made from (store::coverage keeps the
-- counts while this version stands). Raised once per transaction (0018): an import
-- of thousands of rows raises it once.
INSERT INTO data_versions (area, version) VALUES ('organisations', 0);
CREATE CONSTRAINT TRIGGER organisations_version AFTER INSERT OR UPDATE OR DELETE ON organisations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('organisations');

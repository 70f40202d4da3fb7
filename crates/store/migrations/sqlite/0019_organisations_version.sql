-- Organisations: what the coverage counts are made from (store::coverage keeps the
-- counts while this version stands).
INSERT INTO data_versions (area, version) VALUES ('organisations', 0);
CREATE TRIGGER organisations_insert_version AFTER INSERT ON organisations BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'organisations';
END;
CREATE TRIGGER organisations_update_version AFTER UPDATE ON organisations BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'organisations';
END;
CREATE TRIGGER organisations_delete_version AFTER DELETE ON organisations BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'organisations';
END;

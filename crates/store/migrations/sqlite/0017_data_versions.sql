-- A version per area of data that readers keep derived results of (store::versions):
-- every write to the area's tables raises it in the same transaction, by trigger, so
-- no code path can change the data and leave a kept result looking current.
CREATE TABLE data_versions (
    area    TEXT PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO data_versions (area, version) VALUES ('plans', 0);

-- Plans: their items, the dependencies between them, indicators and measurements.
CREATE TRIGGER plan_items_insert_version AFTER INSERT ON plan_items BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'plans';
END;
CREATE TRIGGER plan_items_update_version AFTER UPDATE ON plan_items BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'plans';
END;
CREATE TRIGGER plan_items_delete_version AFTER DELETE ON plan_items BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'plans';
END;
CREATE TRIGGER plan_dependencies_insert_version AFTER INSERT ON plan_dependencies BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'plans';
END;
CREATE TRIGGER plan_dependencies_update_version AFTER UPDATE ON plan_dependencies BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'plans';
END;
CREATE TRIGGER plan_dependencies_delete_version AFTER DELETE ON plan_dependencies BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'plans';
END;
CREATE TRIGGER indicators_insert_version AFTER INSERT ON indicators BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'plans';
END;
CREATE TRIGGER indicators_update_version AFTER UPDATE ON indicators BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'plans';
END;
CREATE TRIGGER indicators_delete_version AFTER DELETE ON indicators BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'plans';
END;
CREATE TRIGGER measurements_insert_version AFTER INSERT ON measurements BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'plans';
END;
CREATE TRIGGER measurements_update_version AFTER UPDATE ON measurements BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'plans';
END;
CREATE TRIGGER measurements_delete_version AFTER DELETE ON measurements BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'plans';
END;

-- The search index: what a search reads (store::search keeps results while this
-- version stands).
INSERT INTO data_versions (area, version) VALUES ('search', 0);
CREATE TRIGGER search_entries_insert_version AFTER INSERT ON search_entries BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'search';
END;
CREATE TRIGGER search_entries_update_version AFTER UPDATE ON search_entries BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'search';
END;
CREATE TRIGGER search_entries_delete_version AFTER DELETE ON search_entries BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'search';
END;

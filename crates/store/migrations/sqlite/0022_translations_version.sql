-- Translations: what a campaign's translation matrix shows besides its campaign and
-- content items (the web layer keeps the matrix while this version and the
-- campaigns' stand). An area of their own: translators write them all day, and the
-- editorial calendar and the lists of campaigns do not show them.
INSERT INTO data_versions (area, version) VALUES ('translations', 0);
CREATE TRIGGER translations_insert_version AFTER INSERT ON translations BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'translations';
END;
CREATE TRIGGER translations_update_version AFTER UPDATE ON translations BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'translations';
END;
CREATE TRIGGER translations_delete_version AFTER DELETE ON translations BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'translations';
END;

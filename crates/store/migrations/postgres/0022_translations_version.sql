-- Translations: what a campaign's translation matrix shows besides its campaign and
-- content items (the web layer keeps the matrix while this version and the
-- campaigns' stand). An area of their own: translators write them all day, and the
-- editorial calendar and the lists of campaigns do not show them. Raised once per
-- transaction (0018).
INSERT INTO data_versions (area, version) VALUES ('translations', 0);
CREATE CONSTRAINT TRIGGER translations_version AFTER INSERT OR UPDATE OR DELETE ON translations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('translations');

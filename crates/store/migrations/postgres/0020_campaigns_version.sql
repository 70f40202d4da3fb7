-- Campaigns, their links, content items and their scheduled publications: what the
-- editorial calendar shows (the web layer keeps its rendered grid while this version
-- stands). Not translations: they are written all day and the calendar does not
-- show them.
INSERT INTO data_versions (area, version) VALUES ('campaigns', 0);
CREATE CONSTRAINT TRIGGER campaigns_version AFTER INSERT OR UPDATE OR DELETE ON campaigns
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('campaigns');
CREATE CONSTRAINT TRIGGER campaign_groups_version AFTER INSERT OR UPDATE OR DELETE ON campaign_groups
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('campaigns');
CREATE CONSTRAINT TRIGGER campaign_organisations_version AFTER INSERT OR UPDATE OR DELETE ON campaign_organisations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('campaigns');
CREATE CONSTRAINT TRIGGER campaign_items_version AFTER INSERT OR UPDATE OR DELETE ON campaign_items
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('campaigns');
CREATE CONSTRAINT TRIGGER campaign_indicators_version AFTER INSERT OR UPDATE OR DELETE ON campaign_indicators
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('campaigns');
CREATE CONSTRAINT TRIGGER campaign_targets_version AFTER INSERT OR UPDATE OR DELETE ON campaign_targets
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('campaigns');
CREATE CONSTRAINT TRIGGER content_items_version AFTER INSERT OR UPDATE OR DELETE ON content_items
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('campaigns');
CREATE CONSTRAINT TRIGGER publications_version AFTER INSERT OR UPDATE OR DELETE ON publications
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_up('campaigns');

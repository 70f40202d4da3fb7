-- Campaigns, their links, content items and their scheduled publications: what the
-- editorial calendar shows (the web layer keeps its rendered grid while this version
-- stands). Not translations: they are written all day and the calendar does not
-- show them.
INSERT INTO data_versions (area, version) VALUES ('campaigns', 0);
CREATE TRIGGER campaigns_insert_version AFTER INSERT ON campaigns BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaigns_update_version AFTER UPDATE ON campaigns BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaigns_delete_version AFTER DELETE ON campaigns BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaign_groups_insert_version AFTER INSERT ON campaign_groups BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaign_groups_update_version AFTER UPDATE ON campaign_groups BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaign_groups_delete_version AFTER DELETE ON campaign_groups BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaign_organisations_insert_version AFTER INSERT ON campaign_organisations BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaign_organisations_update_version AFTER UPDATE ON campaign_organisations BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaign_organisations_delete_version AFTER DELETE ON campaign_organisations BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaign_items_insert_version AFTER INSERT ON campaign_items BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaign_items_update_version AFTER UPDATE ON campaign_items BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaign_items_delete_version AFTER DELETE ON campaign_items BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaign_indicators_insert_version AFTER INSERT ON campaign_indicators BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaign_indicators_update_version AFTER UPDATE ON campaign_indicators BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaign_indicators_delete_version AFTER DELETE ON campaign_indicators BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaign_targets_insert_version AFTER INSERT ON campaign_targets BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaign_targets_update_version AFTER UPDATE ON campaign_targets BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER campaign_targets_delete_version AFTER DELETE ON campaign_targets BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER content_items_insert_version AFTER INSERT ON content_items BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER content_items_update_version AFTER UPDATE ON content_items BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER content_items_delete_version AFTER DELETE ON content_items BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER publications_insert_version AFTER INSERT ON publications BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER publications_update_version AFTER UPDATE ON publications BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;
CREATE TRIGGER publications_delete_version AFTER DELETE ON publications BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'campaigns';
END;

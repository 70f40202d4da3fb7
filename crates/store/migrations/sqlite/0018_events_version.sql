-- Events and who speaks at and organises them: what calendars show (the shared
-- calendar keeps its rendered grid while this version stands).
INSERT INTO data_versions (area, version) VALUES ('events', 0);
CREATE TRIGGER events_insert_version AFTER INSERT ON events BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'events';
END;
CREATE TRIGGER events_update_version AFTER UPDATE ON events BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'events';
END;
CREATE TRIGGER events_delete_version AFTER DELETE ON events BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'events';
END;
CREATE TRIGGER event_speakers_insert_version AFTER INSERT ON event_speakers BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'events';
END;
CREATE TRIGGER event_speakers_update_version AFTER UPDATE ON event_speakers BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'events';
END;
CREATE TRIGGER event_speakers_delete_version AFTER DELETE ON event_speakers BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'events';
END;
CREATE TRIGGER event_organisations_insert_version AFTER INSERT ON event_organisations BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'events';
END;
CREATE TRIGGER event_organisations_update_version AFTER UPDATE ON event_organisations BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'events';
END;
CREATE TRIGGER event_organisations_delete_version AFTER DELETE ON event_organisations BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'events';
END;
CREATE TRIGGER event_groups_insert_version AFTER INSERT ON event_groups BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'events';
END;
CREATE TRIGGER event_groups_update_version AFTER UPDATE ON event_groups BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'events';
END;
CREATE TRIGGER event_groups_delete_version AFTER DELETE ON event_groups BEGIN
    UPDATE data_versions SET version = version + 1 WHERE area = 'events';
END;

-- Feeds read this version now, not the latest change of any event (0015).
DROP INDEX events_updated;

-- Plans are the items at level 'plan': a few among thousands of goals, outcomes and
-- actions, read on every plans page without scanning the items' long texts.
CREATE INDEX plan_items_level ON plan_items (level);
-- What the progress of every plan is rolled up from (store::plans::summaries), read
-- from this index alone rather than from the rows with their titles and descriptions.
CREATE INDEX plan_items_tree ON plan_items (plan_id, id, level, parent_id, status, weight, percent, start_date, due_date);
-- Indicators' current measurements in the order they are read: the latest of each
-- for every plan's progress, all of them in date order for a plan's tree.
CREATE INDEX measurements_current ON measurements (indicator_id, date, entered_at, id, value)
    WHERE replaced_by IS NULL;

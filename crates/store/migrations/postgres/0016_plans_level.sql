-- Plans are the items at level 'plan': a few among thousands of goals, outcomes and
-- actions, read on every plans page without scanning the items' long texts.
CREATE INDEX plan_items_level ON plan_items (level);

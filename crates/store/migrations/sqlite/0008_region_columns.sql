-- Each organisation and person carries the UN M49 region and sub-region of its
-- country, so a list of one region walks an index in id order instead of sorting
-- every row of its countries. The application fills them from the country on every
-- write, and fills rows written before this migration when it starts.
-- The coverage counts read (country, stage, visibility) from an index alone.

ALTER TABLE organisations ADD COLUMN region TEXT;
ALTER TABLE organisations ADD COLUMN subregion TEXT;
CREATE INDEX organisations_region ON organisations (region, id);
CREATE INDEX organisations_subregion ON organisations (subregion, id);
CREATE INDEX organisations_presence ON organisations (country, stage, visibility);

ALTER TABLE people ADD COLUMN region TEXT;
ALTER TABLE people ADD COLUMN subregion TEXT;
CREATE INDEX people_region ON people (region, id);
CREATE INDEX people_subregion ON people (subregion, id);

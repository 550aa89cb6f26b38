-- sitrep schema 7 (SQLite): a grid of 10-degree cells over the map, so
-- that a page of incidents in a box walks the newest-first order of the
-- few cells the box covers rather than of the whole world. cell numbers
-- the cell of an incident's place, row by latitude from the south pole
-- times 36 plus column by longitude from the antimeridian, or is NULL
-- for an incident with no place; package store (cellOf) computes the
-- same numbers for a box. It is a generated column, so that every
-- writer of lat and lon, a bulk loader included, keeps it in step.
-- (lat + 90) / 10.0 is not negative: CAST truncates it to its floor.
ALTER TABLE incidents ADD COLUMN cell INTEGER GENERATED ALWAYS AS (
	CAST(min(17, max(0, (lat + 90) / 10.0)) AS INTEGER) * 36
	+ CAST(min(35, max(0, (lon + 180) / 10.0)) AS INTEGER)) VIRTUAL;

-- incidents_cell_newest is walked backwards once per cell, each walk
-- checking the box, the dates, the type and the review state in the
-- index itself and stopping after a page; the walks are merged.
CREATE INDEX incidents_cell_newest ON incidents(cell, sort_date, id, lat, lon, date_end, type, reviewed, review_status);

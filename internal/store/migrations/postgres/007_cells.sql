-- sitrep schema 7 (PostgreSQL): a grid of 10-degree cells over the map,
-- so that a page of incidents in a box walks the newest-first order of
-- the few cells the box covers rather than of the whole world. cell
-- numbers the cell of an incident's place, row by latitude from the
-- south pole times 36 plus column by longitude from the antimeridian,
-- or is NULL for an incident with no place; package store (cellOf)
-- computes the same numbers for a box. It is a generated column, so
-- that every writer of lat and lon, a bulk loader included, keeps it in
-- step.
ALTER TABLE incidents ADD COLUMN cell INTEGER GENERATED ALWAYS AS (
	CAST(LEAST(17, GREATEST(0, floor((lat + 90) / 10))) AS INTEGER) * 36
	+ CAST(LEAST(35, GREATEST(0, floor((lon + 180) / 10))) AS INTEGER)) STORED;

-- incidents_cell_newest is walked backwards once per cell, each walk
-- checking the box, the dates, the type and the review state in the
-- index itself (an index-only scan) and stopping after a page; the walks
-- are merged. Unlike the INCLUDE columns of incidents_newest, key
-- columns are checked before the table is read even by a plain index
-- scan.
CREATE INDEX incidents_cell_newest ON incidents(cell, sort_date, id, lat, lon, date_end, type, reviewed, review_status);

-- The same for the walks of the whole map, which large boxes and lists
-- with no box take: the box, the range's other end, the type and the
-- review state become key columns of the newest-first indexes, checked
-- before the table is read, where as INCLUDE columns they were checked
-- only after (a continent's page read some 300 rows of the table to
-- keep 100).
DROP INDEX incidents_type_newest;
DROP INDEX incidents_newest;
CREATE INDEX incidents_type_newest ON incidents(type, sort_date, id, lat, lon, date_end, reviewed, review_status) INCLUDE (seq);
CREATE INDEX incidents_newest ON incidents(sort_date, id, lat, lon, date_end, type, reviewed, review_status) INCLUDE (seq);

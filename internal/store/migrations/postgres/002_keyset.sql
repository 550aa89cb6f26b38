-- sitrep schema 2 (PostgreSQL): incidents are listed newest first by a
-- keyset (sort_date, id) rather than by offsets, and filtered in SQL by
-- box and review state.

-- sort_date is date_start, or '' for an incident no report dates, so that
-- the newest-first order has no NULLs and a cursor is two plain values.
ALTER TABLE incidents ADD COLUMN sort_date TEXT NOT NULL DEFAULT '';
UPDATE incidents SET sort_date = COALESCE(date_start, '');

-- reviewed is 1 once a person has checked the incident.
ALTER TABLE incidents ADD COLUMN reviewed SMALLINT NOT NULL DEFAULT 0;

-- incidents_type_newest serves "newest first within a type, a date range
-- and a box": it is walked backwards from the end of the range, and the
-- included columns let the box, the range's other end, the review
-- state and seq be read from the index alone. incidents_newest does the same
-- when no type is asked for. They replace the plain date indexes.
DROP INDEX incidents_type_date;
DROP INDEX incidents_date;
CREATE INDEX incidents_type_newest ON incidents(type, sort_date, id)
	INCLUDE (lat, lon, date_end, reviewed, seq);
CREATE INDEX incidents_newest ON incidents(sort_date, id)
	INCLUDE (lat, lon, date_end, reviewed, type, seq);

-- span_days is the days from date_start to date_end (0 when either is
-- unknown). The longest, read by index, bounds how far before a date
-- range an incident that overlaps it can start, so that the walk back
-- along the newest-first indexes stops there.
ALTER TABLE incidents ADD COLUMN span_days INTEGER NOT NULL DEFAULT 0;
UPDATE incidents SET span_days = CAST(date_end AS date) - CAST(date_start AS date)
	WHERE date_start IS NOT NULL AND date_end IS NOT NULL AND date_end >= date_start;
CREATE INDEX incidents_span ON incidents(span_days);

-- sitrep schema 9 (SQLite): the incidents placed no finer than a region,
-- or not at all, by type and start, so that Tx.Candidates finds them
-- without walking every incident of a type in a date range: those at a
-- city or finer it finds by the cells of the map around the event
-- (incidents_cell_newest).
CREATE INDEX incidents_coarse ON incidents(type, sort_date)
	WHERE place_precision IS NULL OR place_precision NOT IN ('point', 'city', 'admin2');

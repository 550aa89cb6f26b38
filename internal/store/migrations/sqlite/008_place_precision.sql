-- sitrep schema 8 (SQLite): the precision of an incident's place, read
-- from its stored head, so that finding the incidents an event might
-- join can leave out, in the query, those at a city or finer that lie
-- beyond the distance the event's type allows (Tx.Candidates) rather
-- than load each in full to find it so. It is a generated column, so
-- that every writer of data, a bulk loader included, keeps it in step.
ALTER TABLE incidents ADD COLUMN place_precision TEXT GENERATED ALWAYS AS (
	json_extract(data, '$.location.precision')) VIRTUAL;

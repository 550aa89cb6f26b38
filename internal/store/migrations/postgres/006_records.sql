-- sitrep schema 6: each incident's record as GET /api/incidents serves
-- it. record is the incident-v1 object, sources, copies and review
-- included, as JSON text exactly as package incident encodes it; a page
-- of the list is its incidents' records joined, with no other lookup
-- and no decoding. The store writes it with every change to what the
-- record shows (SaveIncident, SetReview, a new copy of a report, a new
-- version of one). A SQL migration cannot render a record, so the
-- column starts NULL here, and Open renders every incident whose record
-- is NULL, in batches, before it returns (see DB.renderMissing). A later
-- change to how records are rendered needs only a migration that sets
-- record back to NULL.
ALTER TABLE incidents ADD COLUMN record TEXT;

-- A record of more than about 2 KB is compressed, and decompressed for
-- every page that shows it: with lz4, where the server has it (it is
-- PostgreSQL 14's and later, built with lz4 as most are), that takes
-- half the time of the default pglz. (EXECUTE: older servers cannot
-- parse the statement.)
DO $$
BEGIN
	IF 'lz4' = ANY (SELECT unnest(enumvals) FROM pg_settings WHERE name = 'default_toast_compression') THEN
		EXECUTE 'ALTER TABLE incidents ALTER COLUMN record SET COMPRESSION lz4';
	END IF;
END
$$;

-- incidents_unrendered finds the incidents Open must still render, so
-- that an Open with nothing to do costs one index probe.
CREATE INDEX incidents_unrendered ON incidents(seq) WHERE record IS NULL;

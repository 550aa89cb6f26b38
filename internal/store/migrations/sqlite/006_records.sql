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

-- incidents_unrendered finds the incidents Open must still render, so
-- that an Open with nothing to do costs one index probe.
CREATE INDEX incidents_unrendered ON incidents(seq) WHERE record IS NULL;

-- sitrep schema 3: article versions. The same URL read again with other
-- content is a new version of the article: a new row, numbered, that the
-- old one points to by superseded_by. Old versions and their events stay
-- as history; only the current version's events feed incidents.
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE articles ADD COLUMN superseded_by TEXT;
CREATE INDEX articles_url_current ON articles(url) WHERE superseded_by IS NULL;

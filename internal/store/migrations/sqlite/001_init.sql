-- sitrep schema 1 (SQLite). Dates are ISO-8601 text (YYYY-MM-DD), which
-- sorts as it reads; JSON columns hold the extract-v1 and incident-v1
-- objects; the other columns are the indexed parts of them.

-- articles holds each distinct body once, keyed by the hash of its text;
-- meta is the extract-v1 article object less its text.
CREATE TABLE articles (
	id             TEXT PRIMARY KEY,
	seq            INTEGER NOT NULL UNIQUE,
	url            TEXT,
	outlet         TEXT,
	title          TEXT NOT NULL,
	published      TEXT,
	language       TEXT NOT NULL DEFAULT '',
	text           TEXT NOT NULL,
	meta           TEXT NOT NULL,
	sitrep_version TEXT NOT NULL,
	created_at     TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at     TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX articles_url ON articles(url);

-- article_sketches holds the smallest shingle hashes of each article's
-- body (package fingerprint), to find near duplicates by index.
CREATE TABLE article_sketches (
	hash           INTEGER NOT NULL,
	article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	PRIMARY KEY (hash, article_id)
);
CREATE INDEX article_sketches_article ON article_sketches(article_id);

-- article_sources holds every input that carried an article: the first
-- (relation 'original'), byte-different copies of the same text ('copy')
-- and near duplicates such as a syndicated version ('near'). The raw input
-- is kept gzip-compressed so that a later sitrep can read it again.
CREATE TABLE article_sources (
	raw_hash       TEXT PRIMARY KEY,
	article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	input          TEXT NOT NULL,
	url            TEXT,
	outlet         TEXT,
	title          TEXT NOT NULL,
	published      TEXT,
	relation       TEXT NOT NULL CHECK (relation IN ('original', 'copy', 'near')),
	similarity     REAL NOT NULL,
	raw            BLOB NOT NULL,
	raw_size       INTEGER NOT NULL,
	sitrep_version TEXT NOT NULL,
	created_at     TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX article_sources_article ON article_sources(article_id);

CREATE TABLE entities (
	article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	id             TEXT NOT NULL,
	kind           TEXT NOT NULL,
	text           TEXT NOT NULL,
	geonameid      INTEGER,
	data           TEXT NOT NULL,
	sitrep_version TEXT NOT NULL,
	created_at     TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (article_id, id)
);
CREATE INDEX entities_text ON entities(kind, text);

-- events holds the extract-v1 event objects. pending is 1 until the event
-- has been placed in an incident (or found not to describe one).
CREATE TABLE events (
	article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	id             TEXT NOT NULL,
	ord            INTEGER NOT NULL,
	type           TEXT NOT NULL,
	mode           TEXT,
	modality       TEXT NOT NULL,
	date_start     TEXT,
	date_end       TEXT,
	lat            REAL,
	lon            REAL,
	country        TEXT,
	admin1         TEXT,
	geonameid      INTEGER,
	confidence     REAL NOT NULL,
	data           TEXT NOT NULL,
	evidence       TEXT NOT NULL,
	pending        INTEGER NOT NULL DEFAULT 1,
	sitrep_version TEXT NOT NULL,
	created_at     TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (article_id, id)
);
CREATE INDEX events_type_date ON events(type, date_start);
CREATE INDEX events_pending ON events(article_id, ord) WHERE pending = 1;

-- incidents holds one row per happening with its reconciled fields.
CREATE TABLE incidents (
	id             TEXT PRIMARY KEY,
	seq            INTEGER NOT NULL UNIQUE,
	type           TEXT NOT NULL,
	mode           TEXT,
	date_start     TEXT,
	date_end       TEXT,
	lat            REAL,
	lon            REAL,
	country        TEXT,
	admin1         TEXT,
	killed         INTEGER,
	n_sources      INTEGER NOT NULL,
	data           TEXT NOT NULL,
	sitrep_version TEXT NOT NULL,
	created_at     TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
	updated_at     TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX incidents_type_date ON incidents(type, date_start);
CREATE INDEX incidents_date ON incidents(date_start);
CREATE INDEX incidents_country_date ON incidents(country, date_start);
CREATE INDEX incidents_lat_lon ON incidents(lat, lon);

-- incident_sources places each event in one incident, with why it joined.
CREATE TABLE incident_sources (
	article_id     TEXT NOT NULL,
	event_id       TEXT NOT NULL,
	incident_id    TEXT NOT NULL REFERENCES incidents(id),
	ord            INTEGER NOT NULL,
	reason         TEXT NOT NULL,
	score          REAL NOT NULL,
	sitrep_version TEXT NOT NULL,
	created_at     TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
	PRIMARY KEY (article_id, event_id),
	FOREIGN KEY (article_id, event_id) REFERENCES events(article_id, id) ON DELETE CASCADE
);
CREATE INDEX incident_sources_incident ON incident_sources(incident_id, ord);

-- incident_redirects leads the id of an incident absorbed by another to
-- the survivor.
CREATE TABLE incident_redirects (
	from_id        TEXT PRIMARY KEY,
	to_id          TEXT NOT NULL,
	reason         TEXT NOT NULL,
	sitrep_version TEXT NOT NULL,
	created_at     TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX incident_redirects_to ON incident_redirects(to_id);

-- articles_fts indexes the title and text of every article.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

-- sitrep schema 4 (SQLite): users, their sessions and API tokens, and the
-- review desk (a review state per incident and an audit log of what
-- reviewers did). Times written by sitrep are RFC 3339 UTC text
-- (2026-11-25T10:00:00Z), which compares as it reads in both dialects.

-- users holds people who log in; password is an argon2id PHC string.
CREATE TABLE users (
	name       TEXT PRIMARY KEY,
	role       TEXT NOT NULL CHECK (role IN ('viewer', 'reviewer', 'admin')),
	password   TEXT NOT NULL,
	created_at TEXT NOT NULL
);

-- sessions holds logged-in browsers, keyed by the SHA-256 of the cookie
-- (the cookie itself is never stored); csrf is the token that writes
-- made with the cookie must send back in a header.
CREATE TABLE sessions (
	hash       TEXT PRIMARY KEY,
	user_name  TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
	csrf       TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires_at TEXT NOT NULL
);
CREATE INDEX sessions_expires ON sessions(expires_at);

-- api_tokens holds the SHA-256 of each API token, which acts as its user.
CREATE TABLE api_tokens (
	hash       TEXT PRIMARY KEY,
	name       TEXT NOT NULL,
	user_name  TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
	created_at TEXT NOT NULL,
	UNIQUE (user_name, name)
);

-- audit_log records every review action. user_name is not a reference:
-- the log outlives users, and the server's own token is no user. before
-- and after are JSON.
CREATE TABLE audit_log (
	id           INTEGER PRIMARY KEY,
	incident_id  TEXT NOT NULL,
	user_name    TEXT NOT NULL,
	action       TEXT NOT NULL CHECK (action IN ('confirm', 'reject', 'edit', 'merge', 'split')),
	field        TEXT,
	before_value TEXT,
	after_value  TEXT,
	note         TEXT NOT NULL DEFAULT '',
	created_at   TEXT NOT NULL
);
CREATE INDEX audit_log_incident ON audit_log(incident_id, id);

-- The review state of an incident. overrides maps field paths to the
-- JSON values set by hand, applied over the reconciled values every time
-- the incident is built. reviewed (schema 2) stays in step: 1 when the
-- status is confirmed, edited or rejected.
ALTER TABLE incidents ADD COLUMN review_status TEXT NOT NULL DEFAULT 'unreviewed'
	CHECK (review_status IN ('unreviewed', 'confirmed', 'edited', 'rejected'));
ALTER TABLE incidents ADD COLUMN reviewed_by TEXT;
ALTER TABLE incidents ADD COLUMN reviewed_at TEXT;
ALTER TABLE incidents ADD COLUMN overrides TEXT NOT NULL DEFAULT '{}';
UPDATE incidents SET review_status = 'confirmed' WHERE reviewed = 1;

-- confidence and needs (how many of low confidence, conflicting figures
-- and no place on the map apply) order the review queue. The store
-- writes them with every incident; here they are computed for the
-- incidents already stored, as package incident does.
ALTER TABLE incidents ADD COLUMN confidence REAL NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN needs INTEGER NOT NULL DEFAULT 0;
UPDATE incidents SET confidence = COALESCE(json_extract(data, '$.confidence'), 0);
UPDATE incidents SET needs = (confidence < 0.6)
	+ (lat IS NULL OR (lat = 0 AND lon = 0))
	+ EXISTS (SELECT 1
		FROM (SELECT 'killed' AS name UNION ALL SELECT 'injured' UNION ALL SELECT 'arrested') k
		JOIN incident_sources s ON s.incident_id = incidents.id
		JOIN events e ON e.article_id = s.article_id AND e.id = s.event_id
		WHERE json_type(e.data, '$.counts.' || k.name) = 'object'
		GROUP BY k.name
		HAVING count(DISTINCT json_extract(e.data, '$.counts.' || k.name || '.min') || '-' ||
			COALESCE(json_extract(e.data, '$.counts.' || k.name || '.max'), '')) > 1);

-- incidents_queue serves the review queue: unreviewed incidents, those
-- that need most first, then the least confident, then the newest.
CREATE INDEX incidents_queue ON incidents(review_status, needs DESC, confidence, sort_date DESC, id DESC);

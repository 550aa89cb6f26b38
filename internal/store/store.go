// Package store keeps sitrep's database: articles with their raw input,
// entities, events, incidents, the events each incident is made of, and
// redirects from merged incidents. It speaks hand-written SQL to SQLite
// (modernc.org/sqlite, pure Go, the default) and to PostgreSQL (pgx),
// through database/sql, with one set of queries for both where the
// dialects agree ($1 placeholders, ON CONFLICT, RETURNING) and a few
// dialect-specific ones (full-text search). Migrations are numbered .sql
// files per dialect, embedded, each applied in a transaction.
//
// Incidents are listed newest first by sort date and id, and a page
// follows another by a keyset cursor (Cursor) rather than an offset, so
// deep pages cost no more than the first and none skips or repeats an
// incident added meanwhile. Every filter (dates, type, country, circle,
// box, review state, text) is SQL; the indexes incidents_type_newest and
// incidents_newest answer "newest first in a box, a date range and a
// type" by walking back from the end of the range and checking the box
// in the index itself (see the million-incident benchmark in
// million_test.go, build tag bench). A box of up to 16 cells of a
// 10-degree grid (schema 7, cell.go) is walked a cell at a time instead,
// along incidents_cell_newest, and the walks merged.
//
// Each incident's record as the list serves it (incident-v1, sources,
// copies and review included) is stored with it (schema 6, record.go)
// and rendered again by every write that changes what it shows, so that
// PageRecords, which the list uses, reads a page as stored JSON with no
// other lookup and no decoding. Open renders the records an older
// schema or a bulk loader left missing.
//
// The same URL stored again with other content is a new version of its
// article: the old version and its events stay as history, and the
// incidents they fed move to the new version's events (see supersede).
//
// The review desk's state lives here too (schema 4): users, sessions and
// API tokens, known only by hashes of their secrets; each incident's
// review status and the values set by hand, which SaveIncident reads and
// applies however the incident was rebuilt; and the audit log.
//
// SQLite is opened as PocketBase does: busy_timeout first, WAL,
// synchronous=NORMAL, foreign_keys=ON, one writer connection (so writes
// queue in Go rather than fail as busy) and a pool of readers; pages are
// read through a memory map (mmap_size), which the load benchmark of
// package server (load_test.go, build tag bench) found to serve a page
// of incidents with their reports about 1.6 times as fast as a read
// call a page. Reads of pages of incidents wait for a connection in a
// queue of their own, first come first served (DB.enter).
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL driver "pgx"
	_ "modernc.org/sqlite"             // SQLite driver "sqlite"
)

//go:embed migrations
var migrations embed.FS

// ErrNotFound is returned when a record asked for by id does not exist.
var ErrNotFound = errors.New("not found")

// Dialect names a database engine.
type Dialect string

// The dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is an open sitrep database. Its methods are safe for concurrent use;
// writes are serialised on one connection.
type DB struct {
	dialect Dialect
	w       *sql.DB // the writer
	r       *sql.DB // readers; the same pool as w on PostgreSQL
	version string
	// pages holds a place for each page of incidents being read (see
	// enter); its size is the reader pool's.
	pages chan struct{}

	stmtMu sync.Mutex
	stmts  map[string]*sql.Stmt // SQLite's statements of pages, by text; see queryPage
	wstmts map[string]*sql.Stmt // SQLite's writer statements, by text (nil: failed to prepare); see wtx
	cands  *candCache           // SQLite's incidents as Candidates loaded them
	// shingles holds the shingle sets of recent articles, by id (see
	// nearDuplicate).
	shingles *shingleCache
}

// Options tune Open.
type Options struct {
	// Version is the sitrep version recorded beside what it writes.
	Version string
	// Readers is the size of SQLite's reader pool, and so the number of
	// pages of incidents read at once (see DB.enter); zero means the
	// number of CPUs, at least 4.
	Readers int
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens the database dsn, a SQLite file path or a postgres:// URL,
// brings its schema up to date, and renders the stored record of every
// incident that has none (record.go): once, after migration 6, every
// incident, which on the load benchmark's machine took 15 s for 100,000
// on SQLite and 45 s on PostgreSQL.
func Open(ctx context.Context, dsn string, opt Options) (*DB, error) {
	if opt.Version == "" {
		opt.Version = "dev"
	}
	db := &DB{version: opt.Version, shingles: newShingleCache()}
	if IsPostgres(dsn) {
		db.dialect = Postgres
		p, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", redact(dsn), err)
		}
		n := max(4, runtime.NumCPU()+1)
		p.SetMaxOpenConns(n)
		p.SetMaxIdleConns(n)
		db.w, db.r = p, p
		// One connection stays free of pages for writes.
		db.pages = make(chan struct{}, n-1)
	} else {
		db.dialect = SQLite
		if dsn == "" {
			return nil, errors.New("open: empty database path")
		}
		w, err := sql.Open("sqlite", sqliteDSN(dsn, true))
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", dsn, err)
		}
		w.SetMaxOpenConns(1)
		w.SetMaxIdleConns(1)
		w.SetConnMaxLifetime(0)
		r, err := sql.Open("sqlite", sqliteDSN(dsn, false))
		if err != nil {
			w.Close()
			return nil, fmt.Errorf("open %s: %w", dsn, err)
		}
		n := opt.Readers
		if n <= 0 {
			n = max(4, runtime.NumCPU())
		}
		r.SetMaxOpenConns(n)
		r.SetMaxIdleConns(n)
		db.w, db.r = w, r
		db.pages = make(chan struct{}, n)
		db.stmts = map[string]*sql.Stmt{}
		db.wstmts = map[string]*sql.Stmt{}
		db.cands = newCandCache()
	}
	if err := db.w.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", redact(dsn), err)
	}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate %s: %w", redact(dsn), err)
	}
	// What no migration can do: render the records of incidents stored
	// before schema 6, or by a bulk loader (see record.go).
	if err := db.renderMissing(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", redact(dsn), err)
	}
	return db, nil
}

// enter waits for a place among the pages of incidents being read, in
// the order callers come, and returns the function that gives it back.
// Under load, requests for pages queue here, first come first served,
// rather than in database/sql, which hands a freed connection to a
// waiter drawn at random: the load benchmark's 20 clients on 4
// connections saw a 99th percentile of three times the median from
// that alone.
func (db *DB) enter(ctx context.Context) (leave func(), err error) {
	select {
	case db.pages <- struct{}{}:
		return func() { <-db.pages }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// maxStmts caps DB.stmts; past it, a query is prepared for one run.
const maxStmts = 128

// queryPage runs the query of a page of incidents on the readers. On
// SQLite its statement is kept, prepared, by its text, which a filter's
// form decides: the values are parameters (see param), and the query of
// a page in a box, up to 16 walks merged, took as long to prepare as to
// run. (PostgreSQL's driver keeps the statements it prepares itself.)
func (db *DB) queryPage(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if db.dialect != SQLite {
		return db.r.QueryContext(ctx, q, args...)
	}
	db.stmtMu.Lock()
	st, ok := db.stmts[q]
	full := len(db.stmts) >= maxStmts
	db.stmtMu.Unlock()
	if !ok && !full {
		p, err := db.r.PrepareContext(ctx, q)
		if err != nil {
			return nil, err
		}
		db.stmtMu.Lock()
		st, ok = db.stmts[q]
		keep := !ok && db.stmts != nil // not prepared meanwhile, nor closed
		if keep {
			db.stmts[q], st = p, p
		}
		db.stmtMu.Unlock()
		if !keep {
			p.Close()
		}
	}
	if st == nil {
		return db.r.QueryContext(ctx, q, args...)
	}
	return st.QueryContext(ctx, args...)
}

// sqliteDSN builds the modernc.org/sqlite DSN for path. busy_timeout comes
// first so that the pragmas after it wait for a lock rather than fail.
func sqliteDSN(p string, writer bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	// Pages are read through a memory map rather than by a read call
	// each: a page of incidents with their reports looks up a few
	// thousand. 2 GB is SQLite's ceiling; a larger file is read past it
	// as before.
	q.Add("_pragma", "mmap_size(2147418112)")
	if writer {
		// BEGIN IMMEDIATE takes the write lock at once, so a transaction
		// never has to be retried halfway.
		q.Add("_txlock", "immediate")
	} else {
		q.Add("_pragma", "query_only(ON)")
	}
	return "file:" + p + "?" + q.Encode()
}

// redact hides the password of a URL for messages.
func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	return u.Redacted()
}

// Dialect returns the database engine.
func (db *DB) Dialect() Dialect { return db.dialect }

// Close closes the database.
func (db *DB) Close() error {
	err := db.closeStmts()
	if db.w != nil {
		err = errors.Join(err, db.w.Close())
	}
	if db.r != nil && db.r != db.w {
		err = errors.Join(err, db.r.Close())
	}
	return err
}

// migration is one numbered schema change.
type migration struct {
	version int
	name    string
	sql     string
}

// loadMigrations returns the migrations of a dialect in order.
func loadMigrations(d Dialect) ([]migration, error) {
	dir := path.Join("migrations", string(d))
	ents, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range ents {
		name := e.Name()
		if !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with its number", name)
		}
		b, err := fs.ReadFile(migrations, path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: name, sql: string(b)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// SchemaVersion returns the newest migration this build knows for d.
func SchemaVersion(d Dialect) int {
	ms, err := loadMigrations(d)
	if err != nil || len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// migrate applies the migrations not yet applied, each in a transaction
// with its record in schema_migrations.
func (db *DB) migrate(ctx context.Context) error {
	ms, err := loadMigrations(db.dialect)
	if err != nil {
		return err
	}
	if _, err := db.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	for _, m := range ms {
		err := db.inTx(ctx, func(tx *sql.Tx) error {
			if db.dialect == Postgres {
				// Two processes opening a new database at once take
				// turns.
				if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7365746)`); err != nil {
					return err
				}
			}
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, m.version).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("%s: %w", m.name, err)
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, CAST(CURRENT_TIMESTAMP AS TEXT))`, m.version, m.name)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// inTx runs fn in a transaction on the writer, committing when fn returns
// nil and rolling back otherwise.
func (db *DB) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Counts are the numbers of rows of each kind.
type Counts struct {
	Articles       int `json:"articles"`
	ArticleSources int `json:"article_sources"`
	Entities       int `json:"entities"`
	Events         int `json:"events"`
	Incidents      int `json:"incidents"`
	IncidentEvents int `json:"incident_events"`
	Redirects      int `json:"redirects"`
}

// Counts counts the rows of every table.
func (db *DB) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := db.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM article_sources),
		(SELECT count(*) FROM entities),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM incidents),
		(SELECT count(*) FROM incident_sources),
		(SELECT count(*) FROM incident_redirects)`).Scan(
		&c.Articles, &c.ArticleSources, &c.Entities, &c.Events, &c.Incidents, &c.IncidentEvents, &c.Redirects)
	if err != nil {
		return c, fmt.Errorf("count rows: %w", err)
	}
	return c, nil
}

// Check runs the database's own consistency check (PRAGMA integrity_check
// on SQLite; nothing on PostgreSQL, which checks as it writes) and
// returns an error describing any damage.
func (db *DB) Check(ctx context.Context) error {
	if db.dialect != SQLite {
		return nil
	}
	rows, err := db.w.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return fmt.Errorf("integrity check: %w", err)
		}
		if s != "ok" {
			msgs = append(msgs, s)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if len(msgs) > 0 {
		return fmt.Errorf("integrity check: %s", strings.Join(msgs, "; "))
	}
	return nil
}

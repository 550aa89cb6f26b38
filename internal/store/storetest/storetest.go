// Package storetest opens scratch sitrep databases for tests: a SQLite
// file in the test's temporary directory, and, when a PostgreSQL server
// is reachable, a database of its own on that server, dropped when the
// test ends. The server is SITREP_TEST_POSTGRES (a postgres:// URL of a
// database to connect to for creating others), by default the one on
// 127.0.0.1:5432 that the development and CI machines run.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL driver "pgx"

	"sitrep/internal/store"
)

// DefaultPostgres is the server tests use when SITREP_TEST_POSTGRES is
// unset.
const DefaultPostgres = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"

// Backends are the names Run runs a test under.
var Backends = []string{"sqlite", "postgres"}

// Run runs fn as a subtest once per backend, each with a fresh database.
// The PostgreSQL subtest is skipped, saying why, when no server answers.
func Run(t *testing.T, fn func(t *testing.T, dsn string, db *store.DB)) {
	t.Helper()
	for _, b := range Backends {
		t.Run(b, func(t *testing.T) {
			dsn := DSN(t, b)
			db := Open(t, dsn)
			fn(t, dsn, db)
		})
	}
}

// Open opens dsn as a store and closes it when the test ends.
func Open(t *testing.T, dsn string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), dsn, store.Options{Version: "test"})
	if err != nil {
		t.Fatalf("open %s: %v", dsn, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// DSN returns the address of a fresh, empty database of the backend:
// a file for "sqlite", a new database for "postgres" (skipping the test
// when the server cannot be reached).
func DSN(t *testing.T, backend string) string {
	t.Helper()
	if backend == "sqlite" {
		return filepath.Join(t.TempDir(), "sitrep.db")
	}
	admin := adminDB(t)
	var b [6]byte
	rand.Read(b[:])
	name := "sitrep_test_" + hex.EncodeToString(b[:])
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatalf("create scratch database: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
			t.Errorf("drop scratch database %s: %v", name, err)
		}
	})
	u, _ := url.Parse(server())
	u.Path = "/" + name
	return u.String()
}

func server() string {
	if s := os.Getenv("SITREP_TEST_POSTGRES"); s != "" {
		return s
	}
	return DefaultPostgres
}

var (
	adminOnce sync.Once
	admin     *sql.DB
	adminErr  error
)

// adminDB connects once to the server's maintenance database, or skips.
func adminDB(t *testing.T) *sql.DB {
	t.Helper()
	adminOnce.Do(func() {
		db, err := sql.Open("pgx", server())
		if err != nil {
			adminErr = err
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := db.PingContext(ctx); err != nil {
			db.Close()
			adminErr = err
			return
		}
		admin = db
	})
	if adminErr != nil {
		u, _ := url.Parse(server())
		where := server()
		if u != nil {
			where = u.Redacted()
		}
		t.Skipf("PostgreSQL not reachable at %s (%v): start it (CI's .ci/run does) or set SITREP_TEST_POSTGRES", where, adminErr)
	}
	return admin
}

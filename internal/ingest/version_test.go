package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/ingest"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

// TestIngestVersion ingests the wire's report, then the same page (the
// same canonical URL) with the toll corrected from 12 to 16: the second
// is a new version, and the incident keeps its id and takes the new
// toll.
func TestIngestVersion(t *testing.T) {
	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		ctx := context.Background()
		raw, err := os.ReadFile(wire)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(raw), "12 people") {
			t.Fatalf("%s: the toll to correct is not there", wire)
		}
		tmp := t.TempDir()
		v2 := filepath.Join(tmp, "corrected.html")
		fixed := strings.ReplaceAll(string(raw), "12 people", "16 people") // the canonical URL says 12 still
		if err := os.WriteFile(v2, []byte(fixed), 0o644); err != nil {
			t.Fatal(err)
		}
		sum, _ := run(t, db, []string{wire}, ingest.Options{})
		if sum.New != 1 || sum.Incidents == 0 {
			t.Fatalf("first version: got %s", sum)
		}
		before, err := db.Incidents(ctx, store.Filter{Type: "ASSAULT"})
		if err != nil || len(before) == 0 {
			t.Fatalf("incidents: got %d, %v", len(before), err)
		}
		c0, err := db.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		sum, _ = run(t, db, []string{v2}, ingest.Options{})
		if sum.New != 1 || sum.Versions != 1 || !strings.Contains(sum.String(), "1 a new version") {
			t.Fatalf("corrected version: got %s, want one new version", sum)
		}
		in, via, err := db.Incident(ctx, before[0].ID)
		if err != nil || via != "" {
			t.Fatalf("incident %s after the correction: got via %q, %v; want it under its own id", before[0].ID, via, err)
		}
		rec := in.Record()
		if k := rec.Counts.Killed; k == nil || k.Min != 16 {
			t.Errorf("killed after the correction: got %+v, want 16", k)
		}
		c, err := db.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if c.Articles != 2 || c.Incidents != c0.Incidents || c.IncidentEvents != c0.IncidentEvents {
			t.Errorf("counts: got %+v, want 2 articles (both versions) and the incidents of before, %+v", c, c0)
		}
		// Ingesting both again adds nothing.
		sum, _ = run(t, db, []string{wire, v2}, ingest.Options{})
		if sum.New != 0 || sum.Duplicate != 2 {
			t.Errorf("again: got %s, want 2 duplicates", sum)
		}
	})
}

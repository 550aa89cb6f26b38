//go:build bench

package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"sitrep/internal/ingest"
	"sitrep/internal/store"
	"sitrep/internal/store/storefill"
)

// BenchmarkIngestIntoFilled ingests the HTML pages of
// BenchmarkIngestScaling into a database that already holds 100,000
// incidents with their reports, over the same weeks as the pages' events,
// and into an empty one, to show that placing events does not slow with
// the incidents stored. It fills a database of about 1 GB once, so it
// runs outside CI: go test -tags bench -run '^$' -bench IngestIntoFilled
// -benchtime 2x ./internal/ingest
func BenchmarkIngestIntoFilled(b *testing.B) {
	const n, stored = 200, 100_000
	ctx := context.Background()
	src := b.TempDir()
	htmlPages(b, src, n)
	x, err := pipelineNew()
	if err != nil {
		b.Fatal(err)
	}
	filled := filepath.Join(b.TempDir(), "filled.db")
	start := time.Now()
	if err := storefill.Fill(ctx, filled, storefill.Options{N: stored, From: "2024-01-15", Days: 60, Reports: true, Seed: 5}); err != nil {
		b.Fatal(err)
	}
	b.Logf("filled %d incidents in %s", stored, time.Since(start).Round(time.Second))
	template, err := os.ReadFile(filled)
	if err != nil {
		b.Fatal(err)
	}
	var empty, full time.Duration
	for i := 0; i < b.N; i++ {
		for _, into := range []string{"empty", "filled"} {
			path := filepath.Join(b.TempDir(), into+".db")
			if into == "filled" {
				if err := os.WriteFile(path, template, 0o644); err != nil {
					b.Fatal(err)
				}
			}
			db, err := store.Open(ctx, path, store.Options{Version: "bench"})
			if err != nil {
				b.Fatal(err)
			}
			t0 := time.Now()
			sum, err := ingest.Run(ctx, db, x, []string{src}, ingest.Options{Workers: runtime.NumCPU()})
			d := time.Since(t0)
			db.Close()
			if err != nil || sum.New != n {
				b.Fatalf("ingest into %s: %s, %v", into, sum, err)
			}
			if into == "empty" {
				empty += d
			} else {
				full += d
			}
		}
	}
	b.ReportMetric(float64(n*b.N)/empty.Seconds(), "empty-pages/s")
	b.ReportMetric(float64(n*b.N)/full.Seconds(), "filled-pages/s")
}

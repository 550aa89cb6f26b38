package ingest_test

import (
	"context"
	"path/filepath"
	"testing"

	"sitrep/internal/ingest"
	"sitrep/internal/store"
)

// BenchmarkIngest ingests 100 synthetic reports into a new SQLite
// database on every core; b.N runs, each into its own database.
func BenchmarkIngest(b *testing.B) {
	src := b.TempDir()
	synthetic(b, src, 100)
	x, err := pipelineNew()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), store.Options{Version: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := ingest.Run(context.Background(), db, x, []string{src}, ingest.Options{})
		if err != nil || sum.New != 100 {
			b.Fatalf("ingest: %s, %v", sum, err)
		}
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(100*b.N)/b.Elapsed().Seconds(), "reports/s")
}

package ingest_test

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"sitrep/internal/ingest"
	"sitrep/internal/store"
)

// htmlPages writes the synthetic reports as news pages (the project's
// page template: navigation, share bars, adverts, comments) with distinct
// URLs, and returns their paths.
func htmlPages(b *testing.B, dir string, n int) []string {
	b.Helper()
	txt := b.TempDir()
	synthetic(b, txt, n)
	tmpl := template.Must(template.ParseFiles(filepath.Join("..", "..", "testdata", "pages", "template.html")))
	var paths []string
	for i := range n {
		raw, err := os.ReadFile(filepath.Join(txt, fmt.Sprintf("report-%04d.txt", i)))
		if err != nil {
			b.Fatal(err)
		}
		paras := strings.Split(strings.TrimSpace(string(raw)), "\n\n")
		var buf bytes.Buffer
		err = tmpl.Execute(&buf, map[string]any{"Headline": paras[0], "Published": "2024-03-06",
			"Paragraphs": paras[1:], "URL": fmt.Sprintf("https://courier.example/news/%d", i)})
		if err != nil {
			b.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("page-%04d.html", i))
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// BenchmarkIngestScaling compares an ingest of HTML pages into SQLite on
// every core with extraction alone on one core, over the same pages: the
// ratio (ingest pages/s over one-core extract pages/s) is what the work
// spread over the cores gains once storing and incident assignment are
// paid for. Each b.N runs both over 200 pages.
func BenchmarkIngestScaling(b *testing.B) {
	const n = 200
	src := b.TempDir()
	paths := htmlPages(b, src, n)
	x, err := pipelineNew()
	if err != nil {
		b.Fatal(err)
	}
	var extract, ingestT time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		for _, p := range paths {
			raw, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := x.Extract(raw, "", time.Time{}); err != nil {
				b.Fatal(err)
			}
		}
		extract += time.Since(start)

		db, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "bench.db"), store.Options{Version: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		start = time.Now()
		sum, err := ingest.Run(context.Background(), db, x, []string{src}, ingest.Options{Workers: runtime.NumCPU()})
		ingestT += time.Since(start)
		if err != nil || sum.New != n {
			b.Fatalf("ingest: %s, %v", sum, err)
		}
		db.Close()
	}
	one := float64(n*b.N) / extract.Seconds()
	all := float64(n*b.N) / ingestT.Seconds()
	b.ReportMetric(one, "extract-1core-pages/s")
	b.ReportMetric(all, "ingest-pages/s")
	b.ReportMetric(all/one, "ratio")
	b.ReportMetric(float64(runtime.NumCPU()), "cores")
}

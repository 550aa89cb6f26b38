package pipeline

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"sitrep/internal/article"
	"sitrep/internal/text"
)

// corpus reads the project's own example reports, the benchmark's text.
func corpus(tb testing.TB) [][]byte {
	tb.Helper()
	files, _ := filepath.Glob("../../testdata/*/*.txt")
	if len(files) == 0 {
		tb.Fatal("no reports in testdata")
	}
	var out [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

func TestExtractReports(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ref := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	for _, raw := range corpus(t) {
		doc, err := x.Extract(raw, "", ref)
		if err != nil {
			t.Fatal(err)
		}
		text := doc.Article.Text
		for _, s := range doc.Article.Sentences {
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("sentence %+v out of text of %d bytes", s, len(text))
			}
		}
		for _, e := range doc.Entities {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
					t.Fatalf("entity %s mention %+v out of text", e.ID, m)
				}
			}
		}
		for _, ev := range doc.Events {
			for _, e := range ev.Evidence {
				s := doc.Article.Sentences[e.Sentence]
				if e.Start < s.Start || e.End > s.End {
					t.Errorf("event %s evidence %+v exceeds its sentence %+v", ev.ID, e, s)
				}
				if !strings.Contains(text[e.Start:e.End], e.Trigger) {
					t.Errorf("event %s trigger %q not in its evidence", ev.ID, e.Trigger)
				}
			}
			if ev.Confidence <= 0 || ev.Confidence >= 1 {
				t.Errorf("event %s confidence %v out of (0,1)", ev.ID, ev.Confidence)
			}
		}
	}
}

// BenchmarkExtractText measures the whole extract path on plain text, on
// one core; it reports sentences per second (target: 5,000 or more).
func BenchmarkExtractText(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	docs := corpus(b)
	sentences, bytes := 0, 0
	for _, d := range docs {
		a, err := article.FromText(d)
		if err != nil {
			b.Fatal(err)
		}
		sentences += len(text.Sentences(a.Text))
		bytes += len(d)
	}
	ref := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			if _, err := x.Extract(d, "", ref); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(sentences)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkPeakMemory reports the heap after extracting the largest report.
func BenchmarkPeakMemory(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	docs := corpus(b)
	var ms runtime.MemStats
	for b.Loop() {
		for _, d := range docs {
			x.Extract(d, "", time.Time{})
		}
	}
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/(1<<20), "MB-sys")
}

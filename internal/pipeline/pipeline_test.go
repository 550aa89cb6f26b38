package pipeline

import (
	"bytes"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/markusmobius/go-trafilatura"

	"sitrep/internal/article"
	"sitrep/internal/text"
)

// corpus reads the project's own example reports, the benchmark's text.
func corpus(tb testing.TB) [][]byte {
	tb.Helper()
	files, _ := filepath.Glob("../../testdata/reports/*.txt")
	more, _ := filepath.Glob("../../testdata/gold/*.txt")
	files = append(files, more...)
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

// pages wraps the project's reports in the news-page template and pads
// them with the weight real pages carry (related links, inline data), to
// sizes from about 20 to 200 KB.
func pages(tb testing.TB) [][]byte {
	tb.Helper()
	tmpl := template.Must(template.ParseFiles("../../testdata/pages/template.html"))
	var out [][]byte
	for i, raw := range corpus(tb) {
		a, err := article.FromText(raw)
		if err != nil {
			tb.Fatal(err)
		}
		var b bytes.Buffer
		if err := tmpl.Execute(&b, map[string]any{"Headline": a.Title, "Published": "2024-06-01",
			"Paragraphs": strings.Split(a.Text, "\n\n")}); err != nil {
			tb.Fatal(err)
		}
		page := b.String()
		target := 20<<10 + (i%10)*20<<10
		var pad strings.Builder
		pad.WriteString(`<script type="application/json" id="page-data">{"items":[`)
		for k := 0; pad.Len() < target-len(page); k++ {
			fmt.Fprintf(&pad, `{"id":%d,"slug":"story-%d","title":"Related story number %d from the archive","section":"world"},`, k, k, k)
		}
		pad.WriteString(`{}]}</script>`)
		out = append(out, []byte(strings.Replace(page, "</body>", pad.String()+"</body>", 1)))
	}
	return out
}

// BenchmarkExtractHTMLRatio times the whole extract path on HTML pages
// against go-trafilatura alone with the same options, page by page in one
// run so both see the same load (target: ratio at most 2).
func BenchmarkExtractHTMLRatio(b *testing.B) {
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ps := pages(b)
	opts := article.TrafilaturaOptions()
	var ours, theirs time.Duration
	n, size := 0, 0
	for _, p := range ps {
		size += len(p)
	}
	for b.Loop() {
		for _, p := range ps {
			start := time.Now()
			if _, err := x.Extract(p, "", time.Time{}); err != nil {
				b.Fatal(err)
			}
			mid := time.Now()
			if _, err := trafilatura.Extract(bytes.NewReader(p), opts); err != nil {
				b.Fatal(err)
			}
			ours += mid.Sub(start)
			theirs += time.Since(mid)
			n++
		}
	}
	b.ReportMetric(float64(size/len(ps))/1024, "KB/page")
	b.ReportMetric(float64(n)/ours.Seconds(), "sitrep-pages/s")
	b.ReportMetric(float64(n)/theirs.Seconds(), "trafilatura-pages/s")
	b.ReportMetric(ours.Seconds()/theirs.Seconds(), "ratio")
}

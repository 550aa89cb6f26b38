package article

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/markusmobius/go-trafilatura"
)

// benchPages returns the benchmark corpus: every fixture page, and larger
// pages of 20 to 200 KB made from the fixtures' own text (see largePages).
func benchPages(b *testing.B) [][]byte {
	b.Helper()
	var pages [][]byte
	for _, p := range fixtures(b, ".html") {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, raw)
	}
	return append(pages, largePages(b)...)
}

// largePageSizes are the sizes of the generated pages.
var largePageSizes = []int{20 << 10, 60 << 10, 120 << 10, 200 << 10}

// largePages builds pages of largePageSizes from the template: a body of
// the fixtures' paragraphs (taken from their golden files, so the text is
// the project's own) filling about half the page, the rest the bulk real
// pages carry: an inline state script and a mega-menu of links.
func largePages(tb testing.TB) [][]byte {
	tb.Helper()
	var paras []string
	for _, p := range fixtures(tb, ".html") {
		raw, err := os.ReadFile(strings.TrimSuffix(p, ".html") + ".golden.json")
		if err != nil {
			tb.Fatal(err)
		}
		var g golden
		if err := json.Unmarshal(raw, &g); err != nil {
			tb.Fatal(err)
		}
		if g.Language == "en" {
			paras = append(paras, strings.Split(g.Text, "\n\n")...)
		}
	}
	var out [][]byte
	for _, size := range largePageSizes {
		var body []string
		n := 0
		for i := 0; n < size/2; i++ {
			p := paras[i%len(paras)]
			if i >= len(paras) {
				p = fmt.Sprintf("In update %d, %s", i/len(paras), strings.ToLower(p[:1])+p[1:])
			}
			body = append(body, p)
			n += len(p) + 10
		}
		page := renderTemplate(tb, map[string]any{
			"Headline":   fmt.Sprintf("Live report: the week's events in %d updates", len(body)),
			"Published":  "2024-05-12",
			"Paragraphs": body,
		})
		var extra bytes.Buffer
		extra.WriteString(`<nav class="mega-menu"><ul>`)
		for i := 0; extra.Len() < size/5; i++ {
			fmt.Fprintf(&extra, `<li><a href="/section/%d/">Section %d</a><ul><li><a href="/section/%d/a">Latest</a></li><li><a href="/section/%d/b">Analysis</a></li></ul></li>`, i, i, i, i)
		}
		extra.WriteString(`</ul></nav><script>window.__STATE__ = {"items":[`)
		for i := 0; extra.Len() < size*2/5; i++ {
			fmt.Fprintf(&extra, `{"id":%d,"slug":"story-%d","kicker":"News","views":%d},`, i, i, i*37)
		}
		extra.WriteString(`{}]};</script>`)
		page = bytes.Replace(page, []byte("</body>"), append(extra.Bytes(), []byte("</body>")...), 1)
		out = append(out, page)
	}
	return out
}

// TestLargePages checks that the generated benchmark pages come out whole.
func TestLargePages(t *testing.T) {
	for i, page := range largePages(t) {
		a, err := FromHTML(page, "")
		if err != nil {
			t.Fatalf("page %d (%d bytes): %v", i, len(page), err)
		}
		if !strings.HasPrefix(a.Title, "Live report") || len(a.Text) < largePageSizes[i]/3 {
			t.Errorf("page %d (%d bytes): title %q, %d bytes of text", i, len(page), a.Title, len(a.Text))
		}
	}
}

// BenchmarkFromHTML runs FromHTML over the corpus; compare pages/s with
// BenchmarkTrafilaturaOnly from the same run.
func BenchmarkFromHTML(b *testing.B) {
	pages := benchPages(b)
	size := 0
	for _, p := range pages {
		size += len(p)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			if _, err := FromHTML(p, ""); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkTrafilaturaOnly runs go-trafilatura alone, with the options
// FromHTML uses, over the same corpus.
func BenchmarkTrafilaturaOnly(b *testing.B) {
	pages := benchPages(b)
	size := 0
	for _, p := range pages {
		size += len(p)
	}
	opts := trafilaturaOptions()
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			if _, err := trafilatura.Extract(bytes.NewReader(p), opts); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkFromHTMLPage gives the time of each page alone.
func BenchmarkFromHTMLPage(b *testing.B) {
	files := fixtures(b, ".html")
	pages := benchPages(b)
	for i, p := range pages {
		name := fmt.Sprintf("large-%dKB", len(p)>>10)
		if i < len(files) {
			name = strings.TrimSuffix(filepath.Base(files[i]), ".html")
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(p)))
			for b.Loop() {
				if _, err := FromHTML(p, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRatio interleaves FromHTML and go-trafilatura alone, page by
// page, so that both see the same machine load, and reports both rates
// and their ratio (FromHTML time over trafilatura time; the target is at
// most 2).
func BenchmarkRatio(b *testing.B) {
	pages := benchPages(b)
	opts := trafilaturaOptions()
	var ours, theirs time.Duration
	n := 0
	for b.Loop() {
		for _, p := range pages {
			start := time.Now()
			if _, err := FromHTML(p, ""); err != nil {
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
	b.ReportMetric(float64(n)/ours.Seconds(), "fromhtml-pages/s")
	b.ReportMetric(float64(n)/theirs.Seconds(), "trafilatura-pages/s")
	b.ReportMetric(ours.Seconds()/theirs.Seconds(), "ratio")
}

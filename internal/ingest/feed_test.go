package ingest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/internal/fetch"
	"sitrep/internal/ingest"
	"sitrep/internal/store/storetest"
)

// newsSite serves reports from testdata, an RSS feed of them, a page
// robots.txt disallows, a feed that is HTML and one that fails. It counts
// what was asked of it.
type newsSite struct {
	*httptest.Server
	mu          sync.Mutex
	hits        map[string]int
	notModified int
	extra       bool // the feed lists one more item
}

func (s *newsSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func newNewsSite(t *testing.T) *newsSite {
	t.Helper()
	s := &newsSite{hits: map[string]int{}}
	pages := map[string]string{"/news/market": wire, "/news/blast": lakeChad, "/news/checkpoint": checkpoint}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		switch p := r.URL.Path; {
		case p == "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		case pages[p] != "":
			b, err := os.ReadFile(pages[p])
			if err != nil {
				t.Error(err)
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(b)
		case p == "/news/relative":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			fmt.Fprint(w, "Gunmen killed seven people at a market in Maiduguri, Borno State, Nigeria on Monday, police said.\n")
		case p == "/rss":
			s.mu.Lock()
			extra := s.extra
			s.mu.Unlock()
			etag := `"v1"`
			if extra {
				etag = `"v2"`
			}
			if r.Header.Get("If-None-Match") == etag {
				s.mu.Lock()
				s.notModified++
				s.mu.Unlock()
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", etag)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Sahel Wire</title>
<item><title>Market bombing</title><link>/news/market</link><pubDate>Mon, 04 Mar 2024 18:00:00 GMT</pubDate></item>
<item><title>Blast</title><link>/news/blast</link><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate></item>
<item><title>Hidden</title><link>/private/memo</link></item>`)
			if extra {
				fmt.Fprint(w, `<item><title>Checkpoint</title><link>/news/checkpoint</link><pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate></item>`)
			}
			fmt.Fprint(w, `</channel></rss>`)
		case p == "/relative.json":
			w.Header().Set("Content-Type", "application/feed+json")
			fmt.Fprint(w, `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","url":"/news/relative","date_published":"2024-03-06T10:00:00Z"}]}`)
		case p == "/html-feed":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<html><body><p>Our feed has moved.</p></body></html>")
		case p == "/broken-feed":
			http.Error(w, "boom", http.StatusInternalServerError)
		default:
			http.NotFound(w, r)
		}
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// polite lets tests fetch from loopback without waiting a second a
// request.
var polite = fetch.Options{AllowPrivate: true, HostInterval: time.Millisecond, Timeout: 10 * time.Second}

func TestIngestFeedByURL(t *testing.T) {
	site := newNewsSite(t)
	db := storetest.Open(t, storetest.DSN(t, "sqlite"))
	sum, failed := run(t, db, []string{site.URL + "/rss"}, ingest.Options{Fetch: polite})
	if sum.New != 2 || sum.Failed != 1 {
		t.Errorf("summary: got %s, want 2 new and 1 failed", sum)
	}
	why := failed[site.URL+"/private/memo"]
	if !strings.Contains(why, "robots.txt") {
		t.Errorf("item robots.txt disallows: got %q, want a robots.txt refusal", why)
	}
	if n := site.count("/private/memo"); n != 0 {
		t.Errorf("disallowed page fetched %d times, want 0", n)
	}
	if n := site.count("/robots.txt"); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once", n)
	}
}

func TestIngestOPML(t *testing.T) {
	site := newNewsSite(t)
	opml := filepath.Join(t.TempDir(), "feeds.opml")
	err := os.WriteFile(opml, []byte(fmt.Sprintf(`<?xml version="1.0"?>
<opml version="2.0"><head><title>Monitor</title></head><body>
<outline text="Sahel"><outline type="rss" text="Wire" xmlUrl="%[1]s/rss"/></outline>
<outline type="rss" text="Moved" xmlUrl="%[1]s/html-feed"/>
<outline type="rss" text="Broken" xmlUrl="%[1]s/broken-feed"/>
</body></opml>`, site.URL)), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	db := storetest.Open(t, storetest.DSN(t, "sqlite"))
	sum, failed := run(t, db, []string{opml}, ingest.Options{Fetch: polite})
	if sum.New != 2 || sum.Failed != 3 {
		t.Errorf("summary: got %s, want 2 new, 3 failed (robots.txt, HTML, 500)", sum)
	}
	tests := []struct{ input, want string }{
		{site.URL + "/html-feed", "not an RSS, Atom or JSON feed (text/html)"},
		{site.URL + "/broken-feed", "500"},
	}
	for _, tt := range tests {
		if got := failed[tt.input]; !strings.Contains(got, tt.want) {
			t.Errorf("%s: got %q, want it to say %q", tt.input, got, tt.want)
		}
	}
}

func TestFeedItemDateIsReference(t *testing.T) {
	site := newNewsSite(t)
	db := storetest.Open(t, storetest.DSN(t, "sqlite"))
	sum, failed := run(t, db, []string{site.URL + "/relative.json"}, ingest.Options{Fetch: polite})
	if sum.New != 1 || len(failed) > 0 {
		t.Fatalf("summary: got %s, %v, want 1 new", sum, failed)
	}
	// Published on Wednesday 6 March 2024: "on Monday" is the 4th.
	in := incidentOf(t, db, site.URL+"/news/relative", "ev1")
	rec := in.Record()
	if rec.Date == nil || rec.Date.Start == nil || *rec.Date.Start != "2024-03-04" {
		t.Errorf("date: got %+v, want 2024-03-04 from the item's date", rec.Date)
	}
}

func TestWatch(t *testing.T) {
	site := newNewsSite(t)
	db := storetest.Open(t, storetest.DSN(t, "sqlite"))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	var mu sync.Mutex
	polls := 0
	failed := map[string]string{}
	opt := ingest.Options{
		Fetch:  polite,
		Failed: func(in string, err error) { failed[in] = err.Error() },
		Polled: func(n int, s ingest.Summary) {
			mu.Lock()
			polls = n
			mu.Unlock()
			if n == 3 {
				// The feed gains an item after the third poll.
				site.mu.Lock()
				site.extra = true
				site.mu.Unlock()
			}
		},
	}
	sum, err := ingest.Watch(ctx, db, extractor(t), []string{site.URL + "/rss"}, 100*time.Millisecond, opt)
	if err != nil {
		t.Fatalf("watch: %v", err)
	}
	if polls < 5 {
		t.Fatalf("polls: got %d, want at least 5 in 2 s at 100 ms", polls)
	}
	if sum.New != 3 {
		t.Errorf("summary: got %s, want 3 new (2, then 1 added to the feed)", sum)
	}
	if sum.Failed != 1 {
		t.Errorf("failed: got %d (%v), want 1, the page robots.txt disallows, reported once", sum.Failed, failed)
	}
	for _, p := range []string{"/news/market", "/news/blast", "/news/checkpoint"} {
		if n := site.count(p); n != 1 {
			t.Errorf("%s fetched %d times, want once", p, n)
		}
	}
	site.mu.Lock()
	nm, feedHits := site.notModified, site.hits["/rss"]
	site.mu.Unlock()
	if nm < feedHits-2 || nm < 3 {
		t.Errorf("feed requests: got %d, of which %d answered 304, want all but two (the first and the change) answered 304", feedHits, nm)
	}
}

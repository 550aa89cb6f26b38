package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"sitrep/internal/feed"
	"sitrep/internal/fetch"
	"sitrep/internal/warc"
)

// feedState is what a run, or a watch across runs, knows of the feeds it
// read: their order, their validators for conditional GET, and the items
// already sent. Only the producer goroutine touches it.
type feedState struct {
	order      []string
	validators map[string]fetch.Validators
	items      map[string]string // link → the item's update date when sent
}

func newFeedState() *feedState {
	return &feedState{validators: map[string]fetch.Validators{}, items: map[string]string{}}
}

// add records u as a feed.
func (s *feedState) add(u string) {
	if _, ok := s.validators[u]; !ok {
		s.validators[u] = fetch.Validators{}
		s.order = append(s.order, u)
	}
}

// isFeed reports whether u was read as a feed before.
func (s *feedState) isFeed(u string) bool {
	_, ok := s.validators[u]
	return ok
}

// expandURL fetches a URL given as input and sends what it holds: the
// page itself, a feed's items, or the items of the feeds an OPML file
// lists. A URL read as a feed before is polled as one.
func expandURL(ctx context.Context, in string, opt Options, send func(job) bool) bool {
	if opt.feeds.isFeed(in) {
		return pollFeed(ctx, in, opt, send)
	}
	resp, err := opt.Fetcher.Get(ctx, in)
	if err != nil {
		return send(job{input: in, err: fetchError(err)})
	}
	switch {
	case feed.Detect(resp.Body) != "":
		opt.feeds.add(in)
		return sendFeed(ctx, in, resp, opt, send)
	case feed.IsOPML(resp.Body):
		return sendOPML(ctx, in, resp.Body, opt, send)
	}
	return send(job{input: in, raw: resp.Body, pageURL: resp.URL})
}

// pollFeed fetches a feed, conditionally when it was read before, and
// sends its items not sent before. A feed that is not modified sends
// nothing; one that fails or is not a feed is reported.
func pollFeed(ctx context.Context, u string, opt Options, send func(job) bool) bool {
	opt.feeds.add(u)
	resp, err := opt.Fetcher.GetFeed(ctx, u, opt.feeds.validators[u])
	if errors.Is(err, fetch.ErrNotModified) {
		return true
	}
	if err != nil {
		return send(job{input: u, err: fmt.Errorf("feed: %w", fetchError(err))})
	}
	return sendFeed(ctx, u, resp, opt, send)
}

// sendFeed parses a fetched feed and sends its new items.
func sendFeed(ctx context.Context, u string, resp *fetch.Response, opt Options, send func(job) bool) bool {
	f, err := feed.Parse(resp.Body, resp.URL)
	if errors.Is(err, feed.ErrNotFeed) {
		ct := resp.ContentType
		if ct == "" {
			ct = "no Content-Type"
		}
		return send(job{input: u, err: fmt.Errorf("feed: not an RSS, Atom or JSON feed (%s)", ct)})
	}
	if err != nil {
		return send(job{input: u, err: fmt.Errorf("feed: %w", err)})
	}
	opt.feeds.validators[u] = resp.Validators()
	return sendItems(ctx, f, opt, send)
}

// sendItems sends the items of f not sent before, or updated since.
func sendItems(ctx context.Context, f *feed.Feed, opt Options, send func(job) bool) bool {
	for _, it := range f.Items {
		if ctx.Err() != nil {
			return false
		}
		if upd, ok := opt.feeds.items[it.Link]; ok && upd == it.Updated {
			continue
		}
		opt.feeds.items[it.Link] = it.Updated
		if !send(job{input: it.Link, published: it.Published}) {
			return false
		}
	}
	return true
}

// sendOPML sends the items of every feed an OPML document lists.
func sendOPML(ctx context.Context, in string, body []byte, opt Options, send func(job) bool) bool {
	urls, err := feed.ParseOPML(body)
	if err != nil {
		return send(job{input: in, err: err})
	}
	if len(urls) == 0 {
		return send(job{input: in, err: errors.New("OPML lists no feeds")})
	}
	for _, u := range urls {
		if !pollFeed(ctx, u, opt, send) {
			return false
		}
	}
	return true
}

// feedFile lists the file name endings that may hold a feed or an OPML
// list; such files are read by the producer and sniffed.
var feedFile = []string{".opml", ".xml", ".rss", ".atom", ".json"}

// expandFile sends one file given as input: a WARC archive's records, an
// OPML file's feeds, a saved feed's items, or the file itself.
func expandFile(ctx context.Context, p string, opt Options, send func(job) bool) bool {
	if isWARC(p) {
		return expandWARC(ctx, p, send)
	}
	ext := strings.ToLower(filepath.Ext(p))
	for _, e := range feedFile {
		if ext != e {
			continue
		}
		b, err := readFile(p)
		if err != nil {
			return send(job{input: p, err: err})
		}
		switch {
		case feed.IsOPML(b):
			return sendOPML(ctx, p, b, opt, send)
		case feed.Detect(b) != "":
			f, err := feed.Parse(b, "")
			if err != nil {
				return send(job{input: p, err: err})
			}
			return sendItems(ctx, f, opt, send)
		}
		return send(job{input: p, raw: b})
	}
	return send(job{input: p})
}

func isWARC(p string) bool {
	p = strings.ToLower(p)
	return strings.HasSuffix(p, ".warc") || strings.HasSuffix(p, ".warc.gz")
}

// expandWARC sends the pages of a WARC archive: the body of every
// response record that holds an HTTP 2xx response with a text or HTML
// body, named by its target URI, its WARC-Date the reference date for
// relative dates. A bad record is reported as "FILE: record N" and
// skipped; the others are read.
func expandWARC(ctx context.Context, p string, send func(job) bool) bool {
	f, err := os.Open(p)
	if err != nil {
		return send(job{input: p, err: unwrapPath(err)})
	}
	defer f.Close()
	r := warc.NewReader(f, strings.HasSuffix(strings.ToLower(p), ".gz"))
	for {
		if ctx.Err() != nil {
			return false
		}
		rec, err := r.Next()
		if err == io.EOF {
			return true
		}
		var re *warc.RecordError
		if errors.As(err, &re) {
			if !send(job{input: fmt.Sprintf("%s: record %d", p, re.N), err: re.Err}) {
				return false
			}
			continue
		}
		if err != nil {
			return send(job{input: p, err: fmt.Errorf("read WARC: %w", unwrapPath(err))})
		}
		if !rec.IsHTTPResponse() {
			continue
		}
		name := rec.TargetURI()
		if name == "" {
			name = fmt.Sprintf("%s: record %d", p, rec.N)
		}
		status, header, body, err := rec.HTTPResponse()
		if err != nil {
			if !send(job{input: name, err: fmt.Errorf("%s: record %d: %w", p, rec.N, err)}) {
				return false
			}
			continue
		}
		if status < 200 || status > 299 || !textual(header.Get("Content-Type")) {
			continue // a redirect, an error page, an image: not a report
		}
		j := job{input: name, raw: body, pageURL: rec.TargetURI(), published: rec.Date()}
		if len(body) == 0 {
			j.raw = []byte{} // reported as empty by the worker
		}
		if !send(j) {
			return false
		}
	}
}

// textual reports whether a Content-Type may hold a report.
func textual(ct string) bool {
	ct = strings.ToLower(ct)
	return ct == "" || strings.Contains(ct, "html") || strings.HasPrefix(ct, "text/")
}

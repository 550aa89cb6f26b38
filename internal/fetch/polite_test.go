package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestFetcherRobots(t *testing.T) {
	var robotsHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		robotsHits.Add(1)
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n")
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/hop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/private/secret", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	opt := local
	opt.HostInterval = -1
	f := NewFetcher(opt)
	ctx := context.Background()
	tests := []struct {
		path string
		want error
	}{
		{"/news/1", nil},
		{"/private/secret", ErrRobots},
		{"/hop", ErrRobots}, // a redirect into a disallowed path
		{"/news/2", nil},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			_, err := f.Get(ctx, srv.URL+tt.path)
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
	if n := robotsHits.Load(); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once", n)
	}
}

func TestFetcherRobotsStatus(t *testing.T) {
	tests := []struct {
		name   string
		status int
		want   error
	}{
		{"missing allows all", http.StatusNotFound, nil},
		{"server error disallows all", http.StatusServiceUnavailable, ErrRobots},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mux := http.NewServeMux()
			mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
				http.Error(w, "no", tt.status)
			})
			mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) })
			srv := httptest.NewServer(mux)
			defer srv.Close()
			opt := local
			opt.HostInterval = -1
			_, err := NewFetcher(opt).Get(context.Background(), srv.URL+"/a")
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
}

func TestFetcherPrivateRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, page) }))
	defer srv.Close()
	_, err := NewFetcher(Options{Timeout: 5 * time.Second}).Get(context.Background(), srv.URL+"/")
	if !errors.Is(err, ErrPrivateAddress) {
		t.Fatalf("got %v, want %v", err, ErrPrivateAddress)
	}
}

func TestFetcherHostInterval(t *testing.T) {
	const interval = 150 * time.Millisecond
	var mu sync.Mutex
	var arrivals []time.Time
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		arrivals = append(arrivals, time.Now())
		mu.Unlock()
		http.NotFound(w, r)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		arrivals = append(arrivals, time.Now())
		mu.Unlock()
		fmt.Fprint(w, page)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	other := httptest.NewServer(mux)
	defer other.Close()

	opt := local
	opt.HostInterval = interval
	f := NewFetcher(opt)
	ctx := context.Background()
	// Six goroutines at once, all on one host.
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := f.Get(ctx, fmt.Sprintf("%s/p/%d", srv.URL, i)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	mu.Lock()
	got := append([]time.Time(nil), arrivals...)
	mu.Unlock()
	if len(got) != 7 {
		t.Fatalf("requests: got %d, want 7 (robots.txt and six pages)", len(got))
	}
	// Timestamps are taken on the server: allow a little for the jitter
	// of the network and the scheduler between client and server.
	const slack = 15 * time.Millisecond
	for i := 1; i < len(got); i++ {
		if gap := got[i].Sub(got[i-1]); gap < interval-slack {
			t.Errorf("gap between requests %d and %d: got %v, want at least %v", i-1, i, gap, interval)
		}
	}
	if total := got[len(got)-1].Sub(got[0]); total < 6*interval-slack {
		t.Errorf("seven requests took %v, want at least %v", total, 6*interval)
	}

	// Another host does not wait for the first: its robots.txt goes at
	// once and its page one interval later.
	start := time.Now()
	f.mu.Lock()
	f.hosts[srv.URL].next = time.Now().Add(time.Hour)
	f.mu.Unlock()
	if _, err := f.Get(ctx, other.URL+"/x"); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*interval {
		t.Errorf("first request to another host took %v, want at most %v", d, 2*interval)
	}
}

func TestFetcherConditional(t *testing.T) {
	const etag = `"v1"`
	const modified = "Mon, 04 Mar 2024 10:00:00 GMT"
	var gotINM, gotIMS string
	mux := http.NewServeMux()
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		gotINM, gotIMS = r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since")
		if gotINM == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", modified)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "<rss version=\"2.0\"><channel><title>t</title></channel></rss>")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	opt := local
	opt.HostInterval = -1
	f := NewFetcher(opt)
	ctx := context.Background()

	resp, err := f.GetFeed(ctx, srv.URL+"/feed", Validators{})
	if err != nil {
		t.Fatal(err)
	}
	v := resp.Validators()
	if v.ETag != etag || v.LastModified != modified {
		t.Fatalf("validators: got %+v, want %s and %s", v, etag, modified)
	}
	if gotINM != "" || gotIMS != "" {
		t.Errorf("first request conditional: got %q, %q, want none", gotINM, gotIMS)
	}
	_, err = f.GetFeed(ctx, srv.URL+"/feed", v)
	if !errors.Is(err, ErrNotModified) {
		t.Fatalf("second request: got %v, want %v", err, ErrNotModified)
	}
	if gotINM != etag || gotIMS != modified {
		t.Errorf("conditional headers: got %q, %q, want %q, %q", gotINM, gotIMS, etag, modified)
	}
	// Changed since: the server sends the body again.
	if _, err := f.GetFeed(ctx, srv.URL+"/feed", Validators{ETag: `"v0"`}); err != nil {
		t.Errorf("changed resource: got %v, want the body", err)
	}
}

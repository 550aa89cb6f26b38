package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// RobotsTTL is how long a Fetcher keeps a host's robots.txt before it
// reads it again.
const RobotsTTL = 24 * time.Hour

// maxRobots caps the size of a robots.txt file, as Google does.
const maxRobots = 500 << 10

// A Fetcher fetches pages politely: it reads each host's robots.txt once
// (then again after RobotsTTL) and refuses what it disallows, and it
// leaves at least Options.HostInterval between the starts of two requests
// to one host, whatever the number of goroutines calling it. A Fetcher is
// safe for concurrent use; share one for a whole run.
type Fetcher struct {
	opt Options

	mu    sync.Mutex
	hosts map[string]*host // by scheme://host:port
}

// host is what a Fetcher knows of one host.
type host struct {
	next time.Time // the earliest start of the next request

	robotsMu sync.Mutex // held while robots.txt is read
	robots   *robotstxt.RobotsData
	read     time.Time // when robots was read
}

// NewFetcher returns a Fetcher that fetches with opt.
func NewFetcher(opt Options) *Fetcher {
	return &Fetcher{opt: opt.withDefaults(), hosts: map[string]*host{}}
}

// Get fetches rawURL as the package function Get does, once robots.txt
// allows it and the host's interval has passed. A URL that robots.txt
// disallows fails with ErrRobots; redirects are checked the same way.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Response, error) {
	return f.do(ctx, rawURL, request{})
}

// GetFeed fetches a feed with a conditional request: when v is not empty
// and the server answers 304 Not Modified, it fails with ErrNotModified.
// Take the validators for the next request from Response.Validators.
func (f *Fetcher) GetFeed(ctx context.Context, rawURL string, v Validators) (*Response, error) {
	return f.do(ctx, rawURL, request{validators: v, accept: acceptFeed})
}

func (f *Fetcher) do(ctx context.Context, rawURL string, rq request) (*Response, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("fetch %q: %w", rawURL, ErrBadURL)
	}
	// The first hop is checked here, outside the exchange's time limit,
	// so that waiting for a busy host does not eat into it; redirects are
	// checked inside it.
	if err := f.allow(ctx, u); err != nil {
		return nil, err
	}
	rq.before = f.allow
	return get(ctx, u.String(), f.opt, rq)
}

// allow checks u against its host's robots.txt and then waits for the
// host's turn.
func (f *Fetcher) allow(ctx context.Context, u *url.URL) error {
	h := f.host(u)
	robots, err := f.robots(ctx, u, h)
	if err != nil {
		return err
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !robots.TestAgent(path, f.opt.UserAgent) {
		return fmt.Errorf("fetch %s: %w", u, ErrRobots)
	}
	return f.wait(ctx, h)
}

// host returns the record of u's host, made on first use.
func (f *Fetcher) host(u *url.URL) *host {
	key := u.Scheme + "://" + strings.ToLower(u.Host)
	f.mu.Lock()
	defer f.mu.Unlock()
	h := f.hosts[key]
	if h == nil {
		h = &host{}
		f.hosts[key] = h
	}
	return h
}

// wait reserves the host's next slot and sleeps until it comes.
func (f *Fetcher) wait(ctx context.Context, h *host) error {
	if f.opt.HostInterval < 0 {
		return nil
	}
	f.mu.Lock()
	now := time.Now()
	at := h.next
	if at.Before(now) {
		at = now
	}
	h.next = at.Add(f.opt.HostInterval)
	f.mu.Unlock()
	d := time.Until(at)
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("wait for host: %w", ctx.Err())
	}
}

// robots returns the host's robots.txt rules, reading them when they are
// not known or older than RobotsTTL. A robots.txt that is missing (4xx)
// allows everything; one that fails (5xx) disallows everything, as
// RFC 9309 asks; a host that cannot be reached fails the fetch.
func (f *Fetcher) robots(ctx context.Context, u *url.URL, h *host) (*robotstxt.RobotsData, error) {
	h.robotsMu.Lock()
	defer h.robotsMu.Unlock()
	if h.robots != nil && time.Since(h.read) < RobotsTTL {
		return h.robots, nil
	}
	if err := f.wait(ctx, h); err != nil {
		return nil, err
	}
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	opt := f.opt
	opt.MaxBytes = maxRobots
	status := 200
	var body []byte
	resp, err := get(ctx, ru.String(), opt, request{accept: "text/plain,*/*;q=0.5"})
	var se *StatusError
	switch {
	case errors.As(err, &se):
		status = se.StatusCode
	case errors.Is(err, ErrTooLarge):
		// Read no further than the cap would allow: treat as missing.
		status = 404
	case errors.Is(err, ErrTooManyRedirects):
		status = 404 // RFC 9309: unreachable through redirects means none
	case err != nil:
		return nil, fmt.Errorf("read robots.txt: %w", err)
	default:
		body = resp.Body
	}
	r, err := robotstxt.FromStatusAndBytes(status, body)
	if err != nil {
		// A robots.txt that does not parse says nothing we can honour.
		r, _ = robotstxt.FromStatusAndBytes(404, nil)
	}
	h.robots, h.read = r, time.Now()
	return r, nil
}

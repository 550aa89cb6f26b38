package fetch

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"time"
)

// Defaults for Options left zero.
const (
	// DefaultMaxBytes is the default cap on a body, as sent and decompressed.
	DefaultMaxBytes = 16 << 20
	// DefaultTimeout is the default time allowed for a whole exchange.
	DefaultTimeout = 20 * time.Second
	// DefaultUserAgent is the User-Agent sent when none is set.
	DefaultUserAgent = "sitrep/1.0 (news event extraction)"
	// MaxRedirects is the number of redirects Get follows.
	MaxRedirects = 10
	// DefaultHostInterval is the least time a Fetcher leaves between two
	// requests to one host.
	DefaultHostInterval = time.Second
)

// Errors returned by Get, wrapped with the URL and the step that failed.
var (
	// ErrBadURL is returned for a URL that is not absolute http(s).
	ErrBadURL = errors.New("not an http or https URL")
	// ErrPrivateAddress is returned when the host resolves to an address
	// that is not public and Options.AllowPrivate is not set.
	ErrPrivateAddress = errors.New("address is not public")
	// ErrUnreachable is returned when the host cannot be resolved or
	// connected to, or the connection fails.
	ErrUnreachable = errors.New("host unreachable")
	// ErrTimeout is returned when the exchange takes longer than
	// Options.Timeout.
	ErrTimeout = errors.New("timed out")
	// ErrTooManyRedirects is returned after MaxRedirects redirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrStatus is returned for a response whose status is not 2xx; the
	// error is a *StatusError.
	ErrStatus = errors.New("HTTP status not OK")
	// ErrTooLarge is returned when the body, as sent or decompressed, is
	// longer than Options.MaxBytes.
	ErrTooLarge = errors.New("response body too large")
	// ErrEncoding is returned for a body in a content encoding Get cannot
	// decode, or that does not decode.
	ErrEncoding = errors.New("bad content encoding")
	// ErrRobots is returned by a Fetcher for a URL that the site's
	// robots.txt disallows to sitrep's user agent.
	ErrRobots = errors.New("disallowed by robots.txt")
	// ErrNotModified is returned by a conditional request that the server
	// answered 304 Not Modified.
	ErrNotModified = errors.New("not modified")
)

// StatusError is the error for a response whose status is not 2xx.
type StatusError struct {
	URL        string // the URL that answered
	StatusCode int    // its status code
	Status     string // its status line, such as "404 Not Found"
}

// Error describes the status.
func (e *StatusError) Error() string {
	return fmt.Sprintf("fetch %s: %s: %s", e.URL, ErrStatus, e.Status)
}

// Is makes errors.Is(err, ErrStatus) true.
func (e *StatusError) Is(target error) bool { return target == ErrStatus }

// Options tune Get. The zero value is safe: public addresses only, 16 MiB,
// 20 seconds.
type Options struct {
	// AllowPrivate lets Get connect to loopback, private and other
	// non-public addresses; tests against httptest servers need it.
	AllowPrivate bool
	// MaxBytes caps the body, as sent and once decompressed; zero means
	// DefaultMaxBytes.
	MaxBytes int64
	// Timeout caps the whole exchange, redirects and body included; zero
	// means DefaultTimeout.
	Timeout time.Duration
	// UserAgent is sent as User-Agent; empty means DefaultUserAgent.
	UserAgent string
	// HostInterval is the least time a Fetcher leaves between the starts
	// of two requests to one host, robots.txt and redirects included;
	// zero means DefaultHostInterval and a negative value no wait. Get
	// alone ignores it.
	HostInterval time.Duration
}

// Response is a fetched page.
type Response struct {
	// URL is the final URL, after redirects.
	URL string
	// Body is the body, its content encoding undone.
	Body []byte
	// ContentType is the Content-Type header, charset included.
	ContentType string
	// Header holds the response headers, less Content-Encoding and
	// Content-Length when the body was decoded.
	Header http.Header
}

// Validators returns what the response offers to make the next request
// for it conditional.
func (r *Response) Validators() Validators {
	return Validators{ETag: r.Header.Get("ETag"), LastModified: r.Header.Get("Last-Modified")}
}

// Validators make a request conditional: the server answers 304 Not
// Modified, and the fetch fails with ErrNotModified, when the resource
// still has this ETag or has not changed since LastModified.
type Validators struct {
	ETag         string // sent as If-None-Match
	LastModified string // sent as If-Modified-Since
}

func (v Validators) empty() bool { return v.ETag == "" && v.LastModified == "" }

// Get fetches rawURL and returns its body. See the package documentation
// for what it refuses and caps. Get is one plain exchange: it neither reads
// robots.txt nor waits its turn at the host; a Fetcher does both.
func Get(ctx context.Context, rawURL string, opt Options) (*Response, error) {
	return get(ctx, rawURL, opt, request{})
}

// request holds what a Fetcher adds to one exchange.
type request struct {
	// before is called before every redirect; an error stops the
	// exchange.
	before func(ctx context.Context, u *url.URL) error
	// validators make the request conditional.
	validators Validators
	// accept is the Accept header; empty means acceptPage.
	accept string
}

// Accept headers for a page and for a feed.
const (
	acceptPage = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"
	acceptFeed = "application/rss+xml,application/atom+xml,application/feed+json,application/json;q=0.9,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)

func get(ctx context.Context, rawURL string, opt Options, rq request) (*Response, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("fetch %q: %w", rawURL, ErrBadURL)
	}
	opt = opt.withDefaults()
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()

	client := newClient(opt, rq.before)
	defer client.CloseIdleConnections()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w: %v", u, ErrBadURL, err)
	}
	req.Header.Set("User-Agent", opt.UserAgent)
	if rq.accept == "" {
		rq.accept = acceptPage
	}
	req.Header.Set("Accept", rq.accept)
	// Asking for the encodings ourselves keeps the transport from
	// decompressing behind our back, so the caps apply to both sizes.
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	if rq.validators.ETag != "" {
		req.Header.Set("If-None-Match", rq.validators.ETag)
	}
	if rq.validators.LastModified != "" {
		req.Header.Set("If-Modified-Since", rq.validators.LastModified)
	}

	resp, err := client.Do(req)
	if err != nil {
		return nil, classify(ctx, u.String(), "request", err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	if resp.StatusCode == http.StatusNotModified && !rq.validators.empty() {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		return nil, fmt.Errorf("fetch %s: %w", final, ErrNotModified)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 4<<10))
		return nil, &StatusError{URL: final, StatusCode: resp.StatusCode, Status: resp.Status}
	}
	if resp.ContentLength > opt.MaxBytes {
		return nil, fmt.Errorf("fetch %s: %w: Content-Length %d, limit %d", final, ErrTooLarge, resp.ContentLength, opt.MaxBytes)
	}
	body, err := readBody(resp, opt.MaxBytes)
	if err != nil {
		if errors.Is(err, ErrTooLarge) || errors.Is(err, ErrEncoding) {
			return nil, fmt.Errorf("fetch %s: read body: %w", final, err)
		}
		return nil, classify(ctx, final, "read body", err)
	}
	header := resp.Header.Clone()
	if header.Get("Content-Encoding") != "" {
		// The body is decoded: its encoding and length no longer apply.
		header.Del("Content-Encoding")
		header.Del("Content-Length")
	}
	return &Response{
		URL:         final,
		Body:        body,
		ContentType: header.Get("Content-Type"),
		Header:      header,
	}, nil
}

// withDefaults fills the zero fields of o.
func (o Options) withDefaults() Options {
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.HostInterval == 0 {
		o.HostInterval = DefaultHostInterval
	}
	return o
}

// newClient builds a client whose dialer checks every address it
// connects to.
func newClient(opt Options, before func(context.Context, *url.URL) error) *http.Client {
	dialer := &net.Dialer{
		Timeout:   opt.Timeout,
		KeepAlive: 30 * time.Second,
		Control: func(network, address string, _ syscall.RawConn) error {
			if opt.AllowPrivate {
				return nil
			}
			return checkAddress(address)
		},
	}
	transport := &http.Transport{
		Proxy:                  nil,
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    opt.Timeout,
		ResponseHeaderTimeout:  opt.Timeout,
		MaxIdleConns:           4,
		IdleConnTimeout:        10 * time.Second,
		DisableCompression:     true,
		MaxResponseHeaderBytes: 1 << 20,
	}
	return &http.Client{
		Transport: transport,
		Timeout:   opt.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > MaxRedirects {
				return fmt.Errorf("%w: more than %d", ErrTooManyRedirects, MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %q: %w", req.URL, ErrBadURL)
			}
			if before != nil {
				return before(req.Context(), req.URL)
			}
			return nil
		},
	}
}

// checkAddress refuses a dialled "host:port" whose host is not a public
// address.
func checkAddress(address string) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		host = address
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("dial %s: %w: not an IP address", address, ErrPrivateAddress)
	}
	if !IsPublic(ip) {
		return fmt.Errorf("dial %s: %w", address, ErrPrivateAddress)
	}
	return nil
}

// reserved lists ranges that are neither loopback, private, link-local nor
// multicast by the netip predicates, yet are not public either.
var reserved = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, and broadcast
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("100::/64"),        // discard
}

// embedsIPv4 lists IPv6 ranges that carry an IPv4 address in their low
// 32 bits (NAT64), which must be public too.
var embedsIPv4 = []netip.Prefix{
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
}

// IsPublic reports whether ip is a public unicast address: not loopback,
// private, link-local, unspecified, multicast or otherwise reserved.
// IPv4-mapped and NAT64 IPv6 addresses are judged by their IPv4 address.
func IsPublic(ip netip.Addr) bool {
	ip = ip.Unmap()
	for _, p := range embedsIPv4 {
		if p.Contains(ip) {
			b := ip.As16()
			return IsPublic(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
		}
	}
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsInterfaceLocalMulticast() || ip.IsMulticast() {
		return false
	}
	for _, p := range reserved {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// readBody reads the body, decoding its content encodings as it goes:
// at most max bytes are read off the wire, and at most max come out, so
// neither a long body nor a small one that inflates without end is read
// past the cap.
func readBody(resp *http.Response, max int64) ([]byte, error) {
	var encodings []string
	for _, v := range resp.Header.Values("Content-Encoding") {
		for _, e := range strings.Split(v, ",") {
			if e = strings.ToLower(strings.TrimSpace(e)); e != "" && e != "identity" {
				encodings = append(encodings, e)
			}
		}
	}
	if len(encodings) > 2 {
		return nil, fmt.Errorf("%w: %d layers of encoding", ErrEncoding, len(encodings))
	}
	wire := &capReader{r: resp.Body, left: max}
	var r io.Reader = wire
	// Encodings are listed in the order they were applied.
	for i := len(encodings) - 1; i >= 0; i-- {
		d, err := decoder(r, encodings[i])
		if err != nil {
			if wire.err != nil {
				return nil, wire.err
			}
			return nil, err
		}
		r = d
	}
	out, err := io.ReadAll(io.LimitReader(r, max+1))
	switch {
	case int64(len(out)) > max:
		return nil, fmt.Errorf("%w: more than %d bytes once decompressed", ErrTooLarge, max)
	case err == nil:
		return out, nil
	case wire.err != nil:
		// The wire failed, or went past the cap: that is the error, not
		// the decoder's complaint about a cut stream.
		return nil, wire.err
	case len(encodings) > 0:
		return nil, fmt.Errorf("%w: %s: %v", ErrEncoding, strings.Join(encodings, ", "), err)
	}
	return nil, err
}

// capReader reads at most left bytes and fails with ErrTooLarge on the
// byte after; it keeps the first error it met.
type capReader struct {
	r    io.Reader
	left int64
	err  error
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, c.err
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		c.err = fmt.Errorf("%w: more than the cap of bytes on the wire", ErrTooLarge)
		return n - 1, c.err
	}
	if err != nil && err != io.EOF && c.err == nil {
		c.err = err
	}
	return n, err
}

// decoder returns a reader that undoes one content encoding of r.
func decoder(r io.Reader, encoding string) (io.Reader, error) {
	switch encoding {
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("%w: gzip: %v", ErrEncoding, err)
		}
		return zr, nil
	case "deflate":
		// "deflate" is zlib by the standard and raw DEFLATE in practice;
		// the zlib header tells them apart.
		br := bufio.NewReader(r)
		h, err := br.Peek(2)
		if err == nil && h[0]&0x0f == 8 && (uint16(h[0])<<8|uint16(h[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("%w: deflate: %v", ErrEncoding, err)
			}
			return zr, nil
		}
		return flate.NewReader(br), nil
	}
	return nil, fmt.Errorf("%w: %q", ErrEncoding, encoding)
}

// classify wraps a transport error with the sentinel that says what went
// wrong.
func classify(ctx context.Context, u, step string, err error) error {
	switch {
	case errors.Is(err, ErrPrivateAddress):
		return fmt.Errorf("fetch %s: %s: %w", u, step, ErrPrivateAddress)
	case errors.Is(err, ErrTooManyRedirects):
		return fmt.Errorf("fetch %s: %w", u, ErrTooManyRedirects)
	case errors.Is(err, ErrRobots):
		return fmt.Errorf("fetch %s: %s: %w", u, step, ErrRobots)
	case errors.Is(err, ErrBadURL):
		return fmt.Errorf("fetch %s: %s: %w", u, step, err)
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded) || isTimeout(err):
		return fmt.Errorf("fetch %s: %s: %w: %w", u, step, ErrTimeout, err)
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("fetch %s: %s: %w", u, step, err)
	}
	return fmt.Errorf("fetch %s: %s: %w: %w", u, step, ErrUnreachable, err)
}

// isTimeout reports whether err is a network time-out.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

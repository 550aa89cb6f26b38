package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// local lets tests reach httptest servers, which listen on loopback.
var local = Options{AllowPrivate: true, Timeout: 5 * time.Second}

const page = "<html><head><title>x</title></head><body><p>Body</p></body></html>"

func TestGet(t *testing.T) {
	var gotUA string
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		gotUA = r.Header.Get("User-Agent")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		fmt.Fprint(zw, page)
		zw.Close()
	})
	mux.HandleFunc("/deflate", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "deflate")
		fw, _ := flate.NewWriter(w, flate.BestSpeed)
		fmt.Fprint(fw, page)
		fw.Close()
	})
	mux.HandleFunc("/redirect/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/redirect/"), "%d", &n)
		if n == 0 {
			http.Redirect(w, r, "/page", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/redirect/%d", n-1), http.StatusMovedPermanently)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tests := []struct {
		name    string
		path    string
		opt     Options
		wantURL string
	}{
		{"plain", "/page", local, "/page"},
		{"gzip", "/gzip", local, "/gzip"},
		{"deflate", "/deflate", local, "/deflate"},
		{"redirects within the limit", fmt.Sprintf("/redirect/%d", MaxRedirects-1), local, "/page"},
		{"user agent", "/page", Options{AllowPrivate: true, UserAgent: "test-agent/2"}, "/page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := Get(context.Background(), srv.URL+tt.path, tt.opt)
			if err != nil {
				t.Fatalf("Get: %v", err)
			}
			if string(resp.Body) != page {
				t.Errorf("body: got %q, want %q", resp.Body, page)
			}
			if resp.Header.Get("Content-Encoding") != "" {
				t.Errorf("Content-Encoding %q left on a decoded body", resp.Header.Get("Content-Encoding"))
			}
			if want := srv.URL + tt.wantURL; resp.URL != want {
				t.Errorf("URL: got %q, want %q", resp.URL, want)
			}
		})
	}
	if _, err := Get(context.Background(), srv.URL+"/page", Options{AllowPrivate: true, UserAgent: "test-agent/2"}); err != nil || gotUA != "test-agent/2" {
		t.Errorf("User-Agent: got %q (%v), want %q", gotUA, err, "test-agent/2")
	}
	if _, err := Get(context.Background(), srv.URL+"/page", local); err != nil || gotUA != DefaultUserAgent {
		t.Errorf("User-Agent: got %q (%v), want %q", gotUA, err, DefaultUserAgent)
	}
	resp, err := Get(context.Background(), srv.URL+"/page", local)
	if err != nil {
		t.Fatal(err)
	}
	if resp.ContentType != "text/html; charset=utf-8" || resp.Header.Get("Content-Type") != resp.ContentType {
		t.Errorf("content type: got %q, want %q", resp.ContentType, "text/html; charset=utf-8")
	}
}

func TestGetErrors(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/file", http.StatusFound)
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "2000")
		w.Write(bytes.Repeat([]byte("a"), 2000))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		for range 20 {
			w.Write(bytes.Repeat([]byte("a"), 100))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/not-gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/brotli", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "br")
		fmt.Fprint(w, page)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	small := Options{AllowPrivate: true, MaxBytes: 1000, Timeout: 5 * time.Second}

	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()

	tests := []struct {
		name string
		url  string
		opt  Options
		want error
	}{
		{"loopback refused by default", srv.URL + "/missing", Options{}, ErrPrivateAddress},
		{"localhost refused", strings.Replace(srv.URL, "127.0.0.1", "localhost", 1), Options{}, ErrPrivateAddress},
		{"private refused", "http://10.1.2.3/", Options{Timeout: 2 * time.Second}, ErrPrivateAddress},
		{"link-local refused", "http://169.254.169.254/latest/meta-data/", Options{Timeout: 2 * time.Second}, ErrPrivateAddress},
		{"unspecified refused", "http://0.0.0.0/", Options{Timeout: 2 * time.Second}, ErrPrivateAddress},
		{"IPv6 loopback refused", "http://[::1]:80/", Options{Timeout: 2 * time.Second}, ErrPrivateAddress},
		{"mapped IPv4 loopback refused", "http://[::ffff:127.0.0.1]:80/", Options{Timeout: 2 * time.Second}, ErrPrivateAddress},
		{"not found", srv.URL + "/missing", local, ErrStatus},
		{"server error", srv.URL + "/broken", local, ErrStatus},
		{"redirect loop", srv.URL + "/loop", local, ErrTooManyRedirects},
		{"redirect out of http", srv.URL + "/to-ftp", local, ErrBadURL},
		{"too large by length", srv.URL + "/big", small, ErrTooLarge},
		{"too large chunked", srv.URL + "/big-chunked", small, ErrTooLarge},
		{"bad gzip", srv.URL + "/not-gzip", local, ErrEncoding},
		{"unknown encoding", srv.URL + "/brotli", local, ErrEncoding},
		{"slow", srv.URL + "/slow", Options{AllowPrivate: true, Timeout: 300 * time.Millisecond}, ErrTimeout},
		{"connection refused", closedURL, local, ErrUnreachable},
		{"no such host", "http://no-such-host.invalid/", Options{Timeout: 3 * time.Second}, ErrUnreachable},
		{"ftp", "ftp://example.com/", local, ErrBadURL},
		{"file", "file:///etc/passwd", local, ErrBadURL},
		{"relative", "/page", local, ErrBadURL},
		{"garbage", "http://[::1", local, ErrBadURL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Get(context.Background(), tt.url, tt.opt)
			if !errors.Is(err, tt.want) {
				t.Fatalf("got %v, want %v", err, tt.want)
			}
		})
	}
	_, err := Get(context.Background(), srv.URL+"/missing", local)
	var se *StatusError
	if !errors.As(err, &se) || se.StatusCode != http.StatusNotFound {
		t.Errorf("status error: got %v, want a *StatusError with 404", err)
	}
}

// TestGzipBomb serves an endless gzip stream of zeros: Get must stop at
// MaxBytes decompressed, quickly, and say so.
func TestGzipBomb(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
		zeros := make([]byte, 1<<20)
		for range 1 << 12 { // up to 4 GiB, if the client kept reading
			if _, err := zw.Write(zeros); err != nil {
				return
			}
		}
		zw.Close()
	}))
	defer srv.Close()
	start := time.Now()
	_, err := Get(context.Background(), srv.URL, Options{AllowPrivate: true, MaxBytes: 16 << 20, Timeout: 20 * time.Second})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("got %v, want %v", err, ErrTooLarge)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v to refuse a gzip bomb", d)
	}
}

// TestDialCheck checks the dial-time check itself, which is what guards
// redirects and DNS rebinding: whatever name led there, the address
// dialled is judged.
func TestDialCheck(t *testing.T) {
	tests := []struct {
		addr string
		want bool // allowed
	}{
		{"93.184.216.34:443", true},
		{"[2606:2800:220:1:248:1893:25c8:1946]:443", true},
		{"8.8.8.8:53", true},
		{"127.0.0.1:80", false},
		{"127.8.9.10:80", false},
		{"10.0.0.1:80", false},
		{"172.16.5.4:80", false},
		{"192.168.1.1:80", false},
		{"169.254.169.254:80", false},
		{"0.0.0.0:80", false},
		{"224.0.0.1:80", false},
		{"255.255.255.255:80", false},
		{"100.64.0.1:80", false},
		{"[::1]:80", false},
		{"[::]:80", false},
		{"[fe80::1]:80", false},
		{"[fc00::1]:80", false},
		{"[ff02::1]:80", false},
		{"[::ffff:10.0.0.1]:80", false},
		{"[64:ff9b::7f00:1]:80", false},
		{"[64:ff9b::808:808]:80", true},
		{"example.com:80", false},
	}
	for _, tt := range tests {
		err := checkAddress(tt.addr)
		if got := err == nil; got != tt.want {
			t.Errorf("checkAddress(%s): got allowed %v (%v), want %v", tt.addr, got, err, tt.want)
		}
		if err != nil && !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("checkAddress(%s): got %v, want %v", tt.addr, err, ErrPrivateAddress)
		}
	}
}

// TestRebinding resolves a public-looking name to loopback through a
// custom dialer path: the check must still refuse it, since it looks at
// the address dialled, not the name.
func TestRebinding(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	// "localtest.me"-style names are not to be relied on offline, so a
	// name in /etc/hosts stands in: localhost always resolves to loopback.
	_, err := Get(context.Background(), "http://localhost:"+port+"/", Options{Timeout: 2 * time.Second})
	if !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("got %v, want %v", err, ErrPrivateAddress)
	}
	if !IsPublic(netip.MustParseAddr("1.1.1.1")) {
		t.Error("1.1.1.1 should be public")
	}
}

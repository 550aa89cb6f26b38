package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// record writes one WARC record.
func record(typ, uri, contentType, block string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n", typ, uri)
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:%08x>\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", len(uri)+len(block), contentType, len(block))
	b.WriteString(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// response writes a response record for a page.
func response(uri, html string) []byte {
	httpBlock := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nX-Crawler-Content-Length: 10\r\n\r\n" + html
	return record("response", uri, "application/http; msgtype=response", httpBlock)
}

// gz compresses each record as its own gzip member.
func gz(records ...[]byte) []byte {
	var out bytes.Buffer
	for _, r := range records {
		zw := gzip.NewWriter(&out)
		zw.Write(r)
		zw.Close()
	}
	return out.Bytes()
}

type got struct {
	uris []string
	errs []error
}

func readAll(t *testing.T, b []byte, gzipped bool) got {
	t.Helper()
	r := NewReader(bytes.NewReader(b), gzipped)
	var g got
	for i := 0; i < 100; i++ {
		rec, err := r.Next()
		if err == io.EOF {
			return g
		}
		if err != nil {
			var re *RecordError
			if !errors.As(err, &re) {
				t.Fatalf("error is not a *RecordError: %v", err)
			}
			g.errs = append(g.errs, err)
			continue
		}
		if rec.IsHTTPResponse() {
			g.uris = append(g.uris, rec.TargetURI())
		}
	}
	t.Fatal("reader does not end")
	return g
}

func TestReader(t *testing.T) {
	info := record("warcinfo", "", "application/warc-fields", "software: test\r\n")
	a := response("https://a.example/1", "<html><body><p>A</p></body></html>")
	b := response("https://b.example/2", "<html><body><p>B</p></body></html>")
	c := response("https://c.example/3", "<html><body><p>C</p></body></html>")
	req := record("request", "https://a.example/1", "application/http; msgtype=request", "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n")

	truncGz := gz(b)
	truncGz = truncGz[:len(truncGz)/2]
	corruptGz := gz(b)
	for i := 20; i < len(corruptGz)-8; i++ {
		corruptGz[i] ^= 0x5a
	}
	// A record whose Content-Length claims more than it holds.
	shortB := bytes.Replace(b, []byte("Content-Length: "), []byte("Content-Length: 9"), 1)

	tests := []struct {
		name     string
		data     []byte
		gzipped  bool
		want     []string
		wantErrs []error // nil: any fault
	}{
		{"plain", bytes.Join([][]byte{info, a, req, b, c}, nil), false, []string{"https://a.example/1", "https://b.example/2", "https://c.example/3"}, nil},
		{"gzip members", gz(info, a, req, b, c), true, []string{"https://a.example/1", "https://b.example/2", "https://c.example/3"}, nil},
		// The cut member's inflater runs on into the next member: what
		// it makes of those bytes decides which fault is reported.
		{"gzip truncated member", cat(gz(a), truncGz, gz(c)), true, []string{"https://a.example/1", "https://c.example/3"}, []error{nil}},
		{"gzip truncated at end", cat(gz(a, c), truncGz), true, []string{"https://a.example/1", "https://c.example/3"}, []error{ErrTruncated}},
		{"gzip corrupt member", cat(gz(a), corruptGz, gz(c)), true, []string{"https://a.example/1", "https://c.example/3"}, []error{ErrGzip}},
		{"gzip garbage between members", cat(gz(a), []byte("garbage!"), gz(c)), true, []string{"https://a.example/1", "https://c.example/3"}, []error{ErrGzip}},
		{"plain bad header", cat(a, []byte("WARC/1.0\r\nno colon here\r\n\r\n"), c), false, []string{"https://a.example/1", "https://c.example/3"}, []error{ErrFormat}},
		{"plain long Content-Length", cat(a, shortB, c), false, []string{"https://a.example/1", "https://c.example/3"}, []error{ErrTruncated}},
		{"plain truncated at end", cat(a, c, b[:len(b)-40]), false, []string{"https://a.example/1", "https://c.example/3"}, []error{ErrTruncated}},
		{"plain junk before a record", cat(a, []byte("junk\r\nmore junk\r\n"), c), false, []string{"https://a.example/1", "https://c.example/3"}, []error{ErrFormat}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := readAll(t, tt.data, tt.gzipped)
			if strings.Join(g.uris, " ") != strings.Join(tt.want, " ") {
				t.Errorf("pages: got %v, want %v", g.uris, tt.want)
			}
			if len(g.errs) != len(tt.wantErrs) {
				t.Fatalf("errors: got %v, want %v", g.errs, tt.wantErrs)
			}
			for i, e := range tt.wantErrs {
				if e != nil && !errors.Is(g.errs[i], e) {
					t.Errorf("error %d: got %v, want %v", i, g.errs[i], e)
				}
			}
		})
	}
}

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

func TestHTTPResponse(t *testing.T) {
	var zbody bytes.Buffer
	zw := gzip.NewWriter(&zbody)
	zw.Write([]byte("<p>zipped</p>"))
	zw.Close()
	tests := []struct {
		name, block, want string
	}{
		{"plain", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>hi</p>", "<p>hi</p>"},
		{"chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n<p>h\r\n5\r\ni</p>\r\n0\r\n\r\n", "<p>hi</p>"},
		{"gzip", "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + zbody.String(), "<p>zipped</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &Record{Block: []byte(tt.block)}
			status, _, body, err := rec.HTTPResponse()
			if err != nil {
				t.Fatal(err)
			}
			if status != 200 || string(body) != tt.want {
				t.Errorf("got %d %q, want 200 %q", status, body, tt.want)
			}
		})
	}
}

func FuzzReader(f *testing.F) {
	a := response("https://a.example/1", "<p>A</p>")
	f.Add(a, false)
	f.Add(gz(a, a), true)
	f.Fuzz(func(t *testing.T, data []byte, gzipped bool) {
		r := NewReader(bytes.NewReader(data), gzipped)
		for i := 0; i < 10000; i++ {
			rec, err := r.Next()
			if err == io.EOF {
				return
			}
			if err == nil && rec.IsHTTPResponse() {
				rec.HTTPResponse()
			}
		}
		t.Fatal("reader does not end")
	})
}

package ingest_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitrep/internal/ingest"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

// warcResponse writes a WARC response record, as Common Crawl News does,
// for a page read from testdata.
func warcResponse(t *testing.T, uri, path string) []byte {
	t.Helper()
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	block := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nServer: test\r\n\r\n" + string(page)
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%x>\r\n", len(uri))
	fmt.Fprintf(&b, "WARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", uri, len(block), block)
	return b.Bytes()
}

func gzipMember(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

func TestIngestWARC(t *testing.T) {
	info := []byte("WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Type: application/warc-fields\r\nContent-Length: 16\r\n\r\nsoftware: test\r\n\r\n\r\n")
	a := warcResponse(t, "https://sahelwire.example/market", wire)
	b := warcResponse(t, "https://lakechad.example/blast", lakeChad)
	c := warcResponse(t, "https://continental.example/toll", continental)
	d := warcResponse(t, "https://sahelwire.example/checkpoint", checkpoint)
	cut := gzipMember(c)
	cut = cut[:len(cut)/2]

	tmp := t.TempDir()
	sub := filepath.Join(tmp, "crawl")
	os.MkdirAll(sub, 0o755)
	gz := bytes.Join([][]byte{gzipMember(info), gzipMember(a), cut, gzipMember(b)}, nil)
	os.WriteFile(filepath.Join(sub, "CC-NEWS-1.warc.gz"), gz, 0o644)
	// A plain WARC whose first record is cut short of its Content-Length.
	short := bytes.Replace(c, []byte("Content-Length: "), []byte("Content-Length: 9"), 1)
	os.WriteFile(filepath.Join(sub, "CC-NEWS-2.warc"), bytes.Join([][]byte{short, d}, nil), 0o644)

	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		sum, failed := run(t, db, []string{tmp}, ingest.Options{})
		if sum.New != 3 || sum.Failed != 2 {
			t.Errorf("summary: got %s, want 3 new, 2 failed; failures %v", sum, failed)
		}
		var bad []string
		for in := range failed {
			bad = append(bad, in)
		}
		for _, want := range []string{"CC-NEWS-1.warc.gz: record 3", "CC-NEWS-2.warc: record 1"} {
			if !strings.Contains(strings.Join(bad, "\n"), want) {
				t.Errorf("failures: got %v, want one for %s", bad, want)
			}
		}
		// The pages are stored under their target URIs, with the HTTP
		// headers gone.
		in := incidentOf(t, db, "https://sahelwire.example/checkpoint", "ev1")
		if len(in.Members) != 1 {
			t.Errorf("checkpoint incident: got %d members, want 1", len(in.Members))
		}
		again, _ := run(t, db, []string{tmp}, ingest.Options{})
		if again.New != 0 || again.Duplicate != 3 {
			t.Errorf("second run: got %s, want 3 duplicates", again)
		}
	})
}

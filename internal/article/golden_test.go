package article

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/pages")

// pagesDir holds the fixture pages shared by the tests, fuzz seeds and
// benchmarks.
const pagesDir = "../../testdata/pages"

// golden is what a golden file records of an article.
type golden struct {
	Title     string   `json:"title"`
	Titles    []string `json:"titles"`
	Published *string  `json:"published"`
	Outlet    *string  `json:"outlet"`
	URL       *string  `json:"url"`
	Language  string   `json:"language"`
	Text      string   `json:"text"`
}

// fixtures returns the fixture files with the given extension, without
// the template.
func fixtures(t testing.TB, ext string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(pagesDir, "*"+ext))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range files {
		if filepath.Base(f) != "template.html" {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no %s fixtures in %s", ext, pagesDir)
	}
	return out
}

// TestGolden runs FromHTML on testdata/pages/NAME.html and FromText on
// testdata/pages/NAME.txt and compares with NAME.golden.json. Run with
// -update to rewrite the golden files, then review the diff.
func TestGolden(t *testing.T) {
	files := append(fixtures(t, ".html"), fixtures(t, ".txt")...)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var got golden
			if strings.HasSuffix(f, ".html") {
				a, err := FromHTML(raw, "")
				if err != nil {
					t.Fatalf("FromHTML: %v", err)
				}
				got = golden{a.Title, a.Titles, a.Published, a.Outlet, a.URL, a.Language, a.Text}
			} else {
				a, err := FromText(raw)
				if err != nil {
					t.Fatalf("FromText: %v", err)
				}
				got = golden{a.Title, a.Titles, a.Published, a.Outlet, a.URL, a.Language, a.Text}
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(got); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(pagesDir, name+".golden.json")
			if *update {
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("got:\n%s\nwant:\n%s", buf.Bytes(), want)
			}
		})
	}
}

package cli

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"sitrep/internal/article"
	"sitrep/internal/eval"
	"sitrep/internal/model"
	"sitrep/internal/pipeline"
)

// shared is the project's shared folder beside the checkout: the seed report,
// the evaluation data and the scorer. Tests that need it skip, saying so,
// where it is absent.
const shared = "../../../shared"

func needShared(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(shared, "eval", "score_gold.py")); err != nil {
		t.Skipf("skipping: %s (the shared folder with the seed and the scorer) is absent", shared)
	}
}

// run runs the CLI in-process and returns its exit status, stdout and stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// score runs the project's gold scorer on one extract output.
func score(t *testing.T, gold string, out []byte) (string, bool) {
	t.Helper()
	f := filepath.Join(t.TempDir(), "out.json")
	if err := os.WriteFile(f, out, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("python3", filepath.Join(shared, "eval", "score_gold.py"), gold, f)
	b, err := cmd.CombinedOutput()
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	summary := lines[len(lines)-1]
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("run scorer: %v", err)
		}
		return summary, false
	}
	return summary, true
}

func TestSeed(t *testing.T) {
	needShared(t)
	code, out, stderr := run(t, "", "extract", "--published", "2022-09-27", filepath.Join(shared, "seed", "000_21fc4dd54fc5619b.txt"))
	if code != 0 {
		t.Fatalf("extract: exit %d, stderr %s", code, stderr)
	}
	report, ok := score(t, filepath.Join(shared, "seed", "seed.gold.json"), []byte(out))
	if !ok {
		t.Fatalf("seed fails the gold check: %s", report)
	}
	t.Log(report)
}

// floor is the least a set of gold reports must score in total: a
// ratchet, raised as reading improves, never lowered.
type floor struct {
	recall, fields, precision float64
	forbidden                 int
}

// goldFloor is the floor of the project's own gold reports.
var goldFloor = floor{recall: 1.0, fields: 0.978, precision: 0.979, forbidden: 0}

// readingFloor is the least the 20 reading-quality reports in
// testdata/gold must score in total; a ratchet like goldFloor.
var readingFloor = floor{recall: 1.0, fields: 0.929, precision: 0.925, forbidden: 2}

// heldoutFloor is the least the ten reports of testdata/heldout, read as
// a development set since, must score in total; a ratchet like
// goldFloor.
// Its precision went from 0.843 to 0.841 when a Bannu bombing's injured
// soldiers became an event of their own.
var heldoutFloor = floor{recall: 0.938, fields: 0.826, precision: 0.844, forbidden: 1}

// dev2Floor is the least the twelve reports of testdata/dev2 must score
// in total; a ratchet like goldFloor. Precision went from 0.826 to 0.817
// when bare "officers" became police: the interior ministry's denial that
// "officers had deliberately targeted members of the press" is now read
// as a denied attack, which the gold does not list.
// Fields went from 0.702 to 0.699 when a threat of suspension was found
// (recall 0.860 to 0.877): fields are counted over the events found.
var dev2Floor = floor{recall: 0.876, fields: 0.706, precision: 0.820, forbidden: 3}

// dev3Floor is the least the twelve reports of testdata/dev3, in other
// house styles than wire copy, must score in total; a ratchet. Its
// precision went from 0.786 to 0.783 when a separate "fifth journalist
// killed this year" reading, which matched an optional gold event, was
// folded into the attack it tells of (fields 0.573 to 0.581).
var dev3Floor = floor{recall: 0.820, fields: 0.614, precision: 0.820, forbidden: 2}

// dev4Floor is the least the twelve reports of testdata/dev4 (more house
// styles: Nigerian, Pakistani, Kenyan and Indian papers, AFP, Reuters,
// AP, a translated Colombian report, a Kyiv outlet, a police release)
// must score in total; a ratchet. At commit: recall 0.674, fields 0.499,
// precision 0.832.
var dev4Floor = floor{recall: 0.873, fields: 0.657, precision: 0.876, forbidden: 3}

// dev5Floor is the least the twelve reports of testdata/dev5 must score
// in total; a ratchet. At commit: recall 0.620, fields 0.501, precision
// 0.866 (the session's first build: 0.609, 0.481, 0.884).
var dev5Floor = floor{recall: 0.760, fields: 0.594, precision: 0.895, forbidden: 3}

// dev6Floor is the least the twelve reports of testdata/dev6 must score
// in total; a ratchet. At commit: recall 0.670, fields 0.530, precision
// 0.765 (the session's first build: 0.659, 0.512, 0.804).
var dev6Floor = floor{recall: 0.669, fields: 0.529, precision: 0.797, forbidden: 5}

// TestGoldReading holds the reading-quality sets to their floors in
// total.
func TestGoldReading(t *testing.T) {
	t.Run("gold", func(t *testing.T) { holdFloor(t, "../../testdata/gold", readingFloor) })
	t.Run("heldout", func(t *testing.T) { holdFloor(t, "../../testdata/heldout", heldoutFloor) })
	t.Run("dev2", func(t *testing.T) { holdFloor(t, "../../testdata/dev2", dev2Floor) })
	t.Run("dev3", func(t *testing.T) { holdFloor(t, "../../testdata/dev3", dev3Floor) })
	t.Run("dev4", func(t *testing.T) { holdFloor(t, "../../testdata/dev4", dev4Floor) })
	t.Run("dev5", func(t *testing.T) { holdFloor(t, "../../testdata/dev5", dev5Floor) })
	t.Run("dev6", func(t *testing.T) { holdFloor(t, "../../testdata/dev6", dev6Floor) })
}

func holdFloor(t *testing.T, dir string, floor floor) {
	code, out, stderr := run(t, "", "eval", "gold", dir)
	if code > 1 || stderr != "" {
		t.Fatalf("eval gold: exit %d, %s", code, stderr)
	}
	last := out[strings.LastIndex(strings.TrimSpace(out), "\n")+1:]
	t.Log(last)
	var passed, total, found, req, fok, fall, matched, pred, forb int
	var x float64
	if _, err := fmt.Sscanf(last, "total: %d/%d reports pass; recall %f (%d/%d), fields %f (%d/%d), precision %f (%d/%d), forbidden %d;",
		&passed, &total, &x, &found, &req, &x, &fok, &fall, &x, &matched, &pred, &forb); err != nil {
		t.Fatalf("parse total line %q: %v", last, err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"recall", float64(found) / float64(req), floor.recall},
		{"fields", float64(fok) / float64(fall), floor.fields},
		{"precision", float64(matched) / float64(pred), floor.precision}} {
		if c.got < c.want {
			t.Errorf("%s: got %.3f, want at least %.3f", c.name, c.got, c.want)
		}
	}
	if forb > floor.forbidden {
		t.Errorf("forbidden readings: got %d, want at most %d", forb, floor.forbidden)
	}
}

// TestGoldReports scores the project's own reports in testdata/reports
// against their gold files, each written before the rules that read it,
// with the Go port of the scorer (TestScorerParity keeps it faithful).
// Every report must pass on its own, and the totals must hold the floor.
func TestGoldReports(t *testing.T) {
	code, out, stderr := run(t, "", "eval", "gold", "-v", "../../testdata/reports")
	t.Log("\n" + out)
	if code > 1 || stderr != "" {
		t.Fatalf("eval gold: exit %d, %s", code, stderr)
	}
	var passed, total, found, req, fok, fall, matched, pred, forb int
	var ms float64
	last := out[strings.LastIndex(strings.TrimSpace(out), "\n")+1:]
	_, err := fmt.Sscanf(last, "total: %d/%d reports pass; recall %f (%d/%d), fields %f (%d/%d), precision %f (%d/%d), forbidden %d;",
		&passed, &total, &ms, &found, &req, &ms, &fok, &fall, &ms, &matched, &pred, &forb)
	if err != nil {
		t.Fatalf("parse total line %q: %v", last, err)
	}
	ratio := func(a, b int) float64 { return float64(a) / float64(b) }
	if r := ratio(found, req); r < goldFloor.recall {
		t.Errorf("recall: got %.3f, want at least %.3f", r, goldFloor.recall)
	}
	if r := ratio(fok, fall); r < goldFloor.fields {
		t.Errorf("fields: got %.3f, want at least %.3f", r, goldFloor.fields)
	}
	if r := ratio(matched, pred); r < goldFloor.precision {
		t.Errorf("precision: got %.3f, want at least %.3f", r, goldFloor.precision)
	}
	if forb > goldFloor.forbidden {
		t.Errorf("forbidden readings: got %d, want at most %d", forb, goldFloor.forbidden)
	}
	// Each report must pass the scorer's default thresholds on its own.
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "FAIL ") {
			t.Errorf("report fails its gold check: %s", strings.TrimPrefix(line, "FAIL "))
		}
	}
	if passed != total {
		t.Errorf("reports passing: got %d of %d, want all", passed, total)
	}
}

// TestScorerParity checks that `sitrep eval gold` scores every report
// exactly as ../shared/eval/score_gold.py does.
func TestScorerParity(t *testing.T) {
	needShared(t)
	golds, _ := filepath.Glob("../../testdata/*/*.gold.json")
	if len(golds) == 0 {
		t.Fatal("no gold files in testdata")
	}
	x, err := pipeline.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range golds {
		g, err := eval.LoadGold(path)
		if err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(filepath.Join(filepath.Dir(path), g.Doc))
		if err != nil {
			t.Fatal(err)
		}
		ref, _ := time.Parse("2006-01-02", g.Published)
		doc, err := x.Extract(raw, "", ref)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(doc)
		py, _ := score(t, path, b)
		if got := eval.Score(g, doc).Line(); got != py {
			t.Errorf("%s:\n got %s\nwant %s", filepath.Base(path), got, py)
		}
	}
}

func TestExtractContract(t *testing.T) {
	dir := t.TempDir()
	one := filepath.Join(dir, "one.txt")
	os.WriteFile(one, []byte("Police arrested 12 protesters in Lagos on Monday, a spokesman said.\n"), 0o644)
	two := filepath.Join(dir, "two.txt")
	os.WriteFile(two, []byte("Troops shelled the town of Kidal on Tuesday, killing three civilians.\n"), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)

	t.Run("one input prints one object", func(t *testing.T) {
		code, out, stderr := run(t, "", "extract", "--published", "2024-03-06", one)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var doc model.Document
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("output is not one JSON object: %v", err)
		}
		if doc.Schema != model.Schema {
			t.Errorf("schema: got %q, want %q", doc.Schema, model.Schema)
		}
		if doc.Article.Title != "" || !strings.Contains(doc.Article.Text, "Police arrested") {
			t.Errorf("a one-line input must be read as body: got title %q, text %q", doc.Article.Title, doc.Article.Text)
		}
		if len(doc.Events) == 0 {
			t.Errorf("a one-line report of an arrest must yield an event; got none")
		}
	})
	t.Run("several inputs print lines in order, and a failure exits 1", func(t *testing.T) {
		code, out, stderr := run(t, "", "extract", "--published", "2024-03-06", one, empty, two)
		if code != 1 {
			t.Errorf("exit: got %d, want 1", code)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 2 {
			t.Fatalf("got %d lines, want 2", len(lines))
		}
		if !strings.Contains(lines[0], "Lagos") || !strings.Contains(lines[1], "Kidal") {
			t.Errorf("lines out of input order")
		}
		if n := strings.Count(strings.TrimSpace(stderr), "\n"); n != 0 || !strings.Contains(stderr, empty) {
			t.Errorf("want one error line naming %s, got %q", empty, stderr)
		}
	})
	t.Run("stdin", func(t *testing.T) {
		code, out, _ := run(t, "Gunmen abducted 20 students from a school in Kaduna on Friday.", "extract", "--format", "jsonl", "-")
		if code != 0 || !strings.Contains(out, "students") || strings.Count(out, "\n") != 1 {
			t.Errorf("stdin: exit %d, out %q", code, out)
		}
	})
	t.Run("usage errors exit 2", func(t *testing.T) {
		for _, args := range [][]string{{"extract", "--published", "27/09/2022", one}, {"extract", "--format", "xml", one}, {"nosuch"}} {
			if code, _, _ := run(t, "", args...); code != 2 {
				t.Errorf("%v: exit %d, want 2", args, code)
			}
		}
	})
}

// TestSeedAsHTMLPage wraps the seed report, at test time, in the project's
// news-page template (navigation, two share bars, a video, an ad, a
// newsletter box, related links, comments, footer, OpenGraph and JSON-LD
// with the publication date) and checks that the HTML path reads the same
// events, the headline and the date from the metadata, with no
// --published flag.
func TestSeedAsHTMLPage(t *testing.T) {
	needShared(t)
	seed := filepath.Join(shared, "seed", "000_21fc4dd54fc5619b.txt")
	raw, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.FromText(raw)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := template.Must(template.ParseFiles("../../testdata/pages/template.html"))
	var page bytes.Buffer
	if err := tmpl.Execute(&page, map[string]any{"Headline": a.Title, "Published": "2022-09-27",
		"Paragraphs": strings.Split(a.Text, "\n\n"), "URL": "https://courier.example/news/draft-office-shooting"}); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(f, page.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	code, htmlOut, stderr := run(t, "", "extract", f)
	if code != 0 {
		t.Fatalf("extract page: exit %d, %s", code, stderr)
	}
	_, textOut, _ := run(t, "", "extract", "--published", "2022-09-27", seed)
	var fromHTML, fromText model.Document
	if err := json.Unmarshal([]byte(htmlOut), &fromHTML); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal([]byte(textOut), &fromText)
	if p := fromHTML.Article.Published; p == nil || *p != "2022-09-27" {
		t.Errorf("published: got %v, want 2022-09-27 from the page's metadata", p)
	}
	if fromHTML.Article.Title != a.Title {
		t.Errorf("title: got %q, want %q", fromHTML.Article.Title, a.Title)
	}
	for _, chrome := range []string{"Advertisement", "Sign up", "Related stories", "Share this", "Comments", "All rights reserved"} {
		if strings.Contains(fromHTML.Article.Text, chrome) {
			t.Errorf("page chrome %q left in the text", chrome)
		}
	}
	sig := func(d model.Document) []string {
		var out []string
		for _, e := range d.Events {
			s := e.Type + "/" + e.CAMEO
			if e.Date != nil && e.Date.Start != nil {
				s += "@" + *e.Date.Start
			}
			out = append(out, s)
		}
		return out
	}
	if got, want := sig(fromHTML), sig(fromText); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("events from the page differ from the text's:\n got %v\nwant %v", got, want)
	}
	if report, ok := score(t, filepath.Join(shared, "seed", "seed.gold.json"), []byte(htmlOut)); !ok {
		t.Errorf("the page fails the seed's gold check: %s", report)
	}
}

// TestBadInput feeds extract the inputs that break naive pipelines. Each
// must give a clear one-line error naming the input, or a correct result;
// never a panic, a hang or a partial line.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	nested := "<html><body>" + strings.Repeat("<div>", 100000) + "<p>Police arrested two men in Kano on Monday, a spokesman said.</p>" + strings.Repeat("</div>", 100000) + "</body></html>"
	big := "<html><body><p>" + strings.Repeat("Filler words of a very long page. ", 50<<20/34) + "</p></body></html>"
	binary := make([]byte, 4096)
	for i := range binary {
		binary[i] = byte(i * 7)
	}
	var bomb bytes.Buffer
	zw := gzip.NewWriter(&bomb)
	zw.Write(bytes.Repeat([]byte("<p>aaaa</p>"), 200<<20/11))
	zw.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/bomb":
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Content-Type", "text/html")
			w.Write(bomb.Bytes())
		default:
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, "<html><head><title>Clash in Kano</title></head><body><article><h1>Clash in Kano</h1><p>Police arrested two men in Kano on Monday after a clash at a market, a spokesman said. The men were held at a station in the city, he added, and would appear in court.</p></article></body></html>")
		}
	}))
	defer srv.Close()
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL
	closed.Close()

	tests := []struct {
		name  string
		args  []string
		fails bool // true: must fail with one error line; false: must succeed
	}{
		{"empty file", []string{write("empty.txt", nil)}, true},
		{"binary file", []string{write("binary.bin", binary)}, true},
		{"50 MB page", []string{write("big.html", []byte(big))}, true},
		{"HTML nested 100,000 deep", []string{write("nested.html", []byte(nested))}, false},
		{"invalid UTF-8", []string{write("bad.txt", []byte("Police arrested two men in Kano on Monday \xff\xfe after a clash.\n"))}, false},
		{"missing file", []string{filepath.Join(dir, "nosuch.txt")}, true},
		{"directory", []string{dir}, true},
		{"unreachable URL", []string{closedURL + "/x"}, true},
		{"loopback URL refused", []string{srv.URL + "/page"}, true},
		{"loopback URL allowed by flag", []string{"--allow-private", srv.URL + "/page"}, false},
		{"gzip bomb", []string{"--allow-private", srv.URL + "/bomb"}, true},
		{"not a URL scheme we fetch", []string{"ftp://example.org/x"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			done := make(chan struct{})
			var code int
			var out, errs string
			go func() {
				defer close(done)
				code, out, errs = run(t, "", append([]string{"extract", "--published", "2024-03-04"}, tt.args...)...)
			}()
			select {
			case <-done:
			case <-time.After(60 * time.Second):
				t.Fatal("extract did not finish within 60 s")
			}
			input := tt.args[len(tt.args)-1]
			if tt.fails {
				if code != 1 || out != "" {
					t.Errorf("got exit %d and %d bytes of output, want exit 1 and none", code, len(out))
				}
				if strings.Count(errs, "\n") != 1 || !strings.Contains(errs, input) {
					t.Errorf("want one error line naming %s, got %q", input, errs)
				}
				return
			}
			var doc model.Document
			if code != 0 || json.Unmarshal([]byte(out), &doc) != nil {
				t.Fatalf("got exit %d, stderr %q; want a document", code, errs)
			}
			if !utf8.ValidString(doc.Article.Text) || !strings.Contains(doc.Article.Text, "Kano") {
				t.Errorf("text: got %q", doc.Article.Text)
			}
		})
	}
}

package ingest_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/internal/fetch"
	"sitrep/internal/incident"
	"sitrep/internal/ingest"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

// testdata/maiduguri holds reports the project wrote in the style of wire
// copy: a suicide bombing at a market reported by three outlets with
// three headlines and three tolls (12, 15, and 19 in a report a day later
// that says "on Monday"), a syndicated copy of the first under another
// headline and page chrome, and a different attack in the same city on the
// same day (gunmen at a police checkpoint).
const dir = "testdata/maiduguri"

const (
	wire        = dir + "/01_sahelwire_market_bombing.html"
	syndicated  = dir + "/02_bornodaily_syndicated_copy.html"
	lakeChad    = dir + "/03_lakechad_blast.html"
	continental = dir + "/04_continental_toll_rises.html"
	checkpoint  = dir + "/05_sahelwire_checkpoint_attack.html"
)

var (
	xOnce sync.Once
	x     *pipeline.Extractor
	xErr  error
)

func extractor(t *testing.T) *pipeline.Extractor {
	t.Helper()
	xOnce.Do(func() { x, xErr = pipeline.New() })
	if xErr != nil {
		t.Fatal(xErr)
	}
	return x
}

// run ingests inputs and fails the test on a store error.
func run(t *testing.T, db *store.DB, inputs []string, opt ingest.Options) (ingest.Summary, map[string]string) {
	t.Helper()
	failed := map[string]string{}
	opt.Failed = func(in string, err error) { failed[in] = err.Error() }
	sum, err := ingest.Run(context.Background(), db, extractor(t), inputs, opt)
	if err != nil {
		t.Fatalf("ingest: %v", err)
	}
	return sum, failed
}

func TestIngestTwiceChangesNothing(t *testing.T) {
	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		ctx := context.Background()
		first, failed := run(t, db, []string{dir}, ingest.Options{})
		if len(failed) > 0 {
			t.Fatalf("failed inputs: %v", failed)
		}
		if first.New != 4 || first.Duplicate != 1 || first.Copies != 1 {
			t.Errorf("first run: got %s, want 4 new and 1 duplicate recorded as another source", first)
		}
		before, err := db.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		second, _ := run(t, db, []string{dir}, ingest.Options{Workers: 1})
		want := ingest.Summary{Duplicate: 5}
		if second != want {
			t.Errorf("second run: got %s, want %s", second, want)
		}
		after, err := db.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if after != before {
			t.Errorf("counts after the second run: got %+v, want %+v", after, before)
		}
		if err := db.Check(ctx); err != nil {
			t.Error(err)
		}
	})
}

// incidentOf returns the incident that holds event ev of the article
// ingested from input.
func incidentOf(t *testing.T, db *store.DB, input, ev string) *incident.Incident {
	t.Helper()
	all, err := db.Incidents(context.Background(), store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range all {
		for _, m := range in.Members {
			if m.Input == input && m.Event.ID == ev {
				return in
			}
		}
	}
	t.Fatalf("no incident holds %s of %s", ev, input)
	return nil
}

func TestThreeReportsOneIncident(t *testing.T) {
	orders := [][]string{
		{wire, syndicated, lakeChad, continental, checkpoint},
		{continental, checkpoint, lakeChad, syndicated, wire},
	}
	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		_, failed := run(t, db, orders[0], ingest.Options{})
		if len(failed) > 0 {
			t.Fatalf("failed inputs: %v", failed)
		}
		checkMaiduguri(t, db, wire, syndicated)
	})
	// The merge does not depend on the order the reports arrive in.
	t.Run("reverse order", func(t *testing.T) {
		db := storetest.Open(t, storetest.DSN(t, "sqlite"))
		run(t, db, orders[1], ingest.Options{Workers: 1})
		checkMaiduguri(t, db, syndicated, wire)
	})
}

func checkMaiduguri(t *testing.T, db *store.DB, original, copied string) {
	t.Helper()
	bombing := incidentOf(t, db, original, "ev1")
	rec := bombing.Record()
	var inputs []string
	outlets := map[string]bool{}
	for _, s := range rec.Sources {
		inputs = append(inputs, s.Input)
		outlets[*s.Outlet] = true
	}
	slices.Sort(inputs)
	want := []string{original, lakeChad, continental}
	slices.Sort(want)
	if !slices.Equal(inputs, want) {
		t.Fatalf("bombing sources: got %v, want %v", inputs, want)
	}
	if len(outlets) != 3 {
		t.Errorf("bombing outlets: got %v, want three", outlets)
	}
	if k := rec.Counts.Killed; k == nil || k.Min != 12 {
		t.Errorf("bombing killed: got %+v, want the most conservative figure, 12", k)
	}
	figures := map[int]bool{}
	for _, s := range rec.Sources {
		if s.Counts.Killed != nil {
			figures[s.Counts.Killed.Min] = true
		}
	}
	if !figures[12] || !figures[15] || !figures[19] {
		t.Errorf("per-source tolls: got %v, want 12, 15 and 19 kept", figures)
	}
	if rec.Date == nil || *rec.Date.Start != "2024-03-04" {
		t.Errorf("bombing date: got %+v, want 2024-03-04", rec.Date)
	}
	joined := 0
	for _, s := range rec.Sources {
		if s.Joined != "" {
			joined++
			if !strings.Contains(s.Joined, "same type ASSAULT") || !strings.Contains(s.Joined, "Maiduguri") {
				t.Errorf("reason for %s: got %q, want type and place named", s.Input, s.Joined)
			}
		}
	}
	if joined != 2 {
		t.Errorf("sources with a reason to join: got %d, want 2", joined)
	}

	// The syndicated copy is another source of the first report, not a
	// report of its own.
	var copies []incident.Copy
	for _, s := range rec.Sources {
		if s.Input == original {
			copies = s.Copies
		}
	}
	if len(copies) != 1 || copies[0].Input != copied || copies[0].Relation != store.Near || *copies[0].Outlet == "" {
		t.Errorf("copies of %s: got %+v, want %s as a near duplicate", original, copies, copied)
	}

	// The checkpoint attack, the same day in the same city, stays apart.
	other := incidentOf(t, db, checkpoint, "ev1")
	if other.ID == bombing.ID {
		t.Fatalf("checkpoint attack merged into the bombing %s", bombing.ID)
	}
	if n := len(other.Members); n != 1 {
		t.Errorf("checkpoint attack sources: got %d, want 1", n)
	}
	ins, err := db.Incidents(context.Background(), store.Filter{Type: "ASSAULT", Since: "2024-03-04", Until: "2024-03-04", Country: "NG"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ins) != 2 {
		t.Errorf("assaults in Nigeria on 2024-03-04: got %d, want 2", len(ins))
	}
}

func TestFailedInputsReported(t *testing.T) {
	page, err := os.ReadFile(lakeChad)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/fail", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	tmp := t.TempDir()
	empty := filepath.Join(tmp, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	missing := filepath.Join(tmp, "missing.html")

	db := storetest.Open(t, storetest.DSN(t, "sqlite"))
	inputs := []string{srv.URL + "/ok", srv.URL + "/fail", srv.URL + "/loop", empty, missing, wire}
	sum, failed := run(t, db, inputs, ingest.Options{Fetch: fetch.Options{AllowPrivate: true, HostInterval: time.Millisecond}})
	if sum.New != 2 || sum.Failed != 4 {
		t.Errorf("summary: got %s, want 2 new, 4 failed", sum)
	}
	for _, in := range []string{srv.URL + "/fail", srv.URL + "/loop", empty, missing} {
		if failed[in] == "" {
			t.Errorf("%s: no failure reported", in)
		}
	}
	for in, why := range failed {
		if strings.Contains(why, "\n") {
			t.Errorf("%s: failure message spans lines: %q", in, why)
		}
	}

	// A private address is refused unless allowed.
	sum, failed = run(t, db, []string{srv.URL + "/ok?again"}, ingest.Options{})
	if sum.Failed != 1 || !strings.Contains(failed[srv.URL+"/ok?again"], "allow-private") {
		t.Errorf("private address: got %s, %v, want refused", sum, failed)
	}
}

func TestSummaryLine(t *testing.T) {
	s := ingest.Summary{New: 3, Duplicate: 2, Copies: 1, Failed: 1, Events: 9, Incidents: 4, Merged: 5}
	got := s.String()
	for _, w := range []string{"new 3", "duplicate 2", "failed 1", "events 9", "incidents 4"} {
		if !strings.Contains(got, w) {
			t.Errorf("summary %q lacks %q", got, w)
		}
	}
	_ = fmt.Sprint(got)
}

func pipelineNew() (*pipeline.Extractor, error) { return pipeline.New() }

// TestProgress checks that a run reports its progress input by input and
// ends with every input found and done.
func TestProgress(t *testing.T) {
	src := t.TempDir()
	synthetic(t, src, 12)
	db := storetest.Open(t, storetest.DSN(t, "sqlite"))
	var seen []ingest.Progress
	sum, _ := run(t, db, []string{src}, ingest.Options{Progress: func(p ingest.Progress) { seen = append(seen, p) }})
	if sum.New != 12 {
		t.Fatalf("summary: got %s, want 12 new", sum)
	}
	// One call per input written, then a last one once all are found.
	if len(seen) != 13 {
		t.Fatalf("progress: %d calls, want 13", len(seen))
	}
	for i, p := range seen[:12] {
		if p.Done != i+1 || p.Found < p.Done {
			t.Errorf("call %d: %+v", i, p)
		}
	}
	if last := seen[len(seen)-1]; !last.Walked || last.Found != 12 || last.Done != 12 {
		t.Errorf("last progress: %+v, want all 12 found and walked", last)
	}
}

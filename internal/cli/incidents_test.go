package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestIngestIncidentsExport runs the commands end to end over the
// project's own Maiduguri reports (internal/ingest/testdata).
func TestIngestIncidentsExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sitrep.db")
	dir := filepath.Join("..", "ingest", "testdata", "maiduguri")
	run := func(args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := Main(args, strings.NewReader(""), &out, &errb)
		return out.String(), errb.String(), code
	}
	out, errs, code := run("ingest", "--db", db, dir, filepath.Join(dir, "missing.html"))
	if code != 1 || !strings.Contains(errs, "missing.html: no such file") {
		t.Errorf("ingest with a missing input: got status %d, stderr %q; want 1 and the input named", code, errs)
	}
	if !strings.HasPrefix(out, "ingest: new 4, duplicate 1") || !strings.Contains(out, "failed 1") {
		t.Errorf("summary: got %q", out)
	}
	out, _, _ = run("ingest", "--db", db, dir)
	if !strings.HasPrefix(out, "ingest: new 0, duplicate 5") {
		t.Errorf("second summary: got %q", out)
	}

	out, errs, code = run("incidents", "--db", db, "--type", "assault", "--near", "11.85,13.16,20", "--q", "cattle market")
	if code != 0 {
		t.Fatalf("incidents: status %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], "suicide-attack") {
		t.Fatalf("incidents table: got\n%s\nwant a header and the bombing", out)
	}
	id := strings.Fields(lines[1])[0]
	out, _, code = run("incidents", "show", "--db", db, id)
	if code != 0 || strings.Count(out, "why      joined") != 2 || !strings.Contains(out, "founded the incident") || !strings.Contains(out, "Borno Daily") {
		t.Errorf("show: got status %d and\n%s", code, out)
	}
	if _, errs, code = run("incidents", "show", "--db", db, "nope"); code != 1 || !strings.Contains(errs, "no such incident") {
		t.Errorf("show of an unknown id: got %d, %q", code, errs)
	}
	if _, errs, code = run("incidents", "--db", db, "--near", "north"); code != 2 || !strings.Contains(errs, "--near") {
		t.Errorf("bad --near: got %d, %q", code, errs)
	}

	out, _, code = run("export", "--db", db, "--format", "acled", "--country", "NG")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) < 3 || len(rows[0]) != 31 {
		t.Errorf("export acled: status %d, err %v, %d rows", code, err, len(rows))
	}
	out, _, code = run("export", "--db", db, "--format", "geojson", "--since", "2024-03-04", "--until", "2024-03-04")
	var fc struct {
		Type     string            `json:"type"`
		Features []json.RawMessage `json:"features"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &fc) != nil || fc.Type != "FeatureCollection" || len(fc.Features) < 2 {
		t.Errorf("export geojson: status %d, %s", code, out)
	}
	if _, errs, code = run("export", "--db", db, "--format", "xml"); code != 2 || !strings.Contains(errs, "--format") {
		t.Errorf("bad --format: got %d, %q", code, errs)
	}
}

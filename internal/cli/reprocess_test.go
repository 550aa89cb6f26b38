package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestReprocessCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sitrep.db")
	dir := filepath.Join("..", "ingest", "testdata", "maiduguri")
	run := func(args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := Main(args, strings.NewReader(""), &out, &errb)
		return out.String(), errb.String(), code
	}
	if _, errs, code := run("ingest", "--db", db, dir); code != 0 {
		t.Fatalf("ingest: status %d: %s", code, errs)
	}
	out, errs, code := run("reprocess", "--db", db)
	if code != 0 || out != "reprocess: 4 inputs, 0 changed, 0 failed; events: 0 added, 0 removed, 0 changed\n" {
		t.Errorf("reprocess: got status %d, stdout %q, stderr %q; want 0 and nothing changed in 4 inputs", code, out, errs)
	}
	if _, errs, code := run("reprocess", "--db", db, "extra"); code != 2 || !strings.Contains(errs, "unexpected argument") {
		t.Errorf("reprocess with an argument: got status %d, stderr %q; want 2", code, errs)
	}
}

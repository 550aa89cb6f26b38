package demo

import (
	"strings"
	"testing"
)

func TestReports(t *testing.T) {
	rs := Reports()
	if len(rs) < 6 || len(rs) > 10 {
		t.Fatalf("reports: got %d, want 6 to 10", len(rs))
	}
	for i, r := range rs {
		if !strings.HasPrefix(r.Name, InputPrefix) || !strings.HasSuffix(r.Name, ".txt") || len(r.Body) < 200 {
			t.Errorf("report %d: name %q, %d bytes; want demo:NAME.txt with a text", i, r.Name, len(r.Body))
		}
		if i > 0 && rs[i-1].Name >= r.Name {
			t.Errorf("reports: %s after %s, want name order", r.Name, rs[i-1].Name)
		}
	}
}

package geo

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedGeoparsing is where the evaluation corpora live, beside the
// repository (../shared from its root). They are measurement data and are
// not shipped.
var sharedGeoparsing = filepath.Join("..", "..", "..", "shared", "data", "geoparsing")

// TestEvalCorpora runs the geoparser over LGL and TR-News and guards
// against regressions with loose floors. It logs the figures with -v.
func TestEvalCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	g := Default()
	floors := map[string]struct{ f1, acc float64 }{
		"lgl.xml":     {0.75, 0.60},
		"TR-News.xml": {0.80, 0.55},
	}
	for name, floor := range floors {
		path := filepath.Join(sharedGeoparsing, name)
		if _, err := os.Stat(path); err != nil {
			t.Logf("skipping %s: %v (the corpora live in ../shared/data/geoparsing)", name, err)
			continue
		}
		r, err := g.EvaluateFile(path)
		if err != nil {
			t.Fatalf("evaluate %s: %v", name, err)
		}
		t.Logf("%s\n%s", name, r)
		if r.F1 < floor.f1 {
			t.Errorf("%s: got recognition F1 %.3f, want at least %.2f", name, r.F1, floor.f1)
		}
		if r.Accuracy161 < floor.acc {
			t.Errorf("%s: got accuracy@161km %.3f, want at least %.2f", name, r.Accuracy161, floor.acc)
		}
	}
}

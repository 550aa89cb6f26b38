package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ploverFloor is the share of the PLOVER coded examples whose most
// confident event has the gold type: a ratchet, set just below the
// figure measured (0.435 when `sitrep eval plover` was written, 0.509 after the cooperation triggers, on
// 2026-11-25).
const ploverFloor = 0.52

// TestPLOVERTyping runs `sitrep eval plover` on the examples in ../shared
// and holds the typing to its floor.
func TestPLOVERTyping(t *testing.T) {
	path := filepath.Join(shared, "data", "plover", "PLOVER_GSR_CAMEO.txt")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("skipping: %s (the PLOVER examples in the shared folder) is absent", path)
	}
	var out, errb bytes.Buffer
	if code := runEvalPLOVER([]string{path}, &out, &errb); code != 0 {
		t.Fatalf("eval plover: exit %d: %s", code, errb.String())
	}
	first := strings.SplitN(out.String(), "\n", 2)[0]
	t.Log(first)
	var n, top int
	var share float64
	if _, err := fmt.Sscanf(first, "sentences %d: most confident event of the gold type %f (%d)", &n, &share, &top); err != nil {
		t.Fatalf("parse %q: %v", first, err)
	}
	if n < 300 {
		t.Errorf("%d sentences read, want the file's 322", n)
	}
	if got := float64(top) / float64(n); got < ploverFloor {
		t.Errorf("typing: %.3f of sentences, want at least %.3f", got, ploverFloor)
	}
}

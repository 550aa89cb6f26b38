package fingerprint

import (
	"hash/fnv"
	"strings"
	"testing"
)

const story = `A suicide bomber blew himself up at a crowded cattle market in Maiduguri on Monday, killing at least 12 people and wounding 30 others, police said. The blast struck shortly after noon as traders gathered at the market near the city's main bus station, a police spokesman told reporters.`

func TestNear(t *testing.T) {
	for _, c := range []struct {
		name string
		b    string
		want bool
	}{
		{"same", story, true},
		{"dateline and tag line", "MAIDUGURI, Nigeria (Wire) — " + story + " This story was provided by Wire.", true},
		{"other story", `Police in Khartoum arrested twelve protesters on Sunday after a march against rising bread prices turned violent near the central market, witnesses said.`, false},
		{"empty", "", false},
	} {
		ok, sim := Near(story, c.b)
		if ok != c.want {
			t.Errorf("%s: got %v (containment %.2f), want %v", c.name, ok, sim, c.want)
		}
	}
}

func TestSketch(t *testing.T) {
	a, b := Sketch(story), Sketch("MAIDUGURI, Nigeria (Wire) — "+story)
	if len(a) != K {
		t.Fatalf("sketch of %d hashes, want %d", len(a), K)
	}
	shared := 0
	in := map[int64]bool{}
	for _, h := range a {
		in[h] = true
	}
	for _, h := range b {
		if in[h] {
			shared++
		}
	}
	if shared < K/2 {
		t.Errorf("a copy shares %d of %d sketch hashes, want most", shared, K)
	}
}

// TestHashStable pins the shingle hash to FNV-1a from the standard
// library, finished by the mixer: stored sketches were made with it, and
// a new hash would stop old articles matching new copies.
func TestHashStable(t *testing.T) {
	for _, ws := range [][]string{{"police", "said", "on"}, {"a"}, {"", "x", "yz"}, {"ünï", "côdé", "42"}} {
		h := fnv.New64a()
		h.Write([]byte(strings.Join(ws, " ")))
		if got, want := hashWords(ws), mix(h.Sum64()); got != want {
			t.Errorf("hashWords(%q) = %x, want %x", ws, got, want)
		}
		if got, want := hash(strings.Join(ws, " ")), mix(h.Sum64()); got != want {
			t.Errorf("hash(%q) = %x, want %x", ws, got, want)
		}
	}
}

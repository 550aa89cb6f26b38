package dict

import (
	"strings"
	"testing"
	"time"
)

// FuzzLoad feeds arbitrary text to both dictionary readers: they must
// return a dictionary or an error, never panic, and a loaded dictionary
// must answer matches on its own text.
func FuzzLoad(f *testing.F) {
	f.Add(actorsText)
	f.Add(agentsText)
	f.Add("GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n")
	f.Add("<!-- x\nA [B] -->\nC [D 1-2]\n")
	f.Add("!A! = B, C\nX!A!Y {} [~Z]\n!A!!A! [Q~]\n")
	f.Add("[\n+\n{}\n]\n;#<!")
	f.Fuzz(func(t *testing.T, s string) {
		words := Words(s)
		at := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		if a, err := LoadActors(strings.NewReader(s)); err == nil {
			for i := range words {
				if _, n, ok := a.Match(words[i:], at); ok && (n < 1 || n > len(words)-i) {
					t.Fatalf("Match covers %d words of %d", n, len(words)-i)
				}
			}
		}
		if g, err := LoadAgents(strings.NewReader(s)); err == nil {
			for i := range words {
				if _, n, ok := g.Match(words[i:]); ok && (n < 1 || n > len(words)-i) {
					t.Fatalf("Match covers %d words of %d", n, len(words)-i)
				}
			}
		}
	})
}

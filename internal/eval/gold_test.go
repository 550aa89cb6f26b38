package eval

import "testing"

// TestPyDumps checks that the attribution blob is written as
// score_gold.py's json.dumps writes it (the expected string is Python's
// own output for the same value).
func TestPyDumps(t *testing.T) {
	v := struct {
		Text string  `json:"text"`
		Name *string `json:"name"`
		N    []int   `json:"n"`
	}{Text: "He <b> & Théodore, 🙂", N: []int{1, 2}}
	want := `{"text": "He <b> & Th\u00e9odore, \ud83d\ude42", "name": null, "n": [1, 2]}`
	if got := pyDumps(v); got != want {
		t.Errorf("pyDumps:\n got %s\nwant %s", got, want)
	}
}

// TestRound3 checks Python's rounding of ties: round(13/16, 3) is 0.812.
func TestRound3(t *testing.T) {
	for _, c := range []struct{ in, want float64 }{{13.0 / 16, 0.812}, {0.8135, 0.814}, {2.0 / 3, 0.667}, {1, 1}} {
		if got := round3(c.in); got != c.want {
			t.Errorf("round3(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

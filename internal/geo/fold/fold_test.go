package fold

import "testing"

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ust'-Ilimsk", "ust ilimsk"},
		{"Ust’-Ilimsk", "ust ilimsk"},
		{"Ust Ilimsk", "ust ilimsk"},
		{"UST-ILIMSK", "ust ilimsk"},
		{"St. Louis", "saint louis"},
		{"Saint Louis", "saint louis"},
		{"St Louis", "saint louis"},
		{"Łódź", "lodz"},
		{"São Paulo", "sao paulo"},
		{"Washington, D.C.", "washington dc"},
		{"Sana'a", "sanaa"},
		{"  Köln  ", "koln"},
		{"Mt. Vernon", "mount vernon"},
		{"Straße", "strasse"},
		{"İstanbul", "istanbul"},
		{"Москва", "москва"},
		{"", ""},
		{"--", ""},
		{"Rostov-on-Don", "rostov on don"},
	}
	for _, tt := range tests {
		if got := Key(tt.in); got != tt.want {
			t.Errorf("Key(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWord(t *testing.T) {
	tests := []struct{ in, want string }{
		{"St.", "st"}, {"Police", "police"}, {"man", "man"}, {"Ust'", "ust"}, {"Zürich", "zurich"},
	}
	for _, tt := range tests {
		if got := Word(tt.in); got != tt.want {
			t.Errorf("Word(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestIsLatin(t *testing.T) {
	if !IsLatin("Ust'-Ilimsk") || !IsLatin("Łódź") || IsLatin("Москва") {
		t.Errorf("IsLatin: got wrong answers")
	}
}

func FuzzKey(f *testing.F) {
	f.Add("Ust'-Ilimsk")
	f.Add("St. Mt. Ft.")
	f.Fuzz(func(t *testing.T, s string) {
		k := Key(s)
		if Key(k) != k {
			t.Errorf("Key not idempotent on %q: %q then %q", s, k, Key(k))
		}
	})
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{{"zaporizhia", "zaporizhzhia", 2}, {"kyiv", "kiev", 2}, {"", "abc", 3}, {"same", "same", 0}} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

package text

import (
	"reflect"
	"testing"
)

func sentenceTexts(s string) []string {
	var out []string
	for _, x := range Sentences(s) {
		out = append(out, s[x.Start:x.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two.", []string{"One.", "Two."}},
		{"It happened on Jan. 5. Police came.", []string{"It happened on Jan. 5.", "Police came."}},
		{"They met at 5 p.m. The talks failed.", []string{"They met at 5 p.m.", "The talks failed."}},
		{"They met at 5 p.m. Monday in Kabul.", []string{"They met at 5 p.m. Monday in Kabul."}},
		{"U.S. officials said so. Nobody else did.", []string{"U.S. officials said so.", "Nobody else did."}},
		{"He flew to the U.S. The trip was short.", []string{"He flew to the U.S.", "The trip was short."}},
		{"Gen. Ali Musa spoke. Lt. Col. Reza Amini did not.", []string{"Gen. Ali Musa spoke.", "Lt. Col. Reza Amini did not."}},
		{"J. R. Smith came. He left.", []string{"J. R. Smith came.", "He left."}},
		{"“Stop,” he said. “Now.” She left.", []string{"“Stop,” he said.", "“Now.”", "She left."}},
		{"Headline\n\nBody one. Body two", []string{"Headline", "Body one.", "Body two"}},
		{"Is it over? Yes! It is.", []string{"Is it over?", "Yes!", "It is."}},
		{"The rate rose 3.5 percent. It fell.", []string{"The rate rose 3.5 percent.", "It fell."}},
		{"  ", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got := sentenceTexts(tt.in)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestTokens(t *testing.T) {
	s := "The 25-year-old shot Ust-Ilimsk’s officer, at least 50,000 died in the U.S. on 3.5 days."
	var got []string
	for _, tk := range Tokens(s, 0, len(s)) {
		got = append(got, tk.Text)
	}
	want := []string{"The", "25-year-old", "shot", "Ust-Ilimsk", "’s", "officer", ",", "at", "least", "50,000", "died", "in", "the", "U.S.", "on", "3.5", "days", "."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tokens\n got %q\nwant %q", got, want)
	}
	toks := Tokens(s, 0, len(s))
	if toks[4].Lower != "'s" {
		t.Errorf("possessive lower: got %q, want %q", toks[4].Lower, "'s")
	}
	if toks[9].Kind != Number || toks[1].Kind != Word {
		t.Errorf("kinds: got %d %d, want Number Word", toks[9].Kind, toks[1].Kind)
	}
}

func FuzzSentences(f *testing.F) {
	f.Add("One. Two. U.S. officials met at 5 p.m. Monday.\n\nNext.")
	f.Add("“Quote.” Jan. 5. 50,000 people.")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, x := range Sentences(s) {
			if x.Start < prev || x.End <= x.Start || x.End > len(s) {
				t.Fatalf("bad sentence %+v in %q", x, s)
			}
			prev = x.End
			for _, tk := range Tokens(s, x.Start, x.End) {
				if tk.Start < x.Start || tk.End > x.End || tk.End <= tk.Start {
					t.Fatalf("bad token %+v in sentence %+v", tk, x)
				}
			}
		}
	})
}

func BenchmarkSentencesTokens(b *testing.B) {
	s := "The attack was carried out by a conscript on Monday in the city of Ust-Ilimsk, police said. " +
		"Gen. Ali Musa told reporters at 5 p.m. that at least 50,000 people had fled the U.S. border region. "
	for i := 0; i < 5; i++ {
		s += s
	}
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		for _, x := range Sentences(s) {
			Tokens(s, x.Start, x.End)
		}
	}
}

package lex

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// show renders tokens one per field: W for an upper-case word, w for any
// other word, n for a number with its value, p for punctuation; a leading +
// marks a token glued to the one before.
func show(text string, toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		if t.Glued {
			b.WriteByte('+')
		}
		switch t.K {
		case Word:
			if t.Upper {
				b.WriteByte('W')
			} else {
				b.WriteByte('w')
			}
			fmt.Fprintf(&b, "%q", text[t.S:t.E])
		case Num:
			fmt.Fprintf(&b, "n%q=%d", text[t.S:t.E], t.N)
		case Punct:
			fmt.Fprintf(&b, "p%q", text[t.S:t.E])
		default:
			fmt.Fprintf(&b, "?%d%q", t.K, text[t.S:t.E])
		}
	}
	return b.String()
}

var scanTests = []struct {
	text, want string
}{
	{"", ``},
	{" \t\r\n\f\v", ``},
	{"25-year-old", `n"25"=25 +p"-" +w"year" +p"-" +w"old"`},
	{"50,000", `n"50"=50 +p"," +n"000"=0`},
	{"MH17", `W"MH" +n"17"=17`},
	{"at least 13 people", `w"at" w"least" n"13"=13 w"people"`},
	{"Sept. 21, 2022", `W"Sept" +p"." n"21"=21 +p"," n"2022"=2022`},
	{"5p.m.", `n"5"=5 +w"p" +p"." +w"m" +p"."`},
	{"123456789012345 1234567890123456", `n"123456789012345"=123456789012345 n"1234567890123456"=-1`},
	{"\u201cNo,\u201d he said", `p"“" +W"No" +p"," +p"”" w"he" w"said"`},
	{"Russia\u2019s", `W"Russia" +p"’" +w"s"`},
	{"2014\u20132016", `n"2014"=2014 +p"–" +n"2016"=2016`},
	{"\u00c9lan caf\u00e9 cafe\u0301", "W\"\u00c9lan\" w\"caf\u00e9\" w\"cafe\u0301\""},
	{"\u0301a", "p\"\u0301\" +w\"a\""},
	{"a\u00a0b\u2003c", `w"a" w"b" w"c"`},
	{"a\xffb", `w"a" +p"\xff" +w"b"`},
	{"\xe2\x80 x", `p"\xe2" +p"\x80" w"x"`},
	{"\u0663 \u0414\u0430", `p"٣" W"Да"`},
}

func TestScan(t *testing.T) {
	for _, tt := range scanTests {
		if got := show(tt.text, Scan(tt.text, nil)); got != tt.want {
			t.Errorf("Scan(%q):\n got %s\nwant %s", tt.text, got, tt.want)
		}
	}
}

func TestScanAppends(t *testing.T) {
	prev := Token{S: 7, E: 9, K: Punct}
	toks := Scan("MH17", []Token{prev})
	if len(toks) != 3 || toks[0] != prev {
		t.Fatalf("Scan did not append to its argument: %+v", toks)
	}
	want := Token{S: 2, E: 4, N: 17, K: Num, Glued: true}
	if toks[2] != want {
		t.Errorf("got %+v, want %+v", toks[2], want)
	}
}

func TestWordEnd(t *testing.T) {
	for _, tt := range []struct {
		text string
		i    int
		want int
	}{
		{"", 0, 0},
		{"year-old", 0, 4},
		{"year-old", 5, 8},
		{"cafe\u0301s!", 0, 7},
		{"ab12", 0, 2},
		{"a\xffb", 0, 1},
	} {
		if got := WordEnd(tt.text, tt.i); got != tt.want {
			t.Errorf("WordEnd(%q, %d) = %d, want %d", tt.text, tt.i, got, tt.want)
		}
	}
}

func TestLowerASCII(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"already lower", "already lower"},
		{"Sept. 21", "sept. 21"},
		{"\u00c9COLE MH17", "\u00c9cole mh17"},
		{"A\xffZ", "a\xffz"},
	} {
		if got := LowerASCII(tt.in); got != tt.want {
			t.Errorf("LowerASCII(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	s := "no capitals here"
	if n := testing.AllocsPerRun(10, func() { _ = LowerASCII(s) }); n != 0 {
		t.Errorf("LowerASCII allocates %v times for a lower-case string", n)
	}
}

func TestIsDash(t *testing.T) {
	for _, s := range []string{"-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014"} {
		if !IsDash(s) {
			t.Errorf("IsDash(%q) = false", s)
		}
	}
	for _, s := range []string{"", "--", "\u2015", "\u2212", "~", "a"} {
		if IsDash(s) {
			t.Errorf("IsDash(%q) = true", s)
		}
	}
}

func FuzzScan(f *testing.F) {
	for _, tt := range scanTests {
		f.Add(tt.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Scan(text, nil)
		last := 0
		for i, tok := range toks {
			if tok.S < last || tok.S >= tok.E || tok.E > len(text) {
				t.Fatalf("token %d: bad span [%d,%d) after %d in %q", i, tok.S, tok.E, last, text)
			}
			// Only white space lies between tokens, and a token is glued
			// exactly when none does.
			if gap := text[last:tok.S]; strings.TrimSpace(gap) != "" {
				t.Fatalf("token %d: skipped %q in %q", i, gap, text)
			}
			if tok.Glued != (i > 0 && tok.S == last) {
				t.Fatalf("token %d: glued %v at %d after %d in %q", i, tok.Glued, tok.S, last, text)
			}
			s := text[tok.S:tok.E]
			r, size := utf8.DecodeRuneInString(s)
			switch tok.K {
			case Num:
				n := 0
				for j := 0; j < len(s); j++ {
					if s[j] < '0' || s[j] > '9' {
						t.Fatalf("number %q in %q", s, text)
					}
					n = n*10 + int(s[j]-'0')
				}
				if len(s) > 15 {
					n = -1
				}
				if tok.N != n {
					t.Fatalf("number %q: got value %d, want %d", s, tok.N, n)
				}
				if tok.E < len(text) && text[tok.E] >= '0' && text[tok.E] <= '9' {
					t.Fatalf("number %q stops before a digit in %q", s, text)
				}
			case Word:
				if !unicode.IsLetter(r) || tok.Upper != unicode.IsUpper(r) || WordEnd(text, tok.S) != tok.E {
					t.Fatalf("word %q in %q: %+v", s, text, tok)
				}
			case Punct:
				if size != len(s) || unicode.IsLetter(r) || unicode.IsSpace(r) || r >= '0' && r <= '9' {
					t.Fatalf("punctuation %q in %q", s, text)
				}
			default:
				t.Fatalf("token %d: kind %d", i, tok.K)
			}
			if tok.K != Num && tok.N != 0 || tok.K != Word && tok.Upper {
				t.Fatalf("token %d: %+v", i, tok)
			}
			last = tok.E
		}
		if rest := text[last:]; strings.TrimSpace(rest) != "" {
			t.Fatalf("dropped %q at the end of %q", rest, text)
		}
		lower := LowerASCII(text)
		if len(lower) != len(text) {
			t.Fatalf("LowerASCII changed the length of %q", text)
		}
		for i := 0; i < len(text); i++ {
			c := text[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if lower[i] != c {
				t.Fatalf("LowerASCII(%q)[%d] = %q", text, i, lower[i])
			}
		}
	})
}

// Package text splits an article's body into sentences and tokens, every
// one carrying byte offsets into the body. It is the only place that decides
// where a sentence ends; every later stage reads its output.
package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/model"
)

// Token kinds.
const (
	Word = iota
	Number
	Punct
)

// Token is one word, number or punctuation mark. Text is a substring of the
// body, so tokens cost no copy of the text.
type Token struct {
	Start, End int
	Text       string
	// Lower is Text in lower case with curly apostrophes made straight.
	Lower string
	Kind  int
}

// Cap reports whether the token starts with an upper-case letter.
func (t Token) Cap() bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// abbreviations end with a full stop that does not end a sentence when a
// capitalised word follows (titles, months, initials handled apart).
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true,
	"lt": true, "col": true, "maj": true, "capt": true, "cpl": true, "sgt": true,
	"adm": true, "gov": true, "sen": true, "rep": true, "rev": true, "st": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"no": true, "vs": true, "etc": true, "inc": true, "corp": true, "co": true,
	"ltd": true, "jr": true, "sr": true, "mt": true, "ft": true, "pres": true,
	"u.s": true, "u.k": true, "u.n": true, "e.u": true, "lt.-gen": true,
	"brig": true, "cmdr": true, "supt": true, "insp": true, "hon": true,
	"ala": true, "ariz": true, "calif": true, "colo": true, "conn": true,
	"fla": true, "ga": true, "ill": true, "ind": true, "kan": true, "ky": true,
	"la": true, "md": true, "mass": true, "mich": true, "minn": true, "miss": true,
	"mo": true, "mont": true, "neb": true, "nev": true, "okla": true, "ore": true,
	"pa": true, "tenn": true, "tex": true, "va": true, "vt": true, "wash": true,
	"wis": true, "wyo": true,
}

// sentenceStarters are words that, after an abbreviation such as "U.S." or
// "p.m.", show that a new sentence has begun.
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true,
	"they": true, "we": true, "i": true, "but": true, "in": true, "on": true,
	"at": true, "this": true, "that": true, "there": true, "police": true,
	"officials": true, "his": true, "her": true, "their": true, "its": true,
	"witnesses": true, "no": true, "one": true, "after": true, "as": true,
	"when": true, "some": true, "two": true, "three": true, "several": true,
}

// Sentences splits text into sentences. A line break ends a sentence; so
// does a full stop, question or exclamation mark followed by space and a
// capital, digit or opening quote, unless the word before it is an
// abbreviation, an initial, or a form like "U.S." or "p.m." that only ends a
// sentence before a typical sentence opener.
func Sentences(text string) []model.Sentence {
	var out []model.Sentence
	start := -1
	emit := func(end int) {
		if start < 0 {
			return
		}
		e := end
		for e > start && isSpaceByte(text[e-1]) {
			e--
		}
		if e > start {
			out = append(out, model.Sentence{Start: start, End: e})
		}
		start = -1
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if start < 0 {
			if !unicode.IsSpace(r) {
				start = i
			}
			i += size
			continue
		}
		if r == '\n' {
			emit(i)
			i += size
			continue
		}
		if r != '.' && r != '!' && r != '?' {
			i += size
			continue
		}
		// Take the whole run of terminators and closing quotes/brackets.
		j := i + size
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if r2 == '.' || r2 == '!' || r2 == '?' || isCloser(r2) {
				j += s2
				continue
			}
			break
		}
		if j < len(text) && !isSpaceByte(text[j]) {
			i = j // "U.S" or "3.5": no break inside a word
			continue
		}
		// Next non-space rune.
		k := j
		for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		if k >= len(text) || text[k] == '\n' || text[k] == '\r' {
			emit(j)
			i = j
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || isOpener(next)) {
			i = j
			continue
		}
		if r == '.' && !endsSentence(text[start:i], nextWord(text[k:])) {
			i = j
			continue
		}
		emit(j)
		i = j
	}
	emit(len(text))
	return out
}

// endsSentence decides whether a full stop after before ends the sentence
// when next (a capitalised word, a digit or a quote) follows.
func endsSentence(before, next string) bool {
	w := lastWord(before)
	lw := strings.ToLower(w)
	if lw == "" {
		return true
	}
	// A single capital letter is an initial ("J. Smith").
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
		return false
	}
	nl := strings.ToLower(next)
	if lw == "a.m" || lw == "p.m" || lw == "u.s" || lw == "u.k" || lw == "u.n" || lw == "e.u" {
		return sentenceStarters[nl]
	}
	if abbreviations[lw] {
		return false
	}
	// Dotted acronyms ("U.S.A", "N.Y") behave like "U.S.".
	if strings.Count(lw, ".") >= 1 && len(lw) <= 6 {
		return sentenceStarters[nl]
	}
	return true
}

func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !(unicode.IsLetter(r) || r == '.' || r == '-') {
			break
		}
		i -= size
	}
	return strings.Trim(s[i:], ".")
}

func nextWord(s string) string {
	for i, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if i == 0 {
				continue
			}
			return s[:i]
		}
	}
	return s
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '\u201d', '\u2019', '\u00bb':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '\u201c', '\u2018', '\u00ab':
		return true
	}
	return false
}

// Tokens splits text[start:end] into tokens. Words keep inner hyphens,
// apostrophes and full stops of abbreviations ("Ust-Ilimsk", "U.S."); a
// possessive "'s" becomes a token of its own; numbers keep their commas and
// decimal points ("50,000", "3.5").
func Tokens(text string, start, end int) []Token {
	toks := make([]Token, 0, (end-start)/5+1)
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		switch {
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := scanWord(text, i, end)
			// Split a possessive 's off the word.
			w := text[i:j]
			if p := possessive(w); p > 0 {
				toks = append(toks, mkToken(text, i, i+p))
				toks = append(toks, mkToken(text, i+p, j))
			} else {
				toks = append(toks, mkToken(text, i, j))
			}
			i = j
		default:
			toks = append(toks, Token{Start: i, End: i + size, Text: text[i : i+size], Lower: text[i : i+size], Kind: Punct})
			i += size
		}
	}
	return toks
}

func mkToken(text string, s, e int) Token {
	t := Token{Start: s, End: e, Text: text[s:e], Kind: Word}
	r, _ := utf8.DecodeRuneInString(t.Text)
	if unicode.IsDigit(r) {
		t.Kind = Number
		for _, c := range t.Text {
			if unicode.IsLetter(c) {
				t.Kind = Word // "25-year-old", "1st"
				break
			}
		}
	}
	t.Lower = lower(t.Text)
	return t
}

// lower folds case and makes curly apostrophes straight, allocating only
// when something changes.
func lower(s string) string {
	l := strings.ToLower(s)
	if strings.ContainsRune(l, '\u2019') {
		l = strings.ReplaceAll(l, "\u2019", "'")
	}
	return l
}

// scanWord returns the end of the word starting at i: letters and digits,
// joined by hyphens, apostrophes, and (between letters or digits) full stops
// and commas of abbreviations and numbers.
func scanWord(text string, i, end int) int {
	j := i
	for j < end {
		r, size := utf8.DecodeRuneInString(text[j:end])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			j += size
			continue
		}
		if r == '-' || r == '\'' || r == '\u2019' || r == '.' || r == ',' || r == '\u2011' {
			if j+size < end {
				n, _ := utf8.DecodeRuneInString(text[j+size : end])
				p, _ := utf8.DecodeLastRuneInString(text[i:j])
				switch r {
				case ',':
					// "50,000": digit, comma, three digits.
					if unicode.IsDigit(p) && j+size+3 <= end && allDigits(text[j+size:j+size+3]) &&
						(j+size+3 == end || !isDigitByte(text[j+size+3])) {
						j += size
						continue
					}
				case '.':
					// "3.5" and "U.S": single letters or digits around the dot.
					if (unicode.IsDigit(p) && unicode.IsDigit(n)) || (unicode.IsLetter(n) && singleLetterRun(text[i:j])) {
						j += size
						continue
					}
				default:
					if unicode.IsLetter(n) || unicode.IsDigit(n) {
						j += size
						continue
					}
				}
			}
			// "U.S." keeps its final full stop when it is an acronym.
			if r == '.' && singleLetterRun(text[i:j]) && strings.Contains(text[i:j], ".") {
				j += size
			}
		}
		break
	}
	return j
}

func possessive(w string) int {
	for _, suf := range []string{"'s", "\u2019s"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return len(w) - len(suf)
		}
	}
	return 0
}

// singleLetterRun reports whether s looks like the start of a dotted
// acronym: one letter, or letters each followed by a full stop ("U", "U.S").
func singleLetterRun(s string) bool {
	parts := strings.Split(s, ".")
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return true
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

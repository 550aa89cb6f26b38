package count

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// kind is the class of a token.
type kind uint8

const (
	kWord  kind = iota + 1 // a run of letters
	kNum                   // a run of ASCII digits
	kPunct                 // any other single character
)

// token is a word, a run of digits or one punctuation mark of the text.
type token struct {
	s, e  int  // byte offsets into the text, e exclusive
	n     int  // the value of a kNum token, -1 when it is too long
	k     kind // word, number or punctuation
	glued bool // no space between this token and the one before
	upper bool // a word whose first letter is upper-case
}

// scan splits text into tokens and appends them to toks. Letters and digits
// are never in one token ("MH17" is "MH" then a glued "17"), so patterns see
// "25-year-old" as five glued tokens and "50,000" as three.
func scan(text string, toks []token) []token {
	glued := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
				glued = false
				i++
				continue
			case c >= '0' && c <= '9':
				j, n := i, 0
				for ; j < len(text) && text[j] >= '0' && text[j] <= '9'; j++ {
					if n >= 0 && j-i < 15 {
						n = n*10 + int(text[j]-'0')
					} else {
						n = -1
					}
				}
				toks = append(toks, token{s: i, e: j, n: n, k: kNum, glued: glued})
				i = j
			case c|0x20 >= 'a' && c|0x20 <= 'z':
				j := wordEnd(text, i)
				toks = append(toks, token{s: i, e: j, k: kWord, glued: glued, upper: c <= 'Z'})
				i = j
			default:
				toks = append(toks, token{s: i, e: i + 1, k: kPunct, glued: glued})
				i++
			}
			glued = true
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			glued = false
			i += size
			continue
		case unicode.IsLetter(r):
			j := wordEnd(text, i)
			toks = append(toks, token{s: i, e: j, k: kWord, glued: glued, upper: unicode.IsUpper(r)})
			i = j
		default:
			toks = append(toks, token{s: i, e: i + size, k: kPunct, glued: glued})
			i += size
		}
		glued = true
	}
	return toks
}

// wordEnd returns the end of the run of letters that starts at i.
func wordEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				i++
				continue
			}
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			return i
		}
		i += size
	}
	return i
}

// lowerASCII lower-cases the ASCII letters of s and leaves every other byte
// alone, so that byte offsets into s and into the result agree.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// isDash reports whether s is a hyphen or a dash.
func isDash(s string) bool {
	switch s {
	case "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014":
		return true
	}
	return false
}

// parser holds one text's tokens while the patterns run over them. Parsers
// are pooled: Find and Tolls allocate little besides their results.
type parser struct {
	text  string
	lower string
	toks  []token
	qs    []qty
	at    []int32 // at[token] is 1 + the index of the quantity starting there
	used  []bool  // used[token] is set for the casualty words of a toll
}

var pool = sync.Pool{New: func() any {
	return &parser{toks: make([]token, 0, 96), qs: make([]qty, 0, 8)}
}}

func getParser(text string) *parser {
	p := pool.Get().(*parser)
	p.text = text
	p.lower = lowerASCII(text)
	p.toks = scan(text, p.toks[:0])
	p.qs = p.qs[:0]
	return p
}

func (p *parser) release() {
	p.text, p.lower = "", ""
	if cap(p.toks) > 1<<12 {
		p.toks, p.at, p.used = nil, nil, nil
	}
	pool.Put(p)
}

// word returns token i lower-cased when it is a word, else "".
func (p *parser) word(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].k != kWord {
		return ""
	}
	t := p.toks[i]
	return p.lower[t.s:t.e]
}

// punct returns token i when it is punctuation, else "".
func (p *parser) punct(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].k != kPunct {
		return ""
	}
	t := p.toks[i]
	return p.text[t.s:t.e]
}

// glued reports whether token i exists and touches the token before it.
func (p *parser) glued(i int) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].glued
}

// isNum reports whether token i is a run of digits.
func (p *parser) isNum(i int) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].k == kNum
}

// isUpper reports whether token i is a capitalised word.
func (p *parser) isUpper(i int) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].k == kWord && p.toks[i].upper
}

// runEnd returns the index after the run of glued tokens that starts at i.
func (p *parser) runEnd(i int) int {
	j := i + 1
	for j < len(p.toks) && p.toks[j].glued {
		j++
	}
	return j
}

// span returns the byte range of tokens [s, e).
func (p *parser) span(s, e int) (int, int) {
	return p.toks[s].s, p.toks[e-1].e
}

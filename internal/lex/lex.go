// Package lex splits text into the glued word, number and punctuation tokens
// that the date and number patterns of packages timex and count match
// against.
package lex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the class of a token.
type Kind uint8

const (
	Word  Kind = iota + 1 // a run of letters
	Num                   // a run of ASCII digits
	Punct                 // any other single character
)

// Token is a word, a run of digits or one punctuation mark of the text.
type Token struct {
	S, E  int  // byte offsets into the text, E exclusive
	N     int  // the value of a Num token, -1 when it is too long
	K     Kind // word, number or punctuation
	Glued bool // no space between this token and the one before
	Upper bool // a word whose first letter is upper-case
}

// Scan splits text into tokens and appends them to toks. Letters and digits
// are never in one token ("MH17" is "MH" then a glued "17"), so patterns see
// "25-year-old" as five glued tokens and "50,000" as three.
func Scan(text string, toks []Token) []Token {
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
				toks = append(toks, Token{S: i, E: j, N: n, K: Num, Glued: glued})
				i = j
			case c|0x20 >= 'a' && c|0x20 <= 'z':
				j := WordEnd(text, i)
				toks = append(toks, Token{S: i, E: j, K: Word, Glued: glued, Upper: c <= 'Z'})
				i = j
			default:
				toks = append(toks, Token{S: i, E: i + 1, K: Punct, Glued: glued})
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
			j := WordEnd(text, i)
			toks = append(toks, Token{S: i, E: j, K: Word, Glued: glued, Upper: unicode.IsUpper(r)})
			i = j
		default:
			toks = append(toks, Token{S: i, E: i + size, K: Punct, Glued: glued})
			i += size
		}
		glued = true
	}
	return toks
}

// WordEnd returns the end of the run of letters that starts at i.
func WordEnd(text string, i int) int {
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

// LowerASCII lower-cases the ASCII letters of s and leaves every other byte
// alone, so that byte offsets into s and into the result agree.
func LowerASCII(s string) string {
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

// IsDash reports whether s is a hyphen or a dash.
func IsDash(s string) bool {
	switch s {
	case "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014":
		return true
	}
	return false
}

// Doc is a scanned text as the date and number patterns read it: the
// text, its ASCII lower-case form (same byte offsets) and its tokens.
type Doc struct {
	Text, Lower string
	Toks        []Token
}

// Word returns token i lower-cased when it is a word, else "".
func (d *Doc) Word(i int) string {
	if i < 0 || i >= len(d.Toks) || d.Toks[i].K != Word {
		return ""
	}
	t := d.Toks[i]
	return d.Lower[t.S:t.E]
}

// Punct returns token i when it is punctuation, else "".
func (d *Doc) Punct(i int) string {
	if i < 0 || i >= len(d.Toks) || d.Toks[i].K != Punct {
		return ""
	}
	t := d.Toks[i]
	return d.Text[t.S:t.E]
}

// Glued reports whether token i exists and touches the token before it.
func (d *Doc) Glued(i int) bool {
	return i >= 0 && i < len(d.Toks) && d.Toks[i].Glued
}

// IsNum reports whether token i is a run of digits.
func (d *Doc) IsNum(i int) bool {
	return i >= 0 && i < len(d.Toks) && d.Toks[i].K == Num
}

// IsUpper reports whether token i is a capitalised word.
func (d *Doc) IsUpper(i int) bool {
	return i >= 0 && i < len(d.Toks) && d.Toks[i].K == Word && d.Toks[i].Upper
}

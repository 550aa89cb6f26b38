// Package fold turns place names into lookup keys. The gazetteer generator
// and the gazetteer itself both use it, so that a name written into the
// index and the same name met in a report fold to the same key.
//
// A key is lower case ASCII where the name is Latin: diacritics dropped
// (Łódź → lodz), apostrophes and full stops deleted (Ust'-Ilimsk → ust
// ilimsk, D.C. → dc), every other run of punctuation or space one space,
// and the abbreviations St, Ste, Mt and Ft spelt out (St. Louis → saint
// louis). Letters of other scripts are kept, lower-cased.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key returns the lookup key of name.
func Key(name string) string {
	return string(appendKey(nil, name, true))
}

// AppendKey appends the lookup key of name to dst and returns the result.
func AppendKey(dst []byte, name string) []byte {
	return appendKey(dst, name, true)
}

// Word returns the folded form of a single word, like Key but without
// spelling out abbreviations: "Ust'" gives "ust", "St." gives "st".
func Word(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return string(appendKey(nil, w, false))
		}
	}
	return w
}

func appendKey(dst []byte, name string, abbr bool) []byte {
	start := len(dst)
	if !isASCII(name) {
		name = norm.NFD.String(strings.ToValidUTF8(name, " "))
	}
	wordStart := start
	space := false // a separator is pending
	flush := func() {
		if abbr {
			dst = expand(dst, wordStart)
		}
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		wordStart = len(dst)
		space = false
	}
	for i := 0; i < len(name); {
		r, n := rune(name[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(name[i:])
		}
		i += n
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			switch {
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
				fallthrough
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				if space {
					flush()
				}
				dst = append(dst, c)
			case c == '\'' || c == '.' || c == '`':
				// deleted: Ust'-Ilimsk, D.C., Sana'a
			default:
				space = true
			}
		case isApostrophe(r):
			// deleted
		case unicode.Is(unicode.Mn, r):
			// combining mark left by NFD: dropped
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space {
				flush()
			}
			r = unicode.ToLower(r)
			if s, ok := special[r]; ok {
				dst = append(dst, s...)
			} else {
				dst = utf8.AppendRune(dst, r)
			}
		default:
			space = true
		}
	}
	if abbr {
		dst = expand(dst, wordStart)
	}
	return dst
}

// expand spells out an abbreviated word that starts at dst[from:].
func expand(dst []byte, from int) []byte {
	if len(dst)-from > 3 {
		return dst
	}
	switch string(dst[from:]) {
	case "st":
		return append(dst[:from], "saint"...)
	case "ste":
		return append(dst[:from], "sainte"...)
	case "mt":
		return append(dst[:from], "mount"...)
	case "ft":
		return append(dst[:from], "fort"...)
	}
	return dst
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// IsApostrophe reports whether r is one of the characters used as an
// apostrophe or a soft sign in romanised names.
func IsApostrophe(r rune) bool {
	return r == '\'' || r == '`' || isApostrophe(r)
}

func isApostrophe(r rune) bool {
	switch r {
	case '’', '‘', 'ʼ', 'ʻ', 'ʹ', 'ʽ', '´', '′', 'ʾ', 'ʿ':
		return true
	}
	return false
}

// special maps letters that NFD does not decompose to their usual ASCII
// spelling.
var special = map[rune]string{
	'ß': "ss", 'ẞ': "ss",
	'æ': "ae", 'Æ': "ae",
	'œ': "oe", 'Œ': "oe",
	'ø': "o", 'Ø': "o",
	'đ': "d", 'Đ': "d",
	'ð': "d", 'Ð': "d",
	'þ': "th", 'Þ': "th",
	'ł': "l", 'Ł': "l",
	'ı': "i", 'İ': "i",
	'ħ': "h", 'Ħ': "h",
	'ŀ': "l", 'Ŀ': "l",
	'ŧ': "t", 'Ŧ': "t",
	'ŋ': "ng", 'Ŋ': "ng",
	'ə': "e", 'Ə': "e",
	'ɨ': "i",
}

// IsLatin reports whether every letter of s is Latin script, so that the
// name is useful for matching English text.
func IsLatin(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// Distance is the Levenshtein distance between two short strings (64
// bytes or fewer; longer ones are as far apart as the longer is long),
// by bytes: how far two folded names are.
func Distance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return max(len(a), len(b))
	}
	var buf [2][65]int
	prev, cur := buf[0][:len(b)+1], buf[1][:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// cleanLine normalises one paragraph or title: every run of white space
// (including no-break and other Unicode spaces, and line breaks) becomes
// one space, invisible format characters that carry no text (zero-width
// space, soft hyphen, word joiner, byte-order mark) and control characters
// go, the ends are trimmed, and the result is in Unicode NFC. All other
// characters, curly quotes and dashes included, are kept.
func cleanLine(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case r == '\u00AD' || r == '\u200B' || r == '\u2060' || r == '\uFEFF' || r == '\u180E':
			continue
		case unicode.IsControl(r):
			// C0 and C1 controls that are not white space.
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	out := b.String()
	if !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out
}

// titleKey is the form in which two headline variants are compared: case
// folded, quotes and dashes unified, final punctuation dropped.
func titleKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case '‘', '’', '‚', '‛', '′', '`', '´':
			r = '\''
		case '“', '”', '„', '‟', '″', '«', '»':
			r = '"'
		case '–', '—', '‐', '‑', '‒', '―', '−':
			r = '-'
		}
		b.WriteRune(r)
	}
	return strings.TrimRight(strings.Join(strings.Fields(b.String()), " "), ".:;,!?…")
}

// titleSet collects headline variants in order, without duplicates.
type titleSet struct {
	seen map[string]bool
	list []string
}

// add adds t unless it is empty or already present.
func (ts *titleSet) add(t string) {
	t = cleanTitle(t)
	k := titleKey(t)
	if k == "" {
		return
	}
	if ts.seen == nil {
		ts.seen = map[string]bool{}
	}
	if ts.seen[k] {
		return
	}
	ts.seen[k] = true
	ts.list = append(ts.list, t)
}

// has reports whether t is among the variants.
func (ts *titleSet) has(t string) bool {
	return ts.seen[titleKey(t)]
}

// without returns the variants other than main, never nil.
func (ts *titleSet) without(main string) []string {
	k := titleKey(main)
	out := []string{}
	for _, t := range ts.list {
		if titleKey(t) != k {
			out = append(out, t)
		}
	}
	return out
}

// wordCount counts the words (runs of non-space) of s.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

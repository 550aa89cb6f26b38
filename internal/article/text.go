package article

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// unwrappedWidth is the line length beyond which a text is taken not to be
// hard-wrapped: each of its lines is a paragraph.
const unwrappedWidth = 120

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`mr mrs ms dr st gen col lt sgt capt gov sen rep prof jr sr vs u.s u.k u.n e.g i.e no jan feb aug sept oct nov dec inc ltd co corp maj adm cpl pvt rev hon`) {
		abbreviations[w] = true
	}
}

// splitText cuts plain text into paragraphs. Blank lines separate blocks;
// inside a block, a line break is a paragraph break when the writer chose
// it (the next word would have fitted on the line, or the lines are too
// long to be hard-wrapped) and a soft wrap otherwise. In a text without
// blank lines each paragraph is a block of its own.
func splitText(s string) []para {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n\n", "\f", "\n\n", "\v", "\n", "\u0085", "\n").Replace(s)
	var blocks [][]string
	var cur []string
	var lens []int
	for _, line := range strings.Split(s, "\n") {
		line = cleanLine(line)
		if line == "" {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, line)
		lens = append(lens, utf8.RuneCountInString(line))
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	width := wrapWidth(lens)
	var out []para
	for i, b := range blocks {
		for _, p := range joinLines(b, width) {
			block := i
			if len(blocks) == 1 {
				block = len(out)
			}
			out = append(out, para{text: p, block: block})
		}
	}
	return out
}

// wrapWidth estimates the width a text was wrapped at: the longest line
// that is not far longer than most (a stray URL or an unwrapped paragraph
// would mislead).
func wrapWidth(lens []int) int {
	if len(lens) == 0 {
		return 0
	}
	sorted := slices.Clone(lens)
	slices.Sort(sorted)
	p90 := sorted[len(sorted)*9/10]
	width := 0
	for _, n := range sorted {
		if n*10 <= p90*13 {
			width = n
		}
	}
	return width
}

// joinLines turns the lines of one block into paragraphs; width is the
// text's wrap width.
func joinLines(lines []string, width int) []string {
	unwrapped := false
	for _, l := range lines {
		if utf8.RuneCountInString(l) > unwrappedWidth {
			unwrapped = true
		}
	}
	var out []string
	var b strings.Builder
	for i, l := range lines {
		b.WriteString(l)
		if i == len(lines)-1 {
			break
		}
		next := lines[i+1]
		if lineBreaks(l, next, width, unwrapped) {
			out = append(out, b.String())
			b.Reset()
			continue
		}
		// A soft wrap: a hyphen at the end of a word joins without a space.
		if last, _ := utf8.DecodeLastRuneInString(l); last == '-' && len(l) > 1 {
			before, _ := utf8.DecodeLastRuneInString(l[:len(l)-1])
			first, _ := utf8.DecodeRuneInString(next)
			if unicode.IsLetter(before) && unicode.IsLetter(first) {
				continue
			}
		}
		b.WriteByte(' ')
	}
	if b.Len() > 0 {
		out = append(out, b.String())
	}
	return out
}

// lineBreaks decides whether the break between line and next ends a
// paragraph, in a text wrapped at width runes, or not wrapped at all.
func lineBreaks(line, next string, width int, unwrapped bool) bool {
	switch {
	case rxBullet.MatchString(next):
		return true
	case startsLower(next) || wantsMore(line):
		return false
	case unwrapped:
		return true
	}
	firstWord, _, _ := strings.Cut(next, " ")
	return utf8.RuneCountInString(line)+1+utf8.RuneCountInString(firstWord) <= width
}

// startsLower reports whether s begins with a lower-case letter, so that it
// continues the line before.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// wantsMore reports whether a line cannot end a paragraph: it ends on a
// comma, hyphen, opening bracket, an abbreviation or a word such as "the".
func wantsMore(line string) bool {
	last, _ := utf8.DecodeLastRuneInString(line)
	if strings.ContainsRune(",;-–—(/&+", last) {
		return true
	}
	f := strings.Fields(line)
	w := strings.ToLower(f[len(f)-1])
	if continuation[w] {
		return true
	}
	if strings.HasSuffix(w, ".") {
		w = strings.TrimSuffix(w, ".")
		if abbreviations[w] || utf8.RuneCountInString(w) == 1 {
			return true
		}
	}
	return false
}

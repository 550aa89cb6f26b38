package dict

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// ErrSyntax is wrapped by every error about a malformed dictionary line.
var ErrSyntax = errors.New("dictionary syntax")

// lineError is a malformed line: its number and the reason.
func lineError(n int, format string, args ...any) error {
	return fmt.Errorf("line %d: %s: %w", n, fmt.Sprintf(format, args...), ErrSyntax)
}

// line is one logical line of a dictionary with its comments removed.
type line struct {
	n    int
	text string
}

// readLines returns the non-blank lines of r with comments removed:
// "<!-- ... -->", possibly over several lines, and everything from '#' or
// ';' to the end of a line.
func readLines(r io.Reader) ([]line, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	var out []line
	n := 0
	open := 0 // line where an unclosed "<!" comment began, or 0
	for sc.Scan() {
		n++
		s := sc.Text()
		if n == 1 {
			s = strings.TrimPrefix(s, "\uFEFF")
		}
		if open > 0 {
			i := strings.Index(s, "-->")
			if i < 0 {
				continue
			}
			open = 0
			s = s[i+3:]
		}
		if strings.HasPrefix(strings.TrimSpace(s), "#") {
			continue
		}
		// XML-style comments, any number on a line; one left open
		// continues on the following lines.
		for {
			i := strings.Index(s, "<!")
			if i < 0 {
				break
			}
			j := strings.Index(s[i:], "-->")
			if j < 0 {
				s = s[:i]
				open = n
				break
			}
			s = s[:i] + " " + s[i+j+3:]
		}
		if i := strings.IndexAny(s, "#;"); i >= 0 {
			s = s[:i]
		}
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		out = append(out, line{n, s})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n+1, err)
	}
	if open > 0 {
		return nil, lineError(open, "comment \"<!--\" is never closed")
	}
	return out, nil
}

// phraseWords splits a dictionary phrase into upper-case words on spaces
// and underscores.
func phraseWords(p string) []string {
	f := strings.FieldsFunc(p, func(r rune) bool { return r == '_' || unicode.IsSpace(r) })
	for i, w := range f {
		f[i] = strings.ToUpper(w)
	}
	return f
}

// ParseDate reads a date in the PETRARCH form YYYYMMDD or YYMMDD, where a
// two-digit year from 00 to 30 is 20YY and any other 19YY. It checks that
// the day exists.
func ParseDate(s string) (time.Time, error) {
	for _, r := range s {
		if r < '0' || r > '9' {
			return time.Time{}, fmt.Errorf("date %q: want YYYYMMDD or YYMMDD", s)
		}
	}
	var y, m, d int
	switch len(s) {
	case 8:
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[4:6])
		d, _ = strconv.Atoi(s[6:])
	case 6:
		y, _ = strconv.Atoi(s[:2])
		if y <= 30 {
			y += 2000
		} else {
			y += 1900
		}
		m, _ = strconv.Atoi(s[2:4])
		d, _ = strconv.Atoi(s[4:])
	default:
		return time.Time{}, fmt.Errorf("date %q: want YYYYMMDD or YYMMDD", s)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, fmt.Errorf("date %q: no such day", s)
	}
	return t, nil
}

// dayNumber is a date as the integer YYYYMMDD, 0 for the zero time.
func dayNumber(t time.Time) int {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}

// Words splits text into words the way the dictionaries are matched: on
// spaces, with surrounding punctuation removed and a possessive "'s" split
// off as a word of its own ("Arnor's troops" gives Arnor, 's, troops). A
// final full stop is dropped unless the word is an abbreviation with other
// stops ("U.S." keeps its own).
func Words(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		f = strings.TrimFunc(f, func(r rune) bool {
			return unicode.IsPunct(r) && r != '.' && r != '\'' && r != '’' && r != '-' && r != '&' || unicode.IsSymbol(r)
		})
		f = strings.TrimLeft(f, ".'’-")
		f = strings.TrimRight(f, "'’-")
		if strings.HasSuffix(f, ".") && strings.Count(f, ".") == 1 {
			f = strings.TrimSuffix(f, ".")
		}
		poss := ""
		for _, suf := range []string{"'s", "’s", "'S", "’S"} {
			if len(f) > len(suf) && strings.HasSuffix(f, suf) {
				f, poss = f[:len(f)-len(suf)], "'s"
				break
			}
		}
		if f != "" {
			out = append(out, f)
		}
		if poss != "" {
			out = append(out, poss)
		}
	}
	return out
}

package dict

import (
	"io"
	"strings"
	"time"
)

// Null is the code of an actor that is recognised but not coded.
const Null = "---"

// Code is one code of an actor entry with the days it applies to, as
// YYYYMMDD integers, both inclusive; 0 leaves that end open. A code with
// both ends open is a default.
type Code struct {
	Code     string
	From, To int
}

func (c Code) dated() bool { return c.From != 0 || c.To != 0 }

func (c Code) applies(day int) bool {
	return day != 0 && (c.From == 0 || day >= c.From) && (c.To == 0 || day <= c.To)
}

// entry is one actor: its primary phrase and codes.
type entry struct {
	phrase string
	codes  []Code
	line   int
}

// code resolves the entry's code on a day (YYYYMMDD, 0 for unknown): the
// applicable restricted code whose period began latest, else the first
// default, else Null.
func (e *entry) code(day int) string {
	best := -1
	for i, c := range e.codes {
		if c.dated() && c.applies(day) && (best < 0 || c.From > e.codes[best].From) {
			best = i
		}
	}
	if best >= 0 {
		return e.codes[best].Code
	}
	for _, c := range e.codes {
		if !c.dated() {
			return c.Code
		}
	}
	return Null
}

// trie maps word sequences to values.
type trie[V any] struct {
	next map[string]*trie[V]
	val  V
	set  bool
}

func (t *trie[V]) insert(words []string) *trie[V] {
	n := t
	for _, w := range words {
		if n.next == nil {
			n.next = map[string]*trie[V]{}
		}
		c := n.next[w]
		if c == nil {
			c = &trie[V]{}
			n.next[w] = c
		}
		n = c
	}
	return n
}

// longest returns the value of the longest phrase that starts words, and
// its length in words. Case is ignored and an underscore inside a word
// separates words, as in the dictionaries; a phrase must end at the end of
// a word.
func (t *trie[V]) longest(words []string) (v V, n int, ok bool) {
	cur := t
	for i, w := range words {
		if strings.Trim(w, "_") == "" {
			break
		}
		for part := range strings.SplitSeq(w, "_") {
			if part == "" {
				continue
			}
			if cur = cur.next[strings.ToUpper(part)]; cur == nil {
				return v, n, ok
			}
		}
		if cur.set {
			v, n, ok = cur.val, i+1, true
		}
	}
	return v, n, ok
}

// Actors is an actor dictionary.
type Actors struct {
	root    trie[*entry]
	phrases int
}

// Len is the number of phrases, primary and synonyms, in the dictionary.
func (a *Actors) Len() int { return a.phrases }

// LoadActors reads an actor dictionary.
func LoadActors(r io.Reader) (*Actors, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	a := &Actors{}
	var cur *entry
	var phrases [][]string
	flush := func() {
		for _, p := range phrases {
			node := a.root.insert(p)
			if !node.set {
				node.val, node.set = cur, true
				a.phrases++
				continue
			}
			// The same phrase again: it keeps the codes of both entries.
			merged := *node.val
			merged.codes = append(append([]Code(nil), node.val.codes...), cur.codes...)
			node.val = &merged
		}
		phrases = nil
	}
	for _, l := range lines {
		s := l.text
		switch s[0] {
		case '[':
			if cur == nil {
				return nil, lineError(l.n, "code %s before any actor", s)
			}
			codes, err := parseCodes(l.n, s)
			if err != nil {
				return nil, err
			}
			cur.codes = append(cur.codes, codes...)
		case '+':
			if cur == nil {
				return nil, lineError(l.n, "synonym %s before any actor", s)
			}
			p, codes, err := splitEntry(l.n, s[1:])
			if err != nil {
				return nil, err
			}
			phrases = append(phrases, p)
			cur.codes = append(cur.codes, codes...)
		default:
			if cur != nil {
				flush()
			}
			p, codes, err := splitEntry(l.n, s)
			if err != nil {
				return nil, err
			}
			cur = &entry{phrase: strings.Join(p, " "), codes: codes, line: l.n}
			phrases = append(phrases, p)
		}
	}
	if cur != nil {
		flush()
	}
	return a, nil
}

// splitEntry splits "PHRASE [CODE ...]..." into the phrase's words and
// its codes.
func splitEntry(n int, s string) ([]string, []Code, error) {
	phrase, rest, _ := strings.Cut(s, "[")
	if strings.ContainsAny(phrase, "]{}") {
		return nil, nil, lineError(n, "unexpected bracket in phrase %q", strings.TrimSpace(phrase))
	}
	words := phraseWords(phrase)
	if len(words) == 0 {
		return nil, nil, lineError(n, "no phrase before the code in %q", s)
	}
	if rest == "" && !strings.Contains(s, "[") {
		return words, nil, nil
	}
	codes, err := parseCodes(n, "["+rest)
	return words, codes, err
}

// parseCodes reads one or more "[CODE]" or "[CODE RESTRICTION]" blocks.
func parseCodes(n int, s string) ([]Code, error) {
	var out []Code
	s = strings.TrimSpace(s)
	for s != "" {
		if s[0] != '[' {
			return nil, lineError(n, "unexpected %q after a code", s)
		}
		end := strings.IndexByte(s, ']')
		if end < 0 {
			return nil, lineError(n, "missing ']' in %q", s)
		}
		body := s[1:end]
		if strings.ContainsAny(body, "[") {
			return nil, lineError(n, "missing ']' in %q", s)
		}
		c, err := parseCode(n, body)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
		s = strings.TrimSpace(s[end+1:])
	}
	return out, nil
}

// parseCode reads "CODE", "CODE <D", "CODE >D" or "CODE D1-D2"; spaces
// inside the restriction are allowed ("HOB < 950601").
func parseCode(n int, body string) (Code, error) {
	f := strings.Fields(body)
	if len(f) == 0 {
		return Code{}, lineError(n, "empty code []")
	}
	c := Code{Code: strings.ToUpper(f[0])}
	r := strings.Join(f[1:], "")
	if r == "" {
		return c, nil
	}
	bad := func(err error) (Code, error) {
		return Code{}, lineError(n, "bad date restriction %q in [%s]: %v", r, body, err)
	}
	switch {
	case r[0] == '<':
		t, err := ParseDate(r[1:])
		if err != nil {
			return bad(err)
		}
		c.To = dayNumber(t)
	case r[0] == '>':
		t, err := ParseDate(r[1:])
		if err != nil {
			return bad(err)
		}
		c.From = dayNumber(t)
	default:
		from, to, ok := strings.Cut(r, "-")
		if !ok {
			return Code{}, lineError(n, "bad date restriction %q in [%s]: want <DATE, >DATE or DATE-DATE", r, body)
		}
		t1, err := ParseDate(from)
		if err != nil {
			return bad(err)
		}
		t2, err := ParseDate(to)
		if err != nil {
			return bad(err)
		}
		if t2.Before(t1) {
			return Code{}, lineError(n, "date restriction %q in [%s] ends before it begins", r, body)
		}
		c.From, c.To = dayNumber(t1), dayNumber(t2)
	}
	return c, nil
}

// Match finds the longest actor phrase that starts words and returns its
// code on the given day, and the number of words it covers. The match
// ignores case. An actor with no code for that day (or, for the zero
// time, no default code) gives Null. ok is false when no phrase starts
// words.
func (a *Actors) Match(words []string, at time.Time) (code string, n int, ok bool) {
	if a == nil {
		return "", 0, false
	}
	e, n, ok := a.root.longest(words)
	if !ok {
		return "", 0, false
	}
	return e.code(dayNumber(at)), n, true
}

// Find returns the first actor phrase in words, the longest at that
// position: its code on the given day, where it starts and how many words
// it covers.
func (a *Actors) Find(words []string, at time.Time) (code string, start, n int, ok bool) {
	for i := range words {
		if code, n, ok := a.Match(words[i:], at); ok {
			return code, i, n, true
		}
	}
	return "", 0, 0, false
}

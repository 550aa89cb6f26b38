package event

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed triggers.tsv
var triggersTSV string

// entry is one trigger of the lexicon.
type entry struct {
	words   []*slot // alternatives per position; nil = wildcard
	noun    bool
	typ     string
	mode    string
	cameo   string
	outcome bool
	objreq  bool
	light   bool
	war     bool
	weapon  bool
	line    int
}

// slot is one position of a pattern: single-word alternatives, and
// alternatives of several words written joined by "_" ("tear_gas").
type slot struct {
	one   map[string]bool
	multi [][]string
}

// lexicon indexes entries by the forms of their first word.
type lexicon struct {
	byFirst map[string][]*entry
}

var (
	lexOnce sync.Once
	lex     *lexicon
	lexErr  error
)

// loadLexicon parses the embedded trigger table once.
func loadLexicon() (*lexicon, error) {
	lexOnce.Do(func() { lex, lexErr = parseLexicon(triggersTSV) })
	return lex, lexErr
}

func parseLexicon(src string) (*lexicon, error) {
	l := &lexicon{byFirst: map[string][]*entry{}}
	for n, line := range strings.Split(src, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("triggers.tsv line %d: want 6 tab-separated fields, got %d", n+1, len(f))
		}
		e := &entry{noun: f[1] == "n", typ: f[2], cameo: f[4], line: n + 1}
		if f[3] != "-" {
			e.mode = f[3]
		}
		for _, fl := range strings.Split(f[5], ",") {
			switch fl {
			case "outcome":
				e.outcome = true
			case "objreq":
				e.objreq = true
			case "light":
				e.light = true
			case "war":
				e.war = true
			case "weapon":
				e.weapon = true
			case "-":
			default:
				return nil, fmt.Errorf("triggers.tsv line %d: unknown flag %q", n+1, fl)
			}
		}
		for i, w := range strings.Fields(f[0]) {
			if w == "*" {
				e.words = append(e.words, nil)
				continue
			}
			sl := &slot{one: map[string]bool{}}
			forms := strings.Split(w, "|")
			if i == 0 && !e.noun && len(forms) == 1 && !strings.Contains(w, "_") {
				forms = inflect(w)
			}
			for _, a := range forms {
				if strings.Contains(a, "_") {
					sl.multi = append(sl.multi, strings.Split(a, "_"))
					continue
				}
				sl.one[a] = true
			}
			e.words = append(e.words, sl)
		}
		if e.words[0] == nil {
			return nil, fmt.Errorf("triggers.tsv line %d: a pattern cannot start with *", n+1)
		}
		first := map[string]bool{}
		for w := range e.words[0].one {
			first[w] = true
		}
		for _, m := range e.words[0].multi {
			first[m[0]] = true
		}
		for w := range first {
			l.byFirst[w] = append(l.byFirst[w], e)
		}
	}
	return l, nil
}

// inflect gives the forms of a regular English verb.
func inflect(v string) []string {
	forms := []string{v}
	switch {
	case strings.HasSuffix(v, "e"):
		forms = append(forms, v+"s", v+"d", v[:len(v)-1]+"ing")
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "x"):
		forms = append(forms, v+"es", v+"ed", v+"ing")
	default:
		forms = append(forms, v+"s", v+"ed", v+"ing")
	}
	return forms
}

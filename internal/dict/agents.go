package dict

import (
	"io"
	"strings"
)

// Agent is an agent code: Code goes after the actor's code ("~MIL":
// ARN + MIL = ARNMIL) or, when Before is set, in front of it ("NGO~":
// NGO + ARN = NGOARN).
type Agent struct {
	Code   string
	Before bool
}

// Agents is an agent dictionary.
type Agents struct {
	root    trie[Agent]
	phrases int
}

// Len is the number of phrases, plurals included, in the dictionary.
func (a *Agents) Len() int { return a.phrases }

// LoadAgents reads an agent dictionary.
func LoadAgents(r io.Reader) (*Agents, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	a := &Agents{}
	markers := map[string][]string{}
	for _, l := range lines {
		s := l.text
		if strings.HasPrefix(s, "!") && strings.Contains(s, "=") && !strings.Contains(s, "[") {
			name, forms, err := parseMarker(l.n, s)
			if err != nil {
				return nil, err
			}
			markers[name] = forms
			continue
		}
		phrase, rest, ok := strings.Cut(s, "[")
		if !ok {
			return nil, lineError(l.n, "agent %q has no [code]", s)
		}
		body, tail, ok := strings.Cut(rest, "]")
		if !ok {
			return nil, lineError(l.n, "missing ']' in %q", s)
		}
		if strings.TrimSpace(tail) != "" {
			return nil, lineError(l.n, "unexpected %q after the code", strings.TrimSpace(tail))
		}
		ag, err := parseAgentCode(l.n, body)
		if err != nil {
			return nil, err
		}
		var forms []string // phrases, each with its own plural rule
		plural := ""       // explicit plural, or "-" for none
		if i := strings.IndexByte(phrase, '{'); i >= 0 {
			j := strings.IndexByte(phrase[i:], '}')
			if j < 0 {
				return nil, lineError(l.n, "missing '}' in %q", s)
			}
			if strings.TrimSpace(phrase[i+j+1:]) != "" {
				return nil, lineError(l.n, "unexpected %q after the plural", strings.TrimSpace(phrase[i+j+1:]))
			}
			plural = strings.TrimSpace(phrase[i+1 : i+j])
			if plural == "" {
				plural = "-"
			}
			phrase = phrase[:i]
		} else if strings.ContainsRune(phrase, '}') {
			return nil, lineError(l.n, "missing '{' in %q", s)
		}
		if strings.Contains(phrase, "!") {
			forms, err = substitute(l.n, phrase, markers)
			if err != nil {
				return nil, err
			}
			plural = "-" // substituted forms carry their own number
		} else {
			forms = []string{phrase}
		}
		for _, f := range forms {
			w := phraseWords(f)
			if len(w) == 0 {
				return nil, lineError(l.n, "no phrase before the code in %q", s)
			}
			a.add(w, ag)
			switch plural {
			case "-":
			case "":
				p := append([]string(nil), w...)
				p[len(p)-1] = pluralOf(p[len(p)-1])
				a.add(p, ag)
			default:
				if p := phraseWords(plural); len(p) > 0 {
					a.add(p, ag)
				}
			}
		}
	}
	return a, nil
}

func (a *Agents) add(words []string, ag Agent) {
	n := a.root.insert(words)
	if !n.set {
		a.phrases++
	}
	n.val, n.set = ag, true
}

// parseAgentCode reads "~CODE" or "CODE~".
func parseAgentCode(n int, body string) (Agent, error) {
	c := strings.ToUpper(strings.TrimSpace(body))
	switch {
	case c == "" || c == "~":
		return Agent{}, lineError(n, "empty agent code [%s]", body)
	case strings.Count(c, "~") != 1 || strings.ContainsFunc(c, isSpace):
		return Agent{}, lineError(n, "agent code [%s] must be ~CODE or CODE~", body)
	case c[0] == '~':
		return Agent{Code: c[1:]}, nil
	case c[len(c)-1] == '~':
		return Agent{Code: c[:len(c)-1], Before: true}, nil
	}
	return Agent{}, lineError(n, "agent code [%s] must be ~CODE or CODE~", body)
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' }

// parseMarker reads "!NAME! = FORM, FORM, ...".
func parseMarker(n int, s string) (string, []string, error) {
	def, list, _ := strings.Cut(s, "=")
	def = strings.TrimSpace(def)
	if len(def) < 3 || def[len(def)-1] != '!' || strings.Count(def, "!") != 2 {
		return "", nil, lineError(n, "substitution marker %q must look like !NAME! = FORM, FORM", def)
	}
	var forms []string
	for _, f := range strings.Split(list, ",") {
		if f = strings.TrimSpace(f); f != "" {
			forms = append(forms, f)
		}
	}
	if len(forms) == 0 {
		return "", nil, lineError(n, "substitution marker %s has no forms", def)
	}
	return strings.ToUpper(def[1 : len(def)-1]), forms, nil
}

// substitute expands every !NAME! marker of phrase with each of its forms.
func substitute(n int, phrase string, markers map[string][]string) ([]string, error) {
	i := strings.IndexByte(phrase, '!')
	if i < 0 {
		return []string{phrase}, nil
	}
	j := strings.IndexByte(phrase[i+1:], '!')
	if j < 0 {
		return nil, lineError(n, "substitution marker in %q is not closed with '!'", strings.TrimSpace(phrase))
	}
	name := strings.ToUpper(phrase[i+1 : i+1+j])
	forms, ok := markers[name]
	if !ok {
		return nil, lineError(n, "substitution marker !%s! is not defined above", name)
	}
	rest, err := substitute(n, phrase[i+j+2:], markers)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, f := range forms {
		for _, r := range rest {
			out = append(out, phrase[:i]+f+r)
		}
	}
	return out, nil
}

// pluralOf makes the regular plural of an upper-case word.
func pluralOf(w string) string {
	switch {
	case strings.HasSuffix(w, "Y") && len(w) > 1 && !strings.ContainsRune("AEIOU", rune(w[len(w)-2])):
		return w[:len(w)-1] + "IES"
	case strings.HasSuffix(w, "S"), strings.HasSuffix(w, "X"), strings.HasSuffix(w, "Z"),
		strings.HasSuffix(w, "CH"), strings.HasSuffix(w, "SH"):
		return w + "ES"
	}
	return w + "S"
}

// Match finds the longest agent phrase that starts words, ignoring case,
// and returns its agent code and the number of words it covers.
func (a *Agents) Match(words []string) (ag Agent, n int, ok bool) {
	if a == nil {
		return Agent{}, 0, false
	}
	return a.root.longest(words)
}

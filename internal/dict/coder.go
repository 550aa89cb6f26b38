package dict

import (
	"strings"
	"time"
)

// Coder codes actor phrases with an actor and an agent dictionary, either
// of which may be nil.
type Coder struct {
	Actors *Actors
	Agents *Agents
}

// Code returns the CAMEO actor code of a phrase on a day: the code of the
// first actor phrase in words (Null when there is none), with the codes of
// the agent phrases among the other words put before or after it in the
// order they appear ("Arnor soldiers" gives ARN + MIL = ARNMIL, "a senior
// official" ---GOV). An agent already at the end of the code is not added
// twice. A TABARI code that names several actors ("FRO/BIL") gets the
// agents on each. ok is false when neither dictionary knows any of the
// words.
func (c *Coder) Code(words []string, at time.Time) (code string, ok bool) {
	code, start, n, found := c.Actors.Find(words, at)
	if !found {
		code, start, n = Null, len(words), 0
	}
	var before, after []string
	for i := 0; i < len(words); {
		if i == start && n > 0 {
			i += n
			continue
		}
		ag, m, hit := c.Agents.Match(words[i:])
		if !hit || start > i && i+m > start {
			i++
			continue
		}
		if ag.Before {
			before = append(before, ag.Code)
		} else {
			after = append(after, ag.Code)
		}
		i += m
	}
	if !found && len(before) == 0 && len(after) == 0 {
		return "", false
	}
	parts := strings.Split(code, "/")
	for k, p := range parts {
		for _, a := range after {
			if !strings.HasSuffix(p, a) {
				p += a
			}
		}
		parts[k] = strings.Join(before, "") + p
	}
	return strings.Join(parts, "/"), true
}

package count

import (
	"cmp"
	"slices"

	"sitrep/internal/lex"
	"sitrep/internal/model"
)

// Toll is a casualty, arrest or turnout figure read from a sentence.
type Toll struct {
	// Role is what happened to the people counted: Killed, Injured,
	// Arrested or Participants.
	Role string
	// Range is the figure. Its Text is the phrase that gives the number
	// ("at least 13 people", "no one"), or, for a single person whose fate
	// is told, the casualty words ("seriously injured").
	Range model.Range
	// Start and End are the byte offsets of the whole phrase, count and
	// casualty word together, End exclusive.
	Start, End int
	// VerbStart and VerbEnd are the byte offsets of the casualty or turnout
	// word ("killed", "shot dead", "death toll", "crowd"), End exclusive.
	VerbStart, VerbEnd int
}

// Tolls returns the casualty, arrest and turnout figures of text, one
// sentence, in text order. It reads:
//
//   - a count before its casualty word: "13 people were killed", "at least
//     13 dead", "three soldiers died", "21 others were injured", "hundreds of
//     people have been arrested", "thousands of people marched";
//   - a casualty verb or noun before its count: "killing at least 13 people",
//     "wounded 21", "police detained 40 protesters", "the deaths of 50,000
//     soldiers", "a crowd of 5,000";
//   - toll nouns: "the death toll rose to 20", "13 deaths";
//   - nobody: "no one was hurt", "there were no casualties" (0..0);
//   - one named or described person: "the officer was seriously injured",
//     "a soldier was killed", "police arrested the suspect" (1..1).
//
// A count of things ("thousands of miles", "three times") or of people
// whose fate is not told ("hundreds of thousands of reservists") is no
// toll.
func Tolls(text string) []Toll {
	p := getParser(text)
	defer p.release()
	p.quantities()
	p.index()
	var out []Toll
	// Counts with a casualty word before or after them.
	for i := range p.qs {
		q := &p.qs[i]
		if q.unit || p.subset(q) {
			continue
		}
		if r := headRoles[q.headWord]; r != "" && q.head >= 0 {
			out = p.add(out, q, r, q.head, q.head+1)
			continue
		}
		if !p.personHead(q) {
			continue
		}
		if r, vs, ve := p.before(q); r != "" {
			out = p.add(out, q, r, vs, ve)
			continue
		}
		if r, vs, ve := p.after(q); r != "" && !(r == Participants && is(q.headWord, cForce)) {
			out = p.add(out, q, r, vs, ve)
			continue
		}
		if q.premod >= 0 {
			w := p.Word(q.premod)
			r := afterWords[w]
			if r == "" {
				r = beforeWords[w]
			}
			if r != "" && r != Participants {
				out = p.add(out, q, r, q.premod, q.premod+1)
			}
		}
	}
	// "13 soldiers and four civilians were killed": the first count shares
	// the casualty word of the second.
	for i := len(p.qs) - 2; i >= 0; i-- {
		q, r := &p.qs[i], &p.qs[i+1]
		if q.role != "" || r.role == "" || q.unit || !p.personHead(q) || r.s != q.e+1 {
			continue
		}
		if w := p.Word(q.e); w != "and" && p.Punct(q.e) != "," {
			continue
		}
		if t := out[r.toll]; t.VerbStart > t.Start {
			q.role, q.toll = t.Role, len(out)
			out = append(out, p.toll(q, t.Role, t.VerbStart, t.VerbEnd))
		}
	}
	out = p.tollNouns(out)
	// Protesters and crowds counted with no other role took part.
	for i := range p.qs {
		q := &p.qs[i]
		if q.role != "" || p.subset(q) {
			continue
		}
		if q.strong >= 0 {
			out = p.add(out, q, Participants, q.strong, q.strong+1)
		} else if q.head >= 0 && is(q.headWord, cProtester) && q.headWord != "activists" {
			out = p.add(out, q, Participants, q.head, q.head+1)
		}
	}
	out = p.nobody(out)
	out = p.single(out)
	slices.SortStableFunc(out, func(a, b Toll) int { return cmp.Compare(a.Start, b.Start) })
	return out
}

// index records, for each token, the quantity that starts there, and
// clears the marks of casualty words already used.
func (p *parser) index() {
	if cap(p.at) < len(p.Toks) {
		p.at = make([]int32, len(p.Toks))
		p.used = make([]bool, len(p.Toks))
	}
	p.at, p.used = p.at[:len(p.Toks)], p.used[:len(p.Toks)]
	clear(p.at)
	clear(p.used)
	for i := range p.qs {
		p.at[p.qs[i].s] = int32(i + 1)
	}
}

// add appends the toll of q with the casualty words [vs, ve) (tokens).
func (p *parser) add(out []Toll, q *qty, role string, vs, ve int) []Toll {
	q.role, q.toll = role, len(out)
	for k := vs; k < ve; k++ {
		p.used[k] = true
	}
	a, b := p.span(vs, ve)
	return append(out, p.toll(q, role, a, b))
}

// toll makes the toll of q with the casualty words at bytes [vs, ve).
func (p *parser) toll(q *qty, role string, vs, ve int) Toll {
	s, e := p.span(q.s, q.e)
	r := model.Range{Min: q.min, Text: p.Text[s:e]}
	if q.max >= 0 {
		r.Max = intPtr(q.max)
	}
	return Toll{Role: role, Range: r, Start: min(s, vs), End: max(e, ve), VerbStart: vs, VerbEnd: ve}
}

// subset reports whether q counts a part of a group already counted:
// "including seven children", "among them two soldiers".
func (p *parser) subset(q *qty) bool {
	switch p.Word(q.s - 1) {
	case "including":
		return true
	case "them", "whom":
		return p.Word(q.s-2) == "among"
	case "as":
		return p.Word(q.s-2) == "such"
	}
	return false
}

// before reads a casualty verb or noun just before q: "killing 13",
// "the deaths of 50,000", "rounded up 40", "a crowd estimated at 5,000".
func (p *parser) before(q *qty) (role string, vs, ve int) {
	k := q.s - 1
	w := p.Word(k)
	switch {
	case w == "of":
		if r := ofNouns[p.Word(k-1)]; r != "" {
			return r, k - 1, k
		}
	case w == "up":
		switch p.Word(k - 1) {
		case "rounded", "rounding", "round":
			return Arrested, k - 1, k + 1
		}
	case w == "dead" && p.Word(k-1) == "shot":
		return Killed, k - 1, k + 1
	case beforeWords[w] != "":
		if w == "held" || w == "holding" {
			switch p.Word(q.e) {
			case "hostage", "hostages", "captive", "captives":
				return "", 0, 0
			}
		}
		return beforeWords[w], k, k + 1
	}
	// "a crowd estimated at 5,000", "crowds numbering 5,000".
	for j := k; j >= q.s-4 && j >= 0; j-- {
		switch w := p.Word(j); w {
		case "estimated", "at", "numbering", "put", "variously", "of":
			continue
		default:
			if ofNouns[w] == Participants && j < k {
				return Participants, j, j + 1
			}
		}
		break
	}
	return "", 0, 0
}

// after reads the casualty words that follow q, over auxiliaries, adverbs
// and one parenthesis: "13 people, including two children, were killed".
func (p *parser) after(q *qty) (role string, vs, ve int) {
	k := q.e
	if c := p.Punct(k); c == "," || c == "(" || lex.IsDash(c) {
		close := c
		if c == "(" {
			close = ")"
		}
		for j := k + 1; j < len(p.Toks) && j <= k+14; j++ {
			c := p.Punct(j)
			if c == "." || c == ";" || c == "?" || c == "!" {
				break
			}
			if c == close || close == "," && lex.IsDash(c) {
				if r, vs, ve := p.predicate(j + 1); r != "" {
					return r, vs, ve
				}
				break
			}
		}
	}
	// "tens of thousands of pensioners and workers marched".
	if w := p.Word(k); (w == "and" || w == "or") && q.head >= 0 {
		for j := k + 1; j <= k+4 && j < len(p.Toks); j++ {
			if p.Toks[j].K != lex.Word || is(p.Word(j), cStop) {
				break
			}
			if p.personPlural(j) {
				return p.predicate(j + 1)
			}
		}
	}
	return p.predicate(k)
}

// predicate reads, from token k, the auxiliaries and adverbs of a predicate
// and then its casualty words: "were later found dead", "have been
// arrested", "are believed to have died".
func (p *parser) predicate(k int) (role string, vs, ve int) {
	for steps := 0; steps < 8 && k < len(p.Toks); steps++ {
		w := p.Word(k)
		switch w {
		case "not", "never", "wasn", "weren", "hasn", "haven", "hadn", "isn", "aren", "didn", "nobody":
			return "", 0, 0
		}
		if is(w, cAux|cAdverb) {
			k++
			continue
		}
		break
	}
	return p.verbAt(k)
}

// verbAt reads casualty or turnout words at token k: "killed", "shot dead",
// "stabbed to death", "lost their lives", "taken into custody", "took part".
func (p *parser) verbAt(k int) (role string, vs, ve int) {
	w := p.Word(k)
	w1, w2 := p.Word(k+1), p.Word(k+2)
	switch {
	case w == "shot" && w1 == "dead":
		return Killed, k, k + 2
	case w == "shot" && w1 == "and" && w2 == "killed":
		return Killed, k, k + 3
	case toDeath[w] && w1 == "to" && w2 == "death":
		return Killed, k, k + 3
	case w == "lost" && (w1 == "their" || w1 == "his" || w1 == "her") && (w2 == "lives" || w2 == "life"):
		return Killed, k, k + 3
	case (w == "taken" || w == "took") && w1 == "into" && w2 == "custody":
		return Arrested, k, k + 3
	case w == "in" && w1 == "custody":
		return Arrested, k, k + 2
	case w == "rounded" && w1 == "up":
		return Arrested, k, k + 2
	case (w == "took" || w == "take" || w == "taking" || w == "takes") && w1 == "part":
		return Participants, k, k + 2
	case (w == "took" || w == "take" || w == "taking") && w1 == "to" && w2 == "the" && p.Word(k+3) == "streets":
		return Participants, k, k + 4
	case (w == "turned" || w == "turn" || w == "turning") && w1 == "out":
		return Participants, k, k + 2
	case w == "joined" || w == "join" || w == "joining":
		for j := k + 1; j <= k+4; j++ {
			if protestNouns[p.Word(j)] {
				return Participants, k, k + 1
			}
		}
		return "", 0, 0
	case (w == "suffered" || w == "sustained") && (w1 == "injuries" || w1 == "wounds" || w2 == "injuries" || w2 == "wounds"):
		return Injured, k, k + 1
	case w == "treated" && w1 == "for" && (w2 == "injuries" || w2 == "wounds"):
		return Injured, k, k + 3
	case w == "held" || w == "staged" || w == "blocked" || w == "picketed" || w == "barricaded":
		switch {
		case w1 == "hostage" || w1 == "captive" || w1 == "talks" || w1 == "up":
			return "", 0, 0
		case is(w1, cDet) || w != "held":
			// "thousands held a rally", "farmers blocked the highway"
			for j := k + 1; j <= k+4 && w == "held"; j++ {
				if protestNouns[p.Word(j)] {
					return Participants, k, k + 1
				}
			}
			if w == "held" {
				return "", 0, 0
			}
			return Participants, k, k + 1
		}
	case w == "hurt" && (w1 == "by" || w1 == "the"):
		return "", 0, 0
	}
	if r := afterWords[w]; r != "" {
		return r, k, k + 1
	}
	return "", 0, 0
}

// tollNouns reads "the death toll rose to 20" and "the number of people
// killed reached 40": the last free count after the toll noun, within the
// clause.
func (p *parser) tollNouns(out []Toll) []Toll {
	for k := range p.Toks {
		var role string
		vs, ve := k, k+1
		switch p.Word(k) {
		case "toll":
			switch p.Word(k - 1) {
			case "death", "casualty", "dead":
				role, vs = Killed, k-1
				if p.Word(k-1) == "casualty" {
					continue
				}
			case "injury":
				role, vs = Injured, k-1
			default:
				role = Killed
			}
		case "number":
			if p.Word(k+1) != "of" {
				continue
			}
			for j := k + 2; j <= k+4 && role == ""; j++ {
				switch w := p.Word(j); w {
				case "dead", "killed", "deaths", "fatalities", "victims":
					role, ve = Killed, j+1
				case "injured", "wounded", "injuries":
					role, ve = Injured, j+1
				case "arrested", "detained", "arrests", "detentions", "detainees":
					role, ve = Arrested, j+1
				case "protesters", "participants", "demonstrators":
					role, ve = Participants, j+1
				}
			}
		}
		if role == "" {
			continue
		}
		best := -1
	window:
		for j := ve; j < len(p.Toks) && j < ve+16; j++ {
			if qi := int(p.at[j]) - 1; qi >= 0 {
				q := &p.qs[qi]
				if q.role != "" {
					break
				}
				if !q.unit && (q.head < 0 || p.personHead(q) || q.headWord == "dead") {
					best = qi
					// "rose to 14 overnight, including eight policemen":
					// the figure the toll reached is the toll; what it
					// includes comes after.
					if w := p.Word(j - 1); w == "to" || w == "at" || w == "reached" {
						break window
					}
				}
				j = q.e - 1
				continue
			}
			switch p.Word(j) {
			case "and", "but", "while", "whereas":
				break window
			}
			switch p.Punct(j) {
			case ".", ";", "?", "!":
				break window
			}
		}
		if best >= 0 {
			out = p.add(out, &p.qs[best], role, vs, ve)
		}
	}
	return out
}

// nobody reads tolls of no one: "no one was hurt", "nobody died", "none of
// the passengers were injured", "no soldiers were killed", "there were no
// casualties", "no arrests were made".
func (p *parser) nobody(out []Toll) []Toll {
	for k := 0; k < len(p.Toks); k++ {
		se := -1
		switch w := p.Word(k); w {
		case "nobody", "noone":
			se = k + 1
		case "none":
			se = k + 1
			if p.Word(se) == "of" {
				se += 2
				for j := se; j < se+3 && j < len(p.Toks); j++ {
					if p.personPlural(j) {
						se = j + 1
						break
					}
				}
			}
		case "no":
			w1 := p.Word(k + 1)
			switch {
			case w1 == "one":
				se = k + 2
			case lex.IsDash(p.Punct(k+1)) && p.Word(k+2) == "one":
				se = k + 3
			default:
				n := k + 1
				if w1 == "reported" || w1 == "immediate" || w1 == "known" {
					n++
				}
				if roles, ok := zeroNouns[p.Word(n)]; ok {
					for _, r := range roles {
						if r != "" {
							out = p.zero(out, r, k, n+1, n, n+1)
						}
					}
					k = n
					continue
				}
				for j := k + 1; j <= k+3 && j < len(p.Toks); j++ {
					if p.personPlural(j) {
						se = j + 1
						break
					}
					if p.Toks[j].K != lex.Word || is(p.Word(j), cStop) {
						break
					}
				}
			}
		}
		if se < 0 {
			continue
		}
		r, vs, ve := p.predicate(se)
		if r == "" || r == Participants {
			continue
		}
		out = p.zero(out, r, k, se, vs, ve)
		// "no one was killed or injured"
		if c := p.Word(ve); c == "or" || c == "and" || c == "nor" {
			if r2, vs2, ve2 := p.verbAt(ve + 1); r2 != "" && r2 != r && r2 != Participants {
				out = p.zero(out, r2, k, se, vs2, ve2)
			}
		}
		k = ve - 1
	}
	return out
}

// zero appends a toll of nobody: subject tokens [s, se), casualty words
// [vs, ve).
func (p *parser) zero(out []Toll, role string, s, se, vs, ve int) []Toll {
	for k := vs; k < ve; k++ {
		p.used[k] = true
	}
	a, b := p.span(s, se)
	c, d := p.span(vs, ve)
	return append(out, Toll{
		Role:  role,
		Range: model.Range{Min: 0, Max: intPtr(0), Text: p.Text[a:b]},
		Start: min(a, c), End: max(b, d), VerbStart: c, VerbEnd: d,
	})
}

// single reads the fate of one named or described person: "the officer was
// seriously injured", "a soldier was killed", "Zinin was arrested", "a man
// died", "killing a policeman", "police arrested the suspect".
func (p *parser) single(out []Toll) []Toll {
	for k := 0; k < len(p.Toks); k++ {
		if p.Toks[k].K != lex.Word {
			continue
		}
		// Active: a casualty verb and its object ("killing a
		// policeman", "shot dead a journalist").
		r, n := beforeWords[p.Word(k)], 1
		if p.Word(k) == "shot" && p.Word(k+1) == "dead" {
			r, n = Killed, 2
		}
		if r != "" && !p.used[k] {
			if s, e, ok := p.personObject(k + n); ok {
				a, b := p.span(s, e)
				vs, ve := p.span(k, k+n)
				out = append(out, Toll{Role: r, Range: model.Range{Min: 1, Max: intPtr(1), Text: p.Text[a:b]},
					Start: vs, End: b, VerbStart: vs, VerbEnd: ve})
				k = e - 1
				continue
			}
		}
		r, vs, ve := p.verbAt(k)
		if r == "" || r == Participants || p.used[vs] {
			continue
		}
		// Back over degree adverbs, then the auxiliaries.
		j, adv := vs-1, vs
		for j >= 0 && is(p.Word(j), cAdverb) {
			adv = j
			j--
		}
		aux, singular := false, false
	back:
		for j >= 0 {
			switch p.Word(j) {
			case "was", "is", "has":
				aux, singular = true, true
			case "had", "been", "being", "reportedly", "allegedly", "also", "later", "then",
				"subsequently", "eventually", "reported", "already":
				aux = true
			case "were", "are", "have":
				aux = false
				j = -1
				break back
			default:
				break back
			}
			j--
		}
		if j < 0 {
			continue
		}
		intransitive := r == Killed && (p.Word(vs) == "died" || p.Word(vs) == "dies" || p.Word(vs) == "lost")
		if !aux && !intransitive {
			continue
		}
		if !singular && !intransitive && p.Word(vs-1) != "been" {
			continue
		}
		if w := p.Word(j); w == "who" || w == "that" {
			j--
		}
		// An apposition: "the suspect, a 25-year-old man, was arrested".
		if p.Punct(j) == "," {
			for c := j - 1; c >= 0 && c >= j-10; c-- {
				if p.Punct(c) == "," {
					j = c - 1
					break
				}
				if p.Toks[c].K == lex.Punct && !lex.IsDash(p.Punct(c)) {
					break
				}
			}
		}
		s, ok := p.personSubject(j, r)
		if !ok {
			continue
		}
		a, b := p.span(adv, ve)
		st, _ := p.span(s, s+1)
		c, d := p.span(vs, ve)
		out = append(out, Toll{Role: r, Range: model.Range{Min: 1, Max: intPtr(1), Text: p.Text[a:b]},
			Start: st, End: b, VerbStart: c, VerbEnd: d})
		k = ve - 1
	}
	return out
}

// personSubject reads backwards from token j a subject that is one person
// and returns its first token: "the officer", "a Russian soldier", "he",
// "Ruslan Zinin".
func (p *parser) personSubject(j int, role string) (int, bool) {
	w := p.Word(j)
	switch {
	case w == "he" || w == "she":
		return j, true
	case is(w, cPersonSg) && !p.Toks[j].Upper || is(w, cPersonSg) && j > 0 && is(p.Word(j-1), cDet):
		for d := j - 1; d >= 0 && d >= j-7; d-- {
			dw := p.Word(d)
			if is(dw, cDet) && dw != "these" && dw != "those" {
				return d, true
			}
			if c := p.Punct(d); c == "'" || c == "\u2019" || lex.IsDash(c) && p.Glued(d) || p.IsNum(d) ||
				lex.IsDash(p.Punct(d+1)) && p.Glued(d+1) {
				continue // "Russia's", "25-year-old"
			}
			if p.Toks[d].K != lex.Word || is(dw, cStop) {
				break
			}
		}
		return 0, false
	case p.IsUpper(j) && !is(w, cStop|cMonth) && role != Participants && w != "hurt":
		s := j
		for s > 0 && p.IsUpper(s-1) && !is(p.Word(s-1), cStop) {
			s--
		}
		if s == 0 || p.Punct(s-1) == "." || p.Punct(s-1) == "\"" || p.Punct(s-1) == "\u201c" {
			// A capitalised word that opens the sentence names a person only
			// when it is not a common word: "Police were" is no name.
			if is(p.Word(s), cPersonPl|cPersonSg|cDet|cThing) {
				return 0, false
			}
		}
		return s, true
	}
	return 0, false
}

// personObject reads a noun phrase for one person from token s: "a
// policeman", "the suspect", "an off-duty officer", "him". It returns the
// phrase's tokens.
func (p *parser) personObject(s int) (int, int, bool) {
	switch p.Word(s) {
	case "him":
		return s, s + 1, true
	case "her":
		if p.Word(s+1) == "" || is(p.Word(s+1), cStop) {
			return s, s + 1, true // "arrested her", not "arrested her husband"
		}
	}
	w := p.Word(s)
	if w == "" || w == "these" || w == "those" || w == "one" && p.Word(s+1) == "of" {
		return 0, 0, false
	}
	det := is(w, cDet)
	if !det && p.IsUpper(s) && !is(w, cStop|cMonth) && p.Toks[s].Glued == false {
		// A name: "police arrested Ivan Petrov".
		e := s + 1
		for p.IsUpper(e) && !is(p.Word(e), cStop) {
			e++
		}
		if p.Word(e) != "and" && !p.personPlural(e) {
			return s, e, true
		}
		return 0, 0, false
	}
	j0 := s + 1
	if !det {
		j0 = s // "arrested opposition leader Mamadou Bah"
	}
	for j := j0; j <= s+8 && j < len(p.Toks); j++ {
		if p.Toks[j].K != lex.Word {
			if lex.IsDash(p.Punct(j)) && p.Glued(j) || p.IsNum(j) {
				continue // "a 20-year-old conscript"
			}
			return 0, 0, false
		}
		w := p.Word(j)
		if lex.IsDash(p.Punct(j+1)) && p.Glued(j+1) || lex.IsDash(p.Punct(j-1)) && p.Glued(j) {
			continue // a part of "20-year-old"
		}
		if is(w, cPersonSg) && !(p.Punct(j+1) == "'" || p.Punct(j+1) == "\u2019") {
			if det {
				return s, j + 1, true
			}
			// Without a determiner, a title needs the name after it.
			e := j + 1
			for p.IsUpper(e) && !is(p.Word(e), cStop) {
				e++
			}
			if e > j+1 {
				return s, e, true
			}
			return 0, 0, false
		}
		if is(w, cStop) && j > s+1 || !det && p.Toks[j].Upper {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

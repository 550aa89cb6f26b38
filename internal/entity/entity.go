// Package entity finds the people, organisations, groups, places and
// nationalities a report names, and the actor noun phrases that later
// stages take as the source or target of an event. It links mentions of the
// same person ("Ruslan Zinin", "Zinin", "the suspect", "he") with a light,
// rule-based coreference. It works on tokens from package text and the place
// and nationality spans found by package geo.
package entity

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"sitrep/internal/model"
	"sitrep/internal/text"
)

// PlaceSpan is a place or nationality mention found by the geo stage.
type PlaceSpan struct {
	Start, End int
	// Nationality is true for demonyms ("Russian", "Syrians").
	Nationality bool
	// Country is the ISO 3166-1 alpha-2 code of the place or demonym.
	Country string
	// Place is the resolved place, nil when unresolved or a nationality.
	Place *model.Place
}

// Input is what Extract reads.
type Input struct {
	Text      string
	Sentences []model.Sentence
	Tokens    [][]text.Token // one slice per sentence
	Places    []PlaceSpan    // sorted by Start
	// Common reports whether a word is a common English word; a run of
	// capitals made only of such words ("Black Hawk") is no person's name.
	// Nil treats no word as common.
	Common func(word string) bool
	// Actors finds the longest phrase of a user's actor dictionary that
	// starts the lower-case words, returning its code and length in words.
	// Nil means no dictionary.
	Actors func(words []string) (code string, n int, ok bool)
	// Agents finds an agent phrase of a user's agent dictionary starting
	// the lower-case words: its code and whether it goes before the
	// actor's ("NGO~") rather than after ("~MIL"). Nil means none.
	Agents func(words []string) (code string, before bool, ok bool)
}

// Actor is a noun phrase that can take part in an event: a name, a role
// ("the regional governor", "hundreds of protesters"), a pronoun or a state.
type Actor struct {
	Start, End  int // bytes into the text
	Tok, TokEnd int // token indexes within the sentence, TokEnd exclusive
	Head        int // token index of the head word
	Text        string
	Name        string // canonical name of the linked named entity
	Owner       string // the name of the group that owns it ("its fighters")
	Entity      int    // index into Result.Entities, or -1
	Kind        string // person, org, group or state
	Sector      string
	Country     string
	Definite    bool
	Indefinite  bool
	Another     bool // "another gunman", "a second attack"
	Plural      bool
	Perp        bool // an attacker's role noun
	Pronoun     bool
	Facility    bool // "a school": a place standing for the people in it
	Age         int
	// Code is the CAMEO code a user's actor dictionary gives the actor;
	// CodeFull says an agent dictionary has already added its role.
	Code     string
	CodeFull bool
}

// Result is the output of Extract.
type Result struct {
	Entities []*model.Entity
	// Actors lists, for each sentence, its actor phrases in text order.
	Actors [][]Actor
	// Focus is the country the report is mostly about, or "".
	Focus string
}

type unitKind int

const (
	uNone unitKind = iota
	uPlace
	uNat
	uName
	uRole
	uPron
)

type unit struct {
	kind     unitKind
	tok, end int // token range
	place    *PlaceSpan
	name     string // for names: the name without titles
	title    string // title words before a name
	org      *knownOrg
	code     string // from a user's actor dictionary
	orgHead  string
	possess  bool // followed by 's
}

// Extract finds entities and actor phrases.
func Extract(in Input) *Result {
	x := &extractor{in: in, res: &Result{}, byKey: map[string]int{}}
	x.lowerSeen = lowerWords(in)
	x.res.Focus = focusCountry(in.Places)
	for si := range in.Sentences {
		x.sentence(si)
	}
	x.finish()
	return x.res
}

type extractor struct {
	in        Input
	res       *Result
	byKey     map[string]int
	lowerSeen map[string]bool
	lastPerp  int // entity of the attacker the text has named, when perpSet
	perpSet   bool
	persons   []int // person entities in order of mention
}

func (x *extractor) sentence(si int) {
	toks := x.in.Tokens[si]
	units := x.units(si, toks)
	var actors []Actor
	for ui := range units {
		u := &units[ui]
		// "Arnor soldiers" is one actor, the soldiers, coded by Arnor.
		if u.code != "" && ui+1 < len(units) && units[ui+1].kind == uRole && units[ui+1].tok == u.end {
			continue
		}
		switch u.kind {
		case uName, uRole, uPron:
		case uPlace:
			// A country not governed by a locative preposition can act:
			// "Russia was forced to ...", "Ukraine's General Staff".
			if u.place.Place != nil && u.place.Place.Precision == model.PrecCountry && !locativeBefore(toks, u.tok) && !u.possess && !inDateline(si, toks, u.end) {
				actors = append(actors, Actor{Start: toks[u.tok].Start, End: toks[u.end-1].End, Tok: u.tok, TokEnd: u.end,
					Head: u.end - 1, Text: x.in.Text[toks[u.tok].Start:toks[u.end-1].End], Entity: -1, Kind: "state",
					Sector: "government", Country: u.place.Country, Name: u.place.Place.Name})
			}
			continue
		case uNat:
			// "Russians" as a noun.
			w := toks[u.end-1].Lower
			if strings.HasSuffix(w, "s") && !isModifierContext(toks, u.end) {
				actors = append(actors, Actor{Start: toks[u.tok].Start, End: toks[u.end-1].End, Tok: u.tok, TokEnd: u.end,
					Head: u.end - 1, Text: x.in.Text[toks[u.tok].Start:toks[u.end-1].End], Entity: -1, Kind: "group",
					Country: u.place.Country, Plural: true})
			}
			continue
		default:
			continue
		}
		a := x.phrase(toks, units, ui)
		actors = append(actors, a)
	}
	sort.Slice(actors, func(i, j int) bool { return actors[i].Tok < actors[j].Tok })
	x.link(si, toks, actors)
	x.res.Actors = append(x.res.Actors, actors)
}

// units marks the tokens of a sentence that can head or modify an actor.
func (x *extractor) units(si int, toks []text.Token) []unit {
	var units []unit
	places := x.placesIn(x.in.Sentences[si])
	pi := 0
	for i := 0; i < len(toks); {
		t := toks[i]
		for pi < len(places) && places[pi].End <= t.Start {
			pi++
		}
		// A user's dictionary knows its actors best: "Arnor", "the
		// Calenardhon government".
		if t.Cap() && t.Kind == text.Word && x.in.Actors != nil {
			words := make([]string, 0, 8)
			for k := i; k < len(toks) && k < i+8; k++ {
				words = append(words, toks[k].Lower)
			}
			if code, n, ok := x.in.Actors(words); ok && n > 0 {
				end := i + n
				u := unit{kind: uName, tok: i, end: end, possess: end < len(toks) && toks[end].Lower == "'s"}
				u.name = x.in.Text[toks[i].Start:toks[end-1].End]
				u.org = &knownOrg{name: u.name, kind: "org"}
				u.code = code
				units = append(units, u)
				for pi < len(places) && places[pi].Start < toks[end-1].End {
					pi++
				}
				i = end
				continue
			}
		}
		// A capitalised run that names an organisation may contain a place
		// ("Irkutsk Regional Court"), so runs are read first.
		if t.Cap() && t.Kind == text.Word {
			if u, ok := x.nameRun(si, toks, i, places); ok {
				units = append(units, u)
				i = u.end
				continue
			}
		}
		if pi < len(places) && places[pi].Start <= t.Start && t.Start < places[pi].End {
			p := &places[pi]
			j := i
			for j < len(toks) && toks[j].Start < p.End {
				j++
			}
			k := unitKind(uPlace)
			if p.Nationality {
				k = uNat
			}
			u := unit{kind: k, tok: i, end: j, place: p}
			if j < len(toks) && toks[j].Lower == "'s" {
				u.possess = true
			}
			units = append(units, u)
			i = j
			continue
		}
		if t.Kind == text.Word {
			if r, ok := roles[t.Lower]; ok && (!t.Cap() || i == 0 || toks[i-1].Kind == text.Punct || r.capital) {
				// "police officer": the last role noun of a compound heads it.
				if i+1 < len(toks) {
					if _, ok2 := roles[toks[i+1].Lower]; ok2 && !toks[i+1].Cap() {
						i++
						continue
					}
				}
				// A facility stands for its people only as a phrase of its
				// own ("a school"), not as a modifier ("hospital treatment").
				if r := roles[t.Lower]; r.facility && (i == 0 || !articleLike(toks[i-1].Lower)) {
					i++
					continue
				}
				if !verbalUse(toks, i) {
					units = append(units, unit{kind: uRole, tok: i, end: i + 1})
				}
				i++
				continue
			}
			switch t.Lower {
			case "he", "she", "him":
				units = append(units, unit{kind: uPron, tok: i, end: i + 1})
			}
		}
		i++
	}
	return units
}

// verbalUse reports whether a role word is used as a verb or modifier here:
// "police the border", "the police officer" (the compound is headed later).
func verbalUse(toks []text.Token, i int) bool {
	w := toks[i].Lower
	if w == "guard" || w == "general" || w == "police" || w == "military" || w == "army" || w == "court" || w == "school" || w == "market" || w == "hospital" {
		if i+1 < len(toks) && toks[i+1].Kind == text.Word && !toks[i+1].Cap() {
			if _, ok := roles[toks[i+1].Lower]; ok {
				return true
			}
		}
	}
	if w == "general" && (i == 0 || !toks[i-1].Cap()) && i+1 < len(toks) && toks[i+1].Kind == text.Word && !toks[i+1].Cap() {
		return true // "general strike", "general elections"
	}
	return false
}

func (x *extractor) placesIn(s model.Sentence) []PlaceSpan {
	ps := x.in.Places
	i := sort.Search(len(ps), func(i int) bool { return ps[i].End > s.Start })
	var out []PlaceSpan
	for ; i < len(ps) && ps[i].Start < s.End; i++ {
		out = append(out, ps[i])
	}
	return out
}

// nameRun reads a run of capitalised words starting at i and classifies it
// as an organisation or a person. It returns false when the run is a place,
// a common word at the start of a sentence, a date word, or unknown.
func (x *extractor) nameRun(si int, toks []text.Token, i int, places []PlaceSpan) (unit, bool) {
	j := i
	for j < len(toks) {
		t := toks[j]
		if t.Kind == text.Word && t.Cap() {
			j++
			continue
		}
		// Connectors inside names: "General Staff of the Armed Forces".
		if j > i && j+1 < len(toks) && (t.Lower == "of" || t.Lower == "al" || t.Lower == "bin" || t.Lower == "de" || t.Lower == "for" || t.Lower == "and") {
			k := j + 1
			if toks[k].Lower == "the" && k+1 < len(toks) {
				k++
			}
			if toks[k].Cap() && toks[k].Kind == text.Word && t.Lower != "and" {
				j = k
				continue
			}
		}
		break
	}
	run := toks[i:j]
	// Drop a sentence-initial word that the text also uses in lower case,
	// and function words, weekdays and months at the edges.
	// A connector left at the front by such a drop goes too ("Fighters
	// of Boko Haram").
	// A title before a name stays ("President Volodymyr Zelensky called").
	for len(run) > 0 && (stopCap[run[0].Lower] || (run[0].Start == x.in.Sentences[si].Start || afterQuote(toks, i)) && x.commonStart(run[0]) && !titleBeforeName(run) || connector[run[0].Lower]) {
		run = run[1:]
		i++
	}
	for len(run) > 0 && (stopCap[run[len(run)-1].Lower] || run[len(run)-1].Lower == "of" || run[len(run)-1].Lower == "the") {
		run = run[:len(run)-1]
	}
	if len(run) == 0 {
		return unit{}, false
	}
	end := i + len(run)
	full := x.in.Text[run[0].Start:run[len(run)-1].End]
	lfull := strings.ToLower(full)
	u := unit{kind: uName, tok: i, end: end}
	if end < len(toks) && toks[end].Lower == "'s" {
		u.possess = true
	}
	if o, ok := knownOrgs[lfull]; ok && (!isAcronymKey(lfull) || isUpper(full)) {
		u.org = &o
		u.name = o.name
		return u, true
	}
	// Organisation heads anywhere in the run ("Ministry of Defence").
	for _, t := range run {
		if s, ok := orgHeads[t.Lower]; ok && len(run) > 1 {
			u.orgHead = s
			u.name = strings.TrimPrefix(full, "The ")
			return u, true
		}
	}
	// A run covered by a place span is a place.
	for _, p := range places {
		if p.Start <= run[0].Start && run[len(run)-1].End <= p.End {
			return unit{}, false
		}
	}
	// Titles before a name.
	k := 0
	for k < len(run)-1 {
		if _, ok := titles[run[k].Lower]; ok {
			k++
			continue
		}
		if _, ok := titles[run[k].Lower+"."]; ok {
			k++
			continue
		}
		break
	}
	// A run that overlaps a place span after its titles is cut at the place.
	nameToks := run[k:]
	for _, p := range places {
		for n, t := range nameToks {
			if t.Start >= p.Start && t.Start < p.End {
				nameToks = nameToks[:n]
				break
			}
		}
	}
	if len(nameToks) == 0 {
		return unit{}, false
	}
	end = i + k + len(nameToks)
	u.end = end
	u.possess = end < len(toks) && toks[end].Lower == "'s"
	if k > 0 {
		u.title = strings.ToLower(x.in.Text[run[0].Start:run[k-1].End])
	}
	name := x.in.Text[nameToks[0].Start:nameToks[len(nameToks)-1].End]
	if len(nameToks) == 1 && k == 0 && (thingAcronyms[strings.ToLower(name)] || roles[strings.ToLower(name)].capital) {
		// "an IED", "the DPO": acronyms of things and ranks, not of
		// organisations.
		return unit{}, false
	}
	if len(nameToks) == 1 && isUpper(name) && len(name) >= 2 && len(name) <= 6 {
		u.orgHead = ""
		u.name = name
		u.org = &knownOrg{name: name, kind: "org"}
		return u, true
	}
	if len(nameToks) == 1 && k == 0 && x.personIndex(name) < 0 && !personCue(toks, i, end) {
		return unit{}, false
	}
	if calendarWord[strings.ToLower(name)] {
		return unit{}, false
	}
	if k == 0 && x.in.Common != nil && x.personIndex(name) < 0 {
		common := true
		for _, t := range nameToks {
			if !x.in.Common(t.Text) {
				common = false
			}
		}
		if common && !personCue(toks, i, end) {
			return unit{}, false
		}
	}
	u.name = name
	return u, true
}

// inDateline reports tokens before the dash of a wire dateline
// ("KADUNA, Nigeria — ...") at the start of the text.
func inDateline(si int, toks []text.Token, end int) bool {
	if si != 0 {
		return false
	}
	for k := end; k < len(toks) && k < 8; k++ {
		if toks[k].Text == "—" || toks[k].Text == "–" || toks[k].Text == "(" {
			return true
		}
	}
	return false
}

// connector words join the parts of a name but never begin one.
var connector = map[string]bool{"of": true, "and": true, "for": true}

// commonStart reports whether a capitalised word at the start of a
// sentence is a common word rather than a name: the text uses it in lower
// case, it names a role ("Fighters of Boko Haram"), or it is common English.
func (x *extractor) commonStart(t text.Token) bool {
	if x.lowerSeen[t.Lower] {
		return true
	}
	if _, ok := roles[t.Lower]; ok {
		return true
	}
	return x.in.Common != nil && x.in.Common(t.Text)
}

func afterQuote(toks []text.Token, i int) bool {
	return i > 0 && toks[i-1].Kind == text.Punct && (toks[i-1].Text == "“" || toks[i-1].Text == "\"" || toks[i-1].Text == "‘")
}

// personCue reports signs that a lone capitalised word is a person:
// "Zinin said", "Zinin, 25," or an age before it.
func personCue(toks []text.Token, i, end int) bool {
	if end < len(toks) {
		switch toks[end].Lower {
		case "said", "says", "told", "added", "wrote", "insisted", "denied":
			return true
		}
	}
	if i > 0 && strings.HasSuffix(toks[i-1].Lower, "-year-old") {
		return true
	}
	return false
}

func (x *extractor) personIndex(name string) int {
	l := strings.ToLower(name)
	for _, e := range x.persons {
		en := strings.ToLower(x.res.Entities[e].Text)
		if en == l || strings.HasSuffix(en, " "+l) {
			return e
		}
	}
	return -1
}

// phrase builds the actor phrase headed by units[ui], reaching left over
// determiners, numbers and modifiers.
func (x *extractor) phrase(toks []text.Token, units []unit, ui int) Actor {
	u := units[ui]
	a := Actor{Tok: u.tok, TokEnd: u.end, Head: u.end - 1, Entity: -1}
	// Compound role nouns: "police officer" is headed by "officer" but takes
	// the sector of "police".
	lo := 0
	if ui > 0 {
		lo = units[ui-1].end
		if units[ui-1].kind == uNat || (units[ui-1].kind == uPlace && units[ui-1].possess) || units[ui-1].kind == uRole && units[ui-1].end == u.tok {
			lo = 0
			if ui > 1 {
				lo = units[ui-2].end
			}
		}
	}
	start := u.tok
	// A pronoun is a phrase alone: "said that he had", not "that he".
	if u.kind == uPron {
		lo = u.tok
	}
	for k := u.tok - 1; k >= lo; k-- {
		w := toks[k].Lower
		if articles[w] {
			// An article opens the phrase; "that" only when a noun follows
			// it directly ("that man", not "vowed that the assailant").
			if w == "that" && (k+1 < len(toks) && articles[toks[k+1].Lower] || k+1 < u.tok && !isNatTok(units, k+1) && !adjectives[toks[k+1].Lower] || u.kind == uRole && roles[toks[u.tok].Lower].plural) {
				break
			}
			start = k
			break
		}
		if modifierWord(toks, k) {
			start = k
			continue
		}
		if w == "'s" && k-1 >= lo {
			// a possessive country or name: "Ukraine's General Staff"
			start = k
			continue
		}
		if isNatTok(units, k) {
			start = k
			continue
		}
		break
	}
	// Possessive owner before the phrase ("Ukraine's").
	if start > 0 && toks[start].Lower == "'s" {
		start++
	}
	for start < u.tok && (toks[start].Lower == "'s") {
		start++
	}
	a.Tok = start
	a.Start, a.End = toks[start].Start, toks[u.end-1].End
	a.Text = x.in.Text[a.Start:a.End]
	// Determiners and quantity.
	for k := start; k < u.tok; k++ {
		switch toks[k].Lower {
		case "the", "this", "that", "these", "those", "his", "her", "their", "its":
			a.Definite = true
		case "a", "an", "one":
			a.Indefinite = true
		case "another", "second", "separate", "different":
			a.Another = true
			a.Indefinite = true
		}
		if s, ok := sectorModifiers[toks[k].Lower]; ok && s != "" && u.kind == uRole && !armedHead(s, toks[u.tok].Lower) {
			a.Sector = s
		}
		if strings.HasSuffix(toks[k].Lower, "-year-old") {
			fmt.Sscanf(toks[k].Lower, "%d-", &a.Age)
		}
	}
	// A dictionary actor right before a role noun is its owner: "Arnor
	// soldiers", "the Calenardhon government".
	if u.kind == uRole && ui > 0 && units[ui-1].code != "" && units[ui-1].end == start {
		a.Code = units[ui-1].code
		if x.in.Agents != nil {
			if ag, before, ok := x.in.Agents([]string{toks[u.tok].Lower}); ok {
				ag = strings.Trim(ag, "~")
				if before {
					a.Code = ag + a.Code
				} else {
					a.Code += ag
				}
				a.CodeFull = true
			}
		}
	}
	// Country from a nationality or a possessive country inside the phrase,
	// or one directly before it.
	for _, v := range units {
		if (v.kind == uNat || v.kind == uPlace) && v.tok >= lo && v.end <= u.tok && v.place != nil && (v.kind == uNat || v.possess || v.end == u.tok) && v.tok >= start-2 {
			if v.place.Country != "" {
				a.Country = v.place.Country
			}
		}
	}
	switch u.kind {
	case uRole:
		r := roles[toks[u.tok].Lower]
		if r.sector != "" && a.Sector == "" {
			a.Sector = r.sector
		}
		// "police officer", "army commander": a role noun before the head.
		// "Islamic State fighters": an organisation's name before it
		// owns it, whatever its last word says.
		if ui > 0 && units[ui-1].kind == uName && units[ui-1].end == u.tok && units[ui-1].org != nil {
			org := units[ui-1].org
			if org.sector != "" {
				a.Sector = org.sector
			}
			a.Owner, a.Name = org.name, org.name
			if org.country != "" && a.Country == "" {
				a.Country = org.country
			}
		} else if u.tok > 0 {
			if s, ok := sectorModifiers[toks[u.tok-1].Lower]; ok && s != "" && !armedHead(s, toks[u.tok].Lower) {
				a.Sector = s
			}
		}
		a.Plural = r.plural
		a.Perp = r.perp
		a.Facility = r.facility
		a.Kind = "person"
		if r.plural {
			a.Kind = "group"
		}
		if r.facility {
			a.Kind = "org"
		}
		if a.Plural && !a.Facility {
			a.Entity = x.entity("group:"+toks[u.tok].Lower, toks[u.tok].Lower, model.KindGroup, model.Span{Start: toks[u.tok].Start, End: toks[u.tok].End})
			if a.Sector != "" {
				x.res.Entities[a.Entity].Attrs = map[string]any{"sector": a.Sector}
			}
		}
	case uPron:
		a.Kind = "person"
		a.Pronoun = true
		a.Definite = true
	case uName:
		a.Definite = true
		if u.org != nil || u.orgHead != "" || u.title == "" && isOrgLike(u.name) {
			a.Kind = "org"
			name := u.name
			if u.org != nil {
				a.Sector, name = u.org.sector, u.org.name
				if u.org.country != "" && a.Country == "" {
					a.Country = u.org.country
				}
				a.Code = u.code
			} else {
				a.Sector = u.orgHead
			}
			a.Name = name
			// "the Chinese Foreign Ministry": a nationality inside the
			// name gives the country.
			if a.Country == "" {
				a.Country = x.nationalityIn(toks[u.tok].Start, toks[u.end-1].End)
			}
			a.Entity = x.entity("org:"+strings.ToLower(name), name, model.KindOrg, x.span(toks, u))
			if a.Sector != "" {
				x.setAttr(a.Entity, "sector", a.Sector)
			}
			if a.Country != "" {
				x.setAttr(a.Entity, "country", a.Country)
			}
			break
		}
		a.Kind = "person"
		e := x.personIndex(u.name)
		if e < 0 {
			e = x.entity("person:"+strings.ToLower(u.name), u.name, model.KindPerson, x.span(toks, u))
			x.persons = append(x.persons, e)
		} else {
			x.res.Entities[e].Mentions = append(x.res.Entities[e].Mentions, x.span(toks, u))
		}
		a.Entity = e
		a.Name = x.res.Entities[e].Text
		if u.title != "" {
			x.setAttr(e, "title", u.title)
			for _, w := range strings.Fields(u.title) {
				if s := titles[w]; s != "" {
					x.setAttr(e, "sector", s)
				}
			}
		}
		if a.Age > 0 {
			x.setAttr(e, "age", a.Age)
		}
		if a.Country != "" {
			x.setAttr(e, "country", a.Country)
		}
	}
	return a
}

func (x *extractor) span(toks []text.Token, u unit) model.Span {
	return model.Span{Start: toks[u.tok].Start, End: toks[u.end-1].End}
}

func (x *extractor) setAttr(e int, k string, v any) {
	ent := x.res.Entities[e]
	if ent.Attrs == nil {
		ent.Attrs = map[string]any{}
	}
	if _, ok := ent.Attrs[k]; !ok {
		ent.Attrs[k] = v
	}
}

// entity returns the index of the entity with key, creating it, and adds
// the mention.
func (x *extractor) entity(key, name, kind string, m model.Span) int {
	if i, ok := x.byKey[key]; ok {
		ent := x.res.Entities[i]
		if n := len(ent.Mentions); n == 0 || ent.Mentions[n-1] != m {
			ent.Mentions = append(ent.Mentions, m)
		}
		return i
	}
	x.res.Entities = append(x.res.Entities, &model.Entity{Text: name, Kind: kind, Mentions: []model.Span{m}})
	i := len(x.res.Entities) - 1
	x.byKey[key] = i
	return i
}

// link resolves pronouns and attacker descriptions in one sentence and
// gives named people the role an apposition gives them.
func (x *extractor) link(si int, toks []text.Token, actors []Actor) {
	for i := range actors {
		a := &actors[i]
		// "Igor Kobzev, the regional governor in Irkutsk, ..."
		if a.Kind == "person" && a.Entity >= 0 && i+1 < len(actors) {
			b := &actors[i+1]
			if b.Entity < 0 && b.Kind == "person" && !b.Pronoun && between(toks, a.TokEnd, b.Tok, ",") {
				x.setAttr(a.Entity, "role", strings.TrimPrefix(strings.TrimPrefix(b.Text, "the "), "a "))
				if b.Sector != "" {
					x.setAttr(a.Entity, "sector", b.Sector)
				}
				if b.Perp {
					b.Entity, b.Name = a.Entity, a.Name
					x.lastPerp, x.perpSet = a.Entity, true
				}
			}
		}
		// "The assailant ..., who identified himself as Ruslan Zinin"
		if a.Perp && !a.Plural && !a.Another && a.Entity < 0 {
			for j := i + 1; j < len(actors); j++ {
				b := actors[j]
				if b.Kind == "person" && b.Entity >= 0 && !b.Pronoun && identifies(toks, a.TokEnd, b.Tok) {
					a.Entity, a.Name = b.Entity, b.Name
					x.lastPerp, x.perpSet = b.Entity, true
					break
				}
			}
			if a.Entity < 0 && a.Definite && x.perpSet {
				a.Entity, a.Name = x.lastPerp, x.res.Entities[x.lastPerp].Text
			}
		}
		if a.Pronoun {
			if e := x.antecedent(si, i, actors); e >= 0 {
				a.Entity, a.Name = e, x.res.Entities[e].Text
			}
		}
		// "its fighters", "their troops": the owner is the organisation or
		// state named last before them.
		if !a.Pronoun && a.Tok < len(toks) && (toks[a.Tok].Lower == "its" || toks[a.Tok].Lower == "their") {
			for j := i - 1; j >= 0; j-- {
				b := actors[j]
				if (b.Kind == "org" || b.Kind == "state" || b.Kind == "group") && b.Name != "" {
					a.Owner = b.Name
					if a.Entity < 0 {
						a.Name = b.Name
					}
					if a.Country == "" {
						a.Country = b.Country
					}
					if a.Sector == "" {
						a.Sector = b.Sector
					}
					break
				}
			}
		}
	}
	// "members of the ELN", "fighters of the Islamic State group": a
	// role noun's owner named right after "of".
	for i := range actors {
		a := &actors[i]
		if a.Pronoun || a.Name != "" || a.Owner != "" || a.TokEnd >= len(toks) || toks[a.TokEnd].Lower != "of" {
			continue
		}
		for j := i + 1; j < len(actors); j++ {
			b := actors[j]
			if b.Tok > a.TokEnd+2 {
				break
			}
			// "members of the Ejército de Liberación Nacional": a
			// group's members belong to what is named, whatever kind
			// of name the rules took it for.
			if (b.Kind == "org" || b.Kind == "state" || b.Kind == "group" || a.Plural) && b.Name != "" {
				a.Owner, a.Name = b.Name, b.Name
				if a.Country == "" {
					a.Country = b.Country
				}
				if a.Sector == "" {
					a.Sector = b.Sector
				}
				break
			}
		}
	}
	for i := range actors {
		a := &actors[i]
		if a.Entity >= 0 && (a.Pronoun || a.Perp) {
			x.res.Entities[a.Entity].Mentions = append(x.res.Entities[a.Entity].Mentions, model.Span{Start: a.Start, End: a.End})
		}
	}
}

// nationalityIn returns the country of a nationality between byte
// offsets start and end, or "".
func (x *extractor) nationalityIn(start, end int) string {
	for _, p := range x.in.Places {
		if p.Nationality && p.Start >= start && p.End <= end && p.Country != "" {
			return p.Country
		}
	}
	return ""
}

// antecedent finds the person a pronoun refers to: the first named person
// earlier in the sentence, else the first in the closest sentence before.
func (x *extractor) antecedent(si, ai int, actors []Actor) int {
	for j := 0; j < ai; j++ {
		if actors[j].Kind == "person" && actors[j].Entity >= 0 && !actors[j].Pronoun && !actors[j].Perp {
			return actors[j].Entity
		}
	}
	for s := si - 1; s >= 0 && s >= si-3; s-- {
		for _, b := range x.res.Actors[s] {
			if b.Kind == "person" && b.Entity >= 0 && x.res.Entities[b.Entity].Kind == model.KindPerson {
				return b.Entity
			}
		}
	}
	return -1
}

// identifies reports whether the words between two phrases say that they
// are the same person: "identified (himself) as", "named as", or a bare
// comma apposition.
func identifies(toks []text.Token, from, to int) bool {
	if to-from > 12 {
		return false
	}
	comma := false
	for k := from; k < to; k++ {
		switch toks[k].Lower {
		case "identified", "named", "identifies":
			return true
		case ",":
			comma = true
		}
	}
	return comma && to-from <= 3
}

func between(toks []text.Token, from, to int, only string) bool {
	if to-from != 1 {
		return false
	}
	return toks[from].Text == only
}

// finish numbers the entities, fills attrs of nationalities, and adds
// places and nationalities as entities of their own.
func (x *extractor) finish() {
	for i := range x.in.Places {
		p := &x.in.Places[i]
		m := model.Span{Start: p.Start, End: p.End}
		mtext := x.in.Text[p.Start:p.End]
		if p.Nationality {
			e := x.entity("nat:"+p.Country, mtext, model.KindNationality, m)
			x.setAttr(e, "country", p.Country)
			continue
		}
		key := "place:" + strings.ToLower(mtext)
		if p.Place != nil && p.Place.GeonameID != nil {
			key = fmt.Sprintf("place:%d", *p.Place.GeonameID)
		}
		e := x.entity(key, mtext, model.KindPlace, m)
		if x.res.Entities[e].Place == nil && p.Place != nil {
			x.res.Entities[e].Place = p.Place
		}
	}
	// Entities in order of first mention.
	order := make([]int, len(x.res.Entities))
	for i := range order {
		order[i] = i
		sort.Slice(x.res.Entities[i].Mentions, func(a, b int) bool {
			return x.res.Entities[i].Mentions[a].Start < x.res.Entities[i].Mentions[b].Start
		})
	}
	sort.SliceStable(order, func(a, b int) bool {
		return x.res.Entities[order[a]].Mentions[0].Start < x.res.Entities[order[b]].Mentions[0].Start
	})
	newIdx := make([]int, len(order))
	ents := make([]*model.Entity, len(order))
	for n, old := range order {
		newIdx[old] = n
		ents[n] = x.res.Entities[old]
		ents[n].ID = fmt.Sprintf("e%d", n+1)
	}
	x.res.Entities = ents
	for _, as := range x.res.Actors {
		for i := range as {
			if as[i].Entity >= 0 {
				as[i].Entity = newIdx[as[i].Entity]
			}
		}
	}
	// People with a title or role but no country are of the country the
	// report is about: "President Vladimir Putin" in a report on Russia.
	for _, e := range x.res.Entities {
		if e.Kind != model.KindPerson || e.Attrs == nil || x.res.Focus == "" {
			continue
		}
		if _, ok := e.Attrs["country"]; ok {
			continue
		}
		if _, ok := e.Attrs["sector"]; ok {
			e.Attrs["country"] = x.res.Focus
		}
	}
}

// focusCountry is the country named most often, counting places and
// nationalities, when it leads clearly.
func focusCountry(ps []PlaceSpan) string {
	n := map[string]int{}
	for _, p := range ps {
		if p.Country != "" {
			n[p.Country]++
		}
	}
	best, second := "", 0
	for c, k := range n {
		if best == "" || k > n[best] || k == n[best] && c < best {
			if best != "" && n[best] > second {
				second = n[best]
			}
			best = c
		} else if k > second {
			second = k
		}
	}
	if best == "" || n[best] < 2 || n[best] < second*3/2 {
		return ""
	}
	return best
}

// lowerWords collects the words the text uses in lower case, so that a
// capitalised sentence-initial "Gunfire" is known for a common word.
func lowerWords(in Input) map[string]bool {
	seen := map[string]bool{}
	for _, toks := range in.Tokens {
		for _, t := range toks {
			if t.Kind == text.Word && !t.Cap() {
				seen[t.Lower] = true
			}
		}
	}
	for w := range stopCap {
		seen[w] = true
	}
	return seen
}

func isNatTok(units []unit, k int) bool {
	for _, u := range units {
		if u.kind == uNat && u.tok <= k && k < u.end {
			return true
		}
		if u.kind == uPlace && u.possess && u.tok <= k && k < u.end {
			return true
		}
	}
	return false
}

// isModifierContext reports whether a demonym at end-1 modifies the next
// word rather than standing as a noun.
func isModifierContext(toks []text.Token, end int) bool {
	return end < len(toks) && toks[end].Kind == text.Word && !toks[end].Cap()
}

func locativeBefore(toks []text.Token, i int) bool {
	if i == 0 {
		return false
	}
	switch toks[i-1].Lower {
	case "in", "at", "near", "across", "from", "to", "into", "outside", "inside", "around", "throughout", "of", "on", "with", "against", "toward", "towards", "over", "within", "through", "and", "since":
		return true
	}
	return false
}

// modifierWord reports whether token k can stand inside an actor phrase
// before its head.
func modifierWord(toks []text.Token, k int) bool {
	w := toks[k].Lower
	if determiners[w] {
		return true
	}
	if adjectives[w] {
		// "the abducted students", but not "abducted 23 passengers".
		return !participles[w] || k > 0 && (determiners[toks[k-1].Lower] || toks[k-1].Kind == text.Number)
	}
	if _, ok := sectorModifiers[w]; ok {
		return true
	}
	// "Saudi-led", "Iran-backed", "Dakar-based": a compound that says who
	// leads or backs the head.
	for _, suf := range []string{"-led", "-backed", "-based", "-linked", "-allied", "-aligned", "-sponsored"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	// Peoples without a state: "Kurdish fighters", "Tuareg rebels".
	if toks[k].Cap() && k > 0 && len(w) > 4 && (strings.HasSuffix(w, "ish") || strings.HasSuffix(w, "ian") || strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "ic")) {
		return true
	}
	if toks[k].Kind == text.Number || numberWords[w] || strings.HasSuffix(w, "-year-old") {
		return true
	}
	if w == "of" && k > 0 && (numberWords[toks[k-1].Lower] || toks[k-1].Kind == text.Number) {
		return true
	}
	if w == "least" && k > 0 && toks[k-1].Lower == "at" || w == "at" && k+1 < len(toks) && toks[k+1].Lower == "least" {
		return true
	}
	if toks[k].Kind == text.Word && !toks[k].Cap() && len(w) > 4 {
		for _, suf := range []string{"ian", "ical", "ary", "ous", "ive", "ful", "less"} {
			if strings.HasSuffix(w, suf) {
				return true
			}
		}
		if strings.HasSuffix(w, "ed") && k > 0 && (determiners[toks[k-1].Lower] || adjectives[toks[k-1].Lower]) {
			return true
		}
	}
	return false
}

func articleLike(w string) bool {
	return articles[w] || w == "local" || w == "primary" || w == "secondary" || w == "central" || w == "main"
}

// articles open a noun phrase: nothing before them belongs to it.
var articles = map[string]bool{
	"a": true, "an": true, "the": true, "another": true, "this": true, "that": true, "these": true,
	"those": true, "his": true, "her": true, "their": true, "its": true, "our": true,
}

var determiners = map[string]bool{
	"a": true, "an": true, "the": true, "another": true, "this": true, "that": true, "these": true,
	"those": true, "some": true, "several": true, "many": true, "his": true, "her": true, "their": true,
	"its": true, "our": true, "other": true, "both": true, "all": true, "more": true, "fellow": true,
	"second": true, "separate": true, "different": true, "few": true, "dozens": true, "hundreds": true,
	"thousands": true, "scores": true, "tens": true, "millions": true,
}

var adjectives = map[string]bool{
	"local": true, "regional": true, "national": true, "senior": true, "former": true, "top": true,
	"unidentified": true, "unknown": true, "masked": true, "armed": true, "suspected": true,
	"alleged": true, "young": true, "elderly": true, "potential": true, "foreign": true, "new": true,
	"unarmed": true, "innocent": true, "off-duty": true, "retired": true, "lone": true, "defiant": true,
	"camouflaged": true, "wounded": true, "injured": true, "dead": true, "civilian": true, "pro-government": true,
	"anti-government": true, "opposition": true, "rival": true, "angry": true, "peaceful": true,
	"striking": true, "chief": true, "deputy": true, "head": true, "female": true, "male": true,
	"teenage": true, "pregnant": true, "human": true, "independent": true, "international": true, "jailed": true, "detained": true, "kidnapped": true, "abducted": true,
}

// participles are adjectives that are also verbs of events: they belong to
// a phrase only after a determiner ("the abducted students").
var participles = map[string]bool{
	"wounded": true, "injured": true, "jailed": true, "detained": true, "kidnapped": true, "abducted": true,
}

var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "dozen": true, "dozens": true,
	"hundreds": true, "thousands": true, "scores": true, "tens": true, "hundred": true, "thousand": true,
	"millions": true, "twenty": true, "thirty": true, "forty": true, "fifty": true,
}

// stopCap are capitalised words that never start or end a name.
var stopCap = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true, "we": true,
	"i": true, "in": true, "on": true, "at": true, "but": true, "and": true, "or": true, "this": true,
	"that": true, "there": true, "some": true, "last": true, "after": true, "as": true, "when": true,
	"his": true, "her": true, "their": true, "its": true, "our": true, "if": true, "while": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "mr.": true, "mrs.": true, "ms.": true, "dr.": true,
	"watch": true, "share": true, "video": true, "read": true, "more": true, "nobody": true,
	"according": true, "earlier": true, "later": true, "meanwhile": true, "also": true, "no": true,
}

// titleBeforeName reports a run that opens with a title and goes on with
// a name: "President Volodymyr Zelensky".
func titleBeforeName(run []text.Token) bool {
	_, ok := titles[run[0].Lower]
	return ok && len(run) > 1
}

// armedHead reports a head noun for police or soldiers that a
// government modifier does not make officials of: "state police",
// "government forces".
func armedHead(modSector, head string) bool {
	if modSector != "government" {
		return false
	}
	switch roles[head].sector {
	case "police", "military":
		return head != "officer" && head != "officers"
	}
	return false
}

// thingAcronyms are acronyms news writes for weapons, documents and
// devices, which name no organisation.
var thingAcronyms = map[string]bool{
	"ied": true, "ieds": true, "vbied": true, "vbieds": true, "svbied": true, "rpg": true, "rpgs": true,
	"uav": true, "uavs": true, "atgm": true, "atgms": true, "manpads": true, "fir": true, "firs": true,
	"suv": true, "suvs": true, "gps": true, "sms": true, "atm": true, "atms": true, "cctv": true,
}

var calendarWord = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan.": true, "feb.": true, "aug.": true, "sept.": true, "oct.": true, "nov.": true, "dec.": true,
}

func isOrgLike(name string) bool {
	return isUpper(name) && len(name) <= 6
}

func isUpper(s string) bool {
	has := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			has = true
		}
	}
	return has
}

func isAcronymKey(k string) bool {
	if len(k) > 5 {
		return false
	}
	for _, r := range k {
		if !unicode.IsLetter(r) && r != '.' {
			return false
		}
	}
	return true
}

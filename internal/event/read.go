package event

import (
	"strings"

	"sitrep/internal/entity"
	"sitrep/internal/model"
	"sitrep/internal/text"
)

// mention is one reading of an event in one sentence, before merging.
type mention struct {
	si          int
	e           *entry
	typ, mode   string
	cameo       string
	tok, end    int // trigger tokens
	trigger     string
	passive     bool
	noun        bool
	source      *entity.Actor
	target      *entity.Actor
	date        *model.Date
	spokenDate  bool // date is the day a speaker spoke ("said on Monday"), not the event's own
	anaphoric   bool
	offset      int    // of an anaphoric date, in days
	anaText     string // the anaphoric date's words ("a day earlier")
	place       *model.Place
	counts      model.Counts
	modality    string
	attribution *model.Attribution
	attrActor   *entity.Actor
	another     bool
	cs, ce      int      // clause bounds (tokens)
	skip        [2]int   // a relative clause skipped inside the clause
	outcomes    []int    // token indexes of casualty words this mention took in
	gov         int      // token of a governing threat or vow ("vowed that"), or -1
	orphan      bool     // a toll without an attack: joins an event by its victims, or none
	host        *mention // the main verb a participial phrase hangs on (", abducting 43 others")
	participle  bool     // host is the main verb of a participial phrase, not of a verb joined by "and"
}

type reader struct {
	in   Input
	lex  *lexicon
	iso3 func(string) string
	// peg is the date of the lede's event, the report's news peg.
	peg *model.Date
	// datelinePlace is where the report is filed from, or nil.
	datelinePlace *model.Place
	// dictCoded marks actors coded by a user's dictionary, whose codes
	// sitrep's own inferences leave alone.
	dictCoded map[*model.Actor]bool
	// said holds each sentence's attribution ("the foreign ministry
	// said"), found whether or not the sentence tells an event.
	said map[int]said
}

type said struct {
	att *model.Attribution
	who *entity.Actor
}

type match struct {
	e        *entry
	tok, end int
}

// sentence reads the mentions of one sentence.
func (r *reader) sentence(si int) []*mention {
	toks := r.in.Tokens[si]
	actors := r.in.Entities.Actors[si]
	matches := r.triggers(toks, actors)
	var ms, outcomes []*mention
	background := r.backgroundFrom(si)
	for mi, m := range matches {
		// "called a general strike to protest against pension cuts",
		// "fired tear gas to disperse the crowd": what an action is for,
		// in its own terms, is that action, not another event.
		if m.tok > 0 && toks[m.tok-1].Lower == "to" && mi > 0 && matches[mi-1].e.typ == m.e.typ && m.tok-matches[mi-1].end <= 6 {
			continue
		}
		// "its troops neutralised 40 attackers in the fighting": a
		// fight named after "in the" beside another attack of the
		// sentence is that attack's setting, told before.
		if m.e.noun && m.e.typ == "ASSAULT" && m.tok >= 2 && toks[m.tok-1].Lower == "the" &&
			(toks[m.tok-2].Lower == "in" || toks[m.tok-2].Lower == "during" || toks[m.tok-2].Lower == "amid") && otherOfType(matches, mi, "ASSAULT") {
			continue
		}
		// "called for a ceasefire", "demanded the release of": what is
		// asked for, named right after the asking, has not happened.
		if m.e.noun && m.e.typ != "REQUEST" && (mi > 0 && matches[mi-1].e.typ == "REQUEST" && m.tok-matches[mi-1].end <= 3 || askedFor(toks, m.tok)) {
			continue
		}
		// "called on the government to send additional troops": what a
		// request asks someone to do has not been done.
		if !m.e.noun && m.tok > 0 && toks[m.tok-1].Lower == "to" && m.e.typ != "REQUEST" && requestBefore(matches, mi, toks, m.tok) {
			continue
		}
		// "dispersed them with tear gas": what an action is done with,
		// named as an event of the same kind, is that action.
		if m.e.noun && m.tok > 0 && toks[m.tok-1].Lower == "with" && mi > 0 && matches[mi-1].e.typ == m.e.typ &&
			matches[mi-1].e.mode == m.e.mode && m.tok-matches[mi-1].end <= 4 {
			continue
		}
		if legalContext(toks, m.tok) || toks[m.tok].Start >= background || purpose(toks, m.tok) || generic(toks, m.tok) || trend(toks, m) ||
			adjectival(toks, m, actors) ||
			!m.e.noun && !m.e.outcome && m.end-m.tok <= 2 && reducedRelative(toks, m.tok, actors) {
			continue
		}
		x := &mention{si: si, e: m.e, typ: m.e.typ, mode: m.e.mode, cameo: m.e.cameo, tok: m.tok, end: m.end,
			noun: m.e.noun, skip: [2]int{-1, -1}, gov: -1}
		x.trigger = r.in.Text[toks[m.tok].Start:toks[m.end-1].End]
		x.cs, x.ce, x.skip = clause(toks, m.tok, m.end)
		// "... where fighters have killed hundreds of soldiers since 2019":
		// a background date later in the clause makes it history too.
		if r.backgroundIn(toks, x.cs, x.ce) {
			continue
		}
		if !x.noun {
			x.passive = passive(toks, m.tok)
		}
		r.arguments(x, toks, actors)
		// An attack by police, soldiers or gunmen needs no named victim:
		// "riot police moved in and beat some of them".
		armed := x.source != nil && (x.source.Sector == "police" || x.source.Sector == "military" || x.source.Perp)
		// "The committee is due to meet next week": a body meets,
		// and discusses, among its own members.
		body := x.typ == "CONSULT" && x.source != nil && collective(x.source.Text)
		if m.e.objreq && x.target == nil && !(x.passive && x.target != nil) && !(x.typ == "ASSAULT" && armed && !m.e.weapon) && !body {
			continue
		}
		// "The military warned that villagers who shelter terrorists
		// would face legal action": a party's warning of what it will do
		// is a threat (PLOVER: coercive or forceful warnings); a
		// warning by an aid agency that hunger will spread is not.
		if x.typ == "THREATEN" && strings.HasPrefix(toks[m.tok].Lower, "warn") && toks[m.end-1].Lower == "that" {
			if x.source == nil || !partyVoice(x.source) || igoOrAid(x.source) || !modalAfter(toks, m.end, x.ce) ||
				!coerciveAfter(toks, m.end, x.ce) && !ownSideActs(x.source, toks, actors, m.end, x.ce) {
				continue
			}
		}
		// A state that protests, or whose protest is rejected, complains
		// officially; it does not take to the streets: "Japan's
		// protest", "Tokyo protested to Moscow".
		if x.typ == "PROTEST" && x.mode == "demo" && (x.source != nil && officialVoice(x.source) || r.countryOwns(toks, m.tok)) {
			x.typ, x.mode, x.cameo = "ACCUSE", "disapprove", "114"
		}
		// "about 300 supporters gathered outside the police station to
		// demand his release": a crowd that gathers to demand something
		// protests.
		if x.typ == "REQUEST" && m.tok > 0 && toks[m.tok-1].Lower == "to" {
			if g := gatheredBefore(toks, x.cs, m.tok); g >= 0 {
				// What they demand is not whom they protest against.
				x.typ, x.mode, x.cameo, x.noun, x.target = "PROTEST", "demo", "141", false, nil
				x.tok = g
				x.trigger = r.in.Text[toks[g].Start:toks[x.end-1].End]
				// Who gathered is who protests.
				x.cs, x.ce, x.skip = clause(toks, g, g+1)
				x.source = nil
				r.arguments(x, toks, actors)
				x.target = nil
			}
		}
		// "marched to parliament to demand higher pay": what a protest
		// demands is the protest's, not a request of its own.
		if x.typ == "REQUEST" && m.tok > 0 && toks[m.tok-1].Lower == "to" && mi > 0 && matches[mi-1].e.typ == "PROTEST" && m.tok-matches[mi-1].end <= 8 {
			continue
		}
		// "summoned the ambassador to protest": what the summons is for.
		if x.typ == "PROTEST" && m.tok > 0 && toks[m.tok-1].Lower == "to" && mi > 0 && matches[mi-1].e.typ == "ACCUSE" && m.tok-matches[mi-1].end <= 6 {
			continue
		}
		// People march or rally; whoever "marched the passengers into the
		// bush" did something else.
		if x.typ == "PROTEST" && !x.noun && !x.passive && x.target != nil && x.target.Tok == m.end {
			continue
		}
		// "residents found the bodies of six men": who finds the dead did
		// not kill them.
		if x.typ == "ASSAULT" && strings.Contains(strings.ToLower(x.trigger), "bod") {
			x.source = nil
		}
		// Setting people ablaze is attacking them, not their property:
		// "a suspect was set ablaze by an angry mob".
		if x.typ == "ASSAULT" && x.mode == "destroy" && x.target != nil && (x.target.Kind == "person" || x.target.Kind == "group") && !x.target.Facility {
			x.mode, x.cameo = "", "190"
		}
		// Seizing people is abducting them.
		if x.typ == "COERCE" && x.mode == "seize" && x.target != nil && (x.target.Kind == "person" || x.target.Kind == "group") {
			x.typ, x.mode, x.cameo = "ASSAULT", "abduct", "181"
		}
		if m.e.light && !lightContext(toks, m.tok, m.end, x) {
			continue
		}
		// "Turkish drones struck": the weapon gives the mode, and a
		// nationality before it the side.
		// "attacked government positions with artillery and drones".
		if w := weaponWith(toks, x); w != "" && x.typ == "ASSAULT" && x.mode == "" {
			x.mode, x.cameo = w, weaponCameo[w]
		}
		if w, k := weaponBefore(toks, x); w != "" && x.typ == "ASSAULT" {
			// Warplanes that bomb make an air strike.
			if x.mode == "" || x.mode == "explosives" && (w == "aerial" || w == "drone") {
				x.mode, x.cameo = w, weaponCameo[w]
			}
			if x.source == nil {
				x.source = r.nationalityBefore(toks, k)
			}
		} else if m.e.weapon && !(x.source != nil && (x.source.Sector == "military" || x.source.Sector == "rebel" || x.source.Sector == "police" || x.source.Perp)) {
			continue
		}
		// "fired tear gas shells" is crowd control, not artillery.
		if x.mode == "heavy-weapons" && spanHas(toks, m.tok, m.end, "tear", "teargas", "rubber", "water") {
			x.mode, x.cameo = "crowd-control", "175"
		}
		// Missiles fired into the sea, or in a test, hit nobody: a show
		// of force.
		if x.mode == "heavy-weapons" && x.target == nil && missileTest(toks) {
			x.typ, x.mode, x.cameo = "MOBILIZE", "weapons", "150"
		}
		// A blast nobody set off at a plant, a depot or a gas cylinder is
		// an accident, not an attack.
		if x.typ == "ASSAULT" && x.mode == "explosives" && x.source == nil && mishap(toks) {
			continue
		}
		x.another = anotherBefore(toks, m.tok) || (x.source != nil && x.source.Another) || separateIncident(toks, m.tok)
		if m.e.outcome {
			outcomes = append(outcomes, x)
			continue
		}
		ms = append(ms, x)
	}
	// "gunmen stormed two villages, killing nine people and abducting 43
	// others": a participial phrase has the main verb's subject and
	// time.
	for _, x := range ms {
		// "killed three civilians and abducted five others": a verb
		// joined by "and" with no subject of its own shares the first
		// one's, as a participle does.
		coordinated := !x.noun && !x.passive && x.source == nil && x.tok > 0 && toks[x.tok-1].Lower == "and"
		if participle(toks, x.tok) || coordinated {
			x.host = nearestBefore(ms, x, "")
			x.participle = !coordinated
			// Rioters "attacking police with petrol bombs" are the
			// riot's violence, read with the riot, not an attack by a
			// crowd.
			riot := x.host != nil && x.host.typ == "PROTEST" && x.typ == "ASSAULT"
			if x.host != nil && !riot && x.source == nil && x.host.source != nil && (x.target == nil || x.target.Tok != x.host.source.Tok) {
				x.source = x.host.source
			}
		}
	}
	// A casualty word joins the nearest event of its type in the sentence:
	// "opened fire ..., killing 13" is one event, not two.
	for _, o := range outcomes {
		// "..., and on Monday gunmen killed nine villagers": a casualty
		// verb with its own subject in a clause of its own is an attack of
		// its own.
		if o.source != nil && !participle(toks, o.tok) && !o.passive && !sameClauseAsAny(ms, o) && !accident(toks) {
			ms = append(ms, o)
			continue
		}
		host := nearest(ms, o, o.typ)
		// "stormed two villages, killing nine people and abducting 43
		// others": a participle's toll is the main verb's, not that of
		// the participle beside it.
		if participle(toks, o.tok) {
			if b := nearestBefore(ms, o, o.typ); b != nil {
				host = b
			}
		}
		if host == nil && o.typ == "ASSAULT" {
			host = nearestMode(ms, o, "PROTEST", "riot")
		}
		if host == nil {
			// A death or injury makes an attack only when the text says who
			// did it: "gunmen killed 5", "5 were killed by militants", not
			// "the helicopter crashed, killing four". Without an author, it
			// may still tell the toll of an attack whose victims it names
			// ("Eleven soldiers were wounded"): it joins that one, or none.
			if o.source != nil && !o.source.Facility && !participle(toks, o.tok) && !accident(toks) {
				ms = append(ms, o)
			} else if o.target != nil && o.target.Entity >= 0 && !accident(toks) {
				o.orphan = true
				if o.passive && !o.target.Plural {
					setCount(&o.counts, o.e, victimCount(r.in.Text, toks, o))
				}
				ms = append(ms, o)
			}
			continue
		}
		host.outcomes = append(host.outcomes, o.tok)
		// "were killed by militants in an ambush": the killer is the
		// ambush's author.
		if host.source == nil && o.source != nil && (o.passive || !participle(toks, o.tok)) {
			host.source = o.source
		}
		if host.source != nil && o.target != nil && host.source.Tok == o.target.Tok {
			host.source = nil // the victims are not their own attackers
		}
		if host.target == nil {
			if o.passive {
				host.target = o.target
			} else if o.target != nil {
				host.target = o.target
			}
		}
		if o.passive && o.target != nil && !o.target.Plural && o.target.Age >= 0 {
			setCount(&host.counts, o.e, victimCount(r.in.Text, toks, o))
		}
	}
	for _, x := range ms {
		if x.e.outcome && x.passive && x.target != nil && !x.target.Plural {
			setCount(&x.counts, x.e, victimCount(r.in.Text, toks, x))
		}
		if x.typ == "COERCE" && x.mode == "arrest" && x.passive && x.target != nil && !x.target.Plural && x.target.Kind == "person" {
			x.counts.Arrested = &model.Range{Min: 1, Max: intp(1), Text: x.trigger}
		}
		r.modality(x, toks)
		// "Turkey threatened to launch an offensive against X": one threat,
		// whose mode and target come from what is threatened.
		if x.typ == "THREATEN" && x.e.typ != "THREATEN" && x.gov >= 0 {
			if t := mentionAt(ms, x.gov); t != nil && t.e.typ == "THREATEN" {
				if t.mode == "" {
					t.mode, t.cameo = x.mode, x.cameo
				}
				if t.target == nil {
					t.target = x.target
				}
				x.typ = "" // absorbed
				continue
			}
		}
		// "He vowed that the assailant will be punished": the one who
		// threatens is the subject of the vow.
		if x.typ == "THREATEN" && x.gov >= 0 {
			for i := range actors {
				a := &actors[i]
				if a.TokEnd <= x.gov && !prepBefore(toks, a.Tok) {
					x.source = a
				}
			}
		}
	}
	kept := ms[:0]
	for _, x := range ms {
		if x.typ != "" {
			kept = append(kept, x)
		}
	}
	ms = kept
	r.attribute(si, toks, actors, ms)
	r.dates(si, toks, ms)
	r.places(si, toks, ms)
	ms = r.splitPlaces(si, toks, ms)
	r.tolls(si, toks, ms)
	sortMentions(ms)
	return ms
}

// weapons are nouns for arms that, as a subject, give an attack its mode.
var weapons = map[string]string{
	"drone": "drone", "drones": "drone", "uav": "drone", "uavs": "drone",
	"warplane": "aerial", "warplanes": "aerial", "jet": "aerial", "jets": "aerial", "aircraft": "aerial",
	"helicopter": "aerial", "helicopters": "aerial", "gunship": "aerial", "gunships": "aerial",
	"missile": "heavy-weapons", "missiles": "heavy-weapons", "rocket": "heavy-weapons", "rockets": "heavy-weapons",
	"shell": "heavy-weapons", "shells": "heavy-weapons", "artillery": "heavy-weapons", "mortar": "heavy-weapons",
	"mortars": "heavy-weapons", "tanks": "heavy-weapons", "bomb": "explosives", "bombs": "explosives",
	"grenade": "explosives", "grenades": "explosives", "mine": "explosives", "landmine": "explosives",
}

var weaponCameo = map[string]string{"drone": "1952", "aerial": "195", "heavy-weapons": "194", "explosives": "183"}

// weaponBefore finds a weapon noun as the subject of a verb trigger,
// within three words before it in its clause.
func weaponBefore(toks []text.Token, x *mention) (string, int) {
	if x.noun {
		return "", -1
	}
	for k := x.tok - 1; k >= x.cs && k >= x.tok-3; k-- {
		if w, ok := weapons[toks[k].Lower]; ok {
			return w, k
		}
	}
	return "", -1
}

// weaponWith finds the arms an attack was made with: "with artillery and
// drones" after the trigger in its clause; the first named gives the mode.
func weaponWith(toks []text.Token, x *mention) string {
	for k := x.end; k < x.ce-1 && k < len(toks)-1; k++ {
		if toks[k].Lower != "with" && toks[k].Lower != "using" {
			continue
		}
		for j := k + 1; j < x.ce && j <= k+4 && j < len(toks); j++ {
			if w, ok := weapons[toks[j].Lower]; ok {
				return w
			}
		}
		return ""
	}
	return ""
}

// nationalityBefore returns a state actor for a demonym right before token
// k ("Turkish drones", "Russian missiles").
func (r *reader) nationalityBefore(toks []text.Token, k int) *entity.Actor {
	for _, p := range r.in.Places {
		if p.Nationality && p.End <= toks[k].Start && p.Start >= toks[max(k-2, 0)].Start {
			return &entity.Actor{Start: p.Start, End: toks[k].End, Text: r.in.Text[p.Start:toks[k].End], Entity: -1,
				Kind: "state", Sector: "military", Country: p.Country}
		}
	}
	return nil
}

// reducedRelative reports a past participle right after a noun it
// describes: "lawmakers accused of corruption" tells who they are, not
// what happened.
func reducedRelative(toks []text.Token, i int, actors []entity.Actor) bool {
	// An active verb takes an object ("gunmen abducted 23 passengers"); a
	// participle describing a noun goes on with a preposition ("accused of").
	if i == 0 || !strings.HasSuffix(toks[i].Lower, "ed") || i+1 >= len(toks) || withVerbs[toks[i].Lower] {
		return false
	}
	switch toks[i+1].Lower {
	case "of", "for", "by", "with", "over":
	default:
		return false
	}
	for _, a := range actors {
		if a.Head == i-1 {
			// "The UN called for a ceasefire": a body or a state acts;
			// a person is "called for questioning".
			if (a.Kind == "org" || a.Kind == "state") && (toks[i].Lower == "called" || toks[i].Lower == "pressed" || toks[i].Lower == "asked") {
				return false
			}
			return true
		}
	}
	return false
}

// batonWords are what police charge a crowd with.
var batonWords = map[string]bool{"batons": true, "lathis": true, "sticks": true, "truncheons": true, "clubs": true}

// requestBefore reports a request ("called on X to", "urged X to") among
// the matches before the mi-th, in the same stretch of the sentence.
func requestBefore(matches []match, mi int, toks []text.Token, tok int) bool {
	for j := mi - 1; j >= 0; j-- {
		p := matches[j]
		if tok-p.end > 12 {
			return false
		}
		if p.e.typ == "REQUEST" {
			for k := p.end; k < tok; k++ {
				if toks[k].Text == "." || toks[k].Text == ";" {
					return false
				}
			}
			return true
		}
	}
	return false
}

// askedFor reports a noun that a demand or call names as what it wants:
// "a procession demanding the arrest of", "calls for the release of".
func askedFor(toks []text.Token, i int) bool {
	k := i - 1
	for k >= 0 && (toks[k].Lower == "the" || toks[k].Lower == "a" || toks[k].Lower == "an" || toks[k].Lower == "immediate" || toks[k].Lower == "unconditional") {
		k--
	}
	if k < 0 {
		return false
	}
	switch toks[k].Lower {
	case "demanding", "demand", "demands", "demanded", "urging", "seeking", "sought":
		return true
	case "for":
		if k > 0 {
			switch toks[k-1].Lower {
			case "call", "calls", "called", "calling", "appeal", "appeals", "appealed", "appealing", "pressed", "pressing", "pushed", "pushing":
				return true
			}
		}
	}
	return false
}

// adjectival reports a participle used as an adjective before the
// people it describes, after a preposition: "the release of detained
// leaders", "for injured protesters".
func adjectival(toks []text.Token, m match, actors []entity.Actor) bool {
	if m.e.noun || m.end != m.tok+1 || m.tok == 0 || !strings.HasSuffix(toks[m.tok].Lower, "ed") || !preps[toks[m.tok-1].Lower] {
		return false
	}
	for _, a := range actors {
		if a.Tok <= m.tok && a.Head == m.tok+1 || a.Tok == m.tok+1 {
			return true
		}
	}
	return false
}

// withVerbs take their other side with "with" or "over" as active verbs:
// "soldiers clashed with rebels" tells what happened.
var withVerbs = map[string]bool{
	"clashed": true, "skirmished": true, "cooperated": true, "collaborated": true, "sided": true, "engaged": true,
}

// generic reports a trigger that names no particular happening: "any
// attack", "earlier truces", "previous operations", "a pretext for an
// invasion", "fears of an offensive".
func generic(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch toks[k].Lower {
		case "any", "earlier", "previous", "past", "prior", "former", "future", "every",
			"pretext", "excuse", "risk", "fear", "fears", "danger", "possibility", "prospect", "threat", "threats":
			return true
		}
		if toks[k].Kind == text.Punct {
			break
		}
	}
	return false
}

// participle reports a casualty word that opens a participial phrase:
// "..., killing four".
func participle(toks []text.Token, i int) bool {
	return strings.HasSuffix(toks[i].Lower, "ing") && i > 0 && (toks[i-1].Text == "," || toks[i-1].Lower == "and")
}

// accidentWords name happenings with victims but no attacker.
var accidentWords = map[string]bool{
	"crash": true, "crashed": true, "crashes": true, "collision": true, "collided": true, "accident": true,
	"flood": true, "floods": true, "flooding": true, "earthquake": true, "landslide": true, "storm": true,
	"capsized": true, "derailed": true, "stampede": true, "blaze": true, "drowned": true, "cyclone": true,
	"typhoon": true, "hurricane": true, "avalanche": true, "outbreak": true,
}

func accident(toks []text.Token) bool {
	for _, t := range toks {
		if accidentWords[t.Lower] {
			return true
		}
	}
	return false
}

// spanHas reports whether one of the words stands in toks[from:to].
func spanHas(toks []text.Token, from, to int, words ...string) bool {
	for k := from; k < to && k < len(toks); k++ {
		for _, w := range words {
			if toks[k].Lower == w {
				return true
			}
		}
	}
	return false
}

// missileTest reports a launch into the sea or a weapons test.
func missileTest(toks []text.Token) bool {
	for k, t := range toks {
		switch t.Lower {
		case "test", "tests", "tested", "test-fired", "test-fire", "test-firing", "launch-test":
			return true
		case "into":
			if k+2 < len(toks) && (toks[k+2].Lower == "sea" || toks[k+2].Lower == "waters" || toks[k+2].Lower == "ocean") {
				return true
			}
		}
	}
	return false
}

// mishapWords name the places and causes of industrial and household
// explosions.
var mishapWords = map[string]bool{
	"leak": true, "leaking": true, "cylinder": true, "cylinders": true, "boiler": true, "factory": true,
	"refinery": true, "fireworks": true, "firecracker": true, "firecrackers": true, "accidental": true,
	"accidentally": true, "malfunction": true, "short-circuit": true, "workers": true, "plant": true,
	"warehouse": true, "depot": true, "tanker": true, "miners": true, "chemicals": true,
}

func mishap(toks []text.Token) bool {
	for _, t := range toks {
		if mishapWords[t.Lower] {
			return true
		}
	}
	return false
}

// purpose reports a trigger in an infinitive of purpose or plan after a
// noun: "a mission to deliver food", "efforts to free the hostages". What
// someone set out to do is not an event.
func purpose(toks []text.Token, i int) bool {
	if i < 2 || toks[i-1].Lower != "to" {
		return false
	}
	if w := toks[i-2].Lower; purposeNouns[w] && !(verbToo[w] && !nounBefore(toks, i-2)) || w == "order" && i >= 3 && toks[i-3].Lower == "in" {
		return true
	}
	// "a joint operation by the army, police and the state-backed
	// Community Protection Guards to rescue the captives": the noun may
	// have its agents between it and the infinitive.
	for k := i - 3; k >= 0 && k >= i-14; k-- {
		w := toks[k].Lower
		if purposeNouns[w] {
			return toks[k+1].Lower == "by" || toks[k+1].Lower == "of"
		}
		if toks[k].Kind == text.Punct && w != "," && w != "-" || w == "to" || w == "said" || w == "says" ||
			(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) && !strings.Contains(w, "-") && !gluedHyphen(toks, k-1) {
			return false
		}
	}
	return false
}

// verbToo are purpose nouns that are verbs as often: "reporters plan to
// march" plans a march, "a plan to march" names one.
var verbToo = map[string]bool{
	"plan": true, "plans": true, "call": true, "calls": true, "push": true, "offer": true,
	"promise": true, "pledge": true, "threat": true, "order": true, "orders": true,
}

// nounBefore reports a determiner, possessive or adjective before token
// k that makes it a noun: "a plan", "their plans", "new orders".
func nounBefore(toks []text.Token, k int) bool {
	if k == 0 {
		return false
	}
	switch toks[k-1].Lower {
	case "a", "an", "the", "its", "their", "his", "her", "our", "new", "any", "no", "'s", "government", "government's":
		return true
	}
	return false
}

var purposeNouns = map[string]bool{
	"mission": true, "effort": true, "efforts": true, "bid": true, "attempt": true, "attempts": true,
	"plan": true, "plans": true, "operation": true, "way": true, "right": true, "decision": true,
	"call": true, "calls": true, "pressure": true, "campaign": true, "push": true, "order": true,
	"orders": true, "intention": true, "threat": true, "threats": true, "ability": true, "chance": true,
	"proposal": true, "offer": true, "promise": true, "pledge": true, "deal": true, "agreement": true,
	"opportunity": true, "deadline": true, "ultimatum": true,
}

// trendVerbs tell how a count of happenings changes over time.
var trendVerbs = map[string]bool{
	"risen": true, "rose": true, "rise": true, "rising": true, "increased": true, "increase": true,
	"fallen": true, "fell": true, "declined": true, "dropped": true, "doubled": true, "tripled": true,
	"surged": true, "soared": true, "grown": true, "grew": true, "decreased": true, "halved": true,
}

// trend reports a plural event noun whose sentence tells how often such
// things happen: "Attacks on police have risen sharply over the past year"
// is a statistic, not an attack.
func trend(toks []text.Token, m match) bool {
	if !m.e.noun || !strings.HasSuffix(toks[m.end-1].Lower, "s") {
		return false
	}
	for k := m.end; k < len(toks) && k < m.end+10; k++ {
		if toks[k].Kind == text.Punct {
			return false
		}
		if trendVerbs[toks[k].Lower] {
			return true
		}
	}
	return false
}

// backgroundIn reports a background date ("since 2019") within tokens
// cs to ce of a sentence.
func (r *reader) backgroundIn(toks []text.Token, cs, ce int) bool {
	if cs >= ce || ce > len(toks) {
		return false
	}
	from, to := toks[cs].Start, toks[ce-1].End
	for _, d := range r.in.Dates {
		if d.Background && d.Start >= from && d.End <= to {
			return true
		}
	}
	return false
}

// backgroundFrom returns the offset from which a sentence tells background
// ("since the 2021 coup, ..."), or the sentence's end when it tells none.
// Events read after such a date are history, not news.
func (r *reader) backgroundFrom(si int) int {
	s := r.in.Sentences[si]
	for _, d := range r.in.Dates {
		if d.Background && d.Start >= s.Start && d.End <= s.End {
			return d.Start
		}
	}
	return s.End
}

// triggers finds the lexicon's triggers in a sentence, longest first.
func (r *reader) triggers(toks []text.Token, actors []entity.Actor) []match {
	var out []match
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.Kind != text.Word || (t.Cap() && i > 0 && !afterOpenQuote(toks, i) && !acronymTriggers[t.Lower]) || insideName(actors, i) {
			i++
			continue
		}
		var best *match
		for _, e := range r.lex.byFirst[t.Lower] {
			end := matchAt(e.words, toks, i)
			if end < 0 {
				continue
			}
			m := &match{e: e, tok: i, end: end}
			if best == nil || end > best.end || end == best.end && posFits(toks, i, e) && !posFits(toks, i, best.e) {
				best = m
			}
		}
		if best == nil || !best.e.noun && nounPosition(toks, i, actors) {
			i++
			continue
		}
		if best.e.typ == "NONE" {
			i = best.end
			continue
		}
		out = append(out, *best)
		i = best.end
	}
	return out
}

// acronymTriggers are triggers written in capitals: "an IED".
var acronymTriggers = map[string]bool{"ied": true, "ieds": true, "vbied": true, "vbieds": true}

// matchAt matches pattern words at token i and returns the end, or -1.
func matchAt(words []*slot, toks []text.Token, i int) int {
	if len(words) == 0 {
		return i
	}
	if words[0] == nil {
		// A gap holds up to three words, or up to seven that make names
		// ("asked Australia and Papua New Guinea to send").
		for skip := 0; skip <= 7 && i+skip <= len(toks); skip++ {
			if skip > 0 && toks[i+skip-1].Kind == text.Punct && !gluedHyphen(toks, i+skip-1) {
				break
			}
			if skip > 3 && !namesGap(toks[i:i+skip]) {
				break
			}
			if end := matchAt(words[1:], toks, i+skip); end >= 0 {
				return end
			}
		}
		return -1
	}
	if i >= len(toks) {
		return -1
	}
	// The longest alternative that lets the rest match wins.
	best := -1
	for _, seq := range words[0].multi {
		if i+len(seq) > len(toks) {
			continue
		}
		ok := true
		for k, w := range seq {
			if toks[i+k].Lower != w {
				ok = false
				break
			}
		}
		if ok {
			if end := matchAt(words[1:], toks, i+len(seq)); end > best {
				best = end
			}
		}
	}
	if words[0].one[toks[i].Lower] {
		if end := matchAt(words[1:], toks, i+1); end > best {
			best = end
		}
	}
	return best
}

// gluedHyphen reports a hyphen inside a word ("60-day"), which a gap
// may hold.
func gluedHyphen(toks []text.Token, k int) bool {
	return toks[k].Lower == "-" && k > 0 && k+1 < len(toks) && toks[k-1].End == toks[k].Start && toks[k].End == toks[k+1].Start
}

// otherOfType reports a match of the sentence other than the mi-th with
// type typ.
func otherOfType(matches []match, mi int, typ string) bool {
	for i, o := range matches {
		if i != mi && o.e.typ == typ {
			return true
		}
	}
	return false
}

// namesGap reports whether a gap of more than three words may still
// stand between a pattern's words: no more than three of them are other
// than names, the words that join names ("and", "of", "the") and the
// words of a time ("on Friday night"): "asked Australia and Papua New
// Guinea to send", "asked the federal government on Friday night to
// send".
func namesGap(toks []text.Token) bool {
	other := 0
	for _, t := range toks {
		switch {
		case t.Kind == text.Word && t.Cap():
		case t.Lower == "and" || t.Lower == "of" || t.Lower == "the" || timeWords[t.Lower]:
		case preps[t.Lower]:
			return false // "flown to Bogotá on Monday for": another phrase
		default:
			other++
		}
	}
	return other <= 3
}

// timeWords say when, inside a gap.
var timeWords = map[string]bool{
	"on": true, "late": true, "early": true, "night": true, "morning": true, "afternoon": true,
	"evening": true, "yesterday": true, "today": true, "overnight": true, "last": true, "this": true,
}

// posFits reports whether the context before token i suits the entry's
// part of speech: a determiner or adjective before a noun, an auxiliary,
// pronoun or name before a verb.
func posFits(toks []text.Token, i int, e *entry) bool {
	noun := nounContext(toks, i)
	return noun == e.noun
}

// nounPosition reports a verb form used as a noun or adjective: after an
// article or possessive ("the injured officers", "its shelling"), or an -s
// or -ing form after a plain noun ("petrol bombs", "summer marching").
func nounPosition(toks []text.Token, i int, actors []entity.Actor) bool {
	if i == 0 {
		return false
	}
	p := toks[i-1]
	if p.Lower == "'s" || articleWords[p.Lower] {
		return true
	}
	w := toks[i].Lower
	if !strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ing") || p.Kind != text.Word || p.Cap() {
		return false
	}
	if auxiliaries[p.Lower] || pronouns[p.Lower] || preps[p.Lower] || strings.HasSuffix(p.Lower, "ly") || p.Lower == "and" || p.Lower == "or" || p.Lower == "who" || p.Lower == "that" || p.Lower == "which" || p.Lower == "began" || p.Lower == "started" {
		return false
	}
	for _, a := range actors {
		if a.Head == i-1 {
			return false // "protesters marching"
		}
	}
	return true
}

var articleWords = map[string]bool{
	"a": true, "an": true, "the": true, "his": true, "her": true, "their": true, "its": true, "our": true,
	"this": true, "these": true, "those": true,
}

func nounContext(toks []text.Token, i int) bool {
	if strings.HasSuffix(toks[i].Lower, "ed") {
		return false
	}
	if i == 0 {
		return true
	}
	p := toks[i-1]
	if p.Kind == text.Number {
		return true
	}
	if p.Kind == text.Punct {
		return p.Text != ","
	}
	w := p.Lower
	if auxiliaries[w] || pronouns[w] || w == "to" || w == "and" || strings.HasSuffix(w, "ly") || w == "who" || w == "that" {
		return false
	}
	if p.Cap() && i > 1 {
		// "the Calbayog attack", "a Hamas attack": a name between an
		// article and the word makes it a noun.
		k := i - 1
		for k > 0 && toks[k].Cap() && toks[k].Kind == text.Word {
			k--
		}
		if articleWords[toks[k].Lower] {
			return true
		}
		return false // "Police protest", "Rebels attack"
	}
	return true
}

var auxiliaries = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true,
	"has": true, "have": true, "had": true, "will": true, "would": true, "could": true, "can": true,
	"may": true, "might": true, "shall": true, "should": true, "must": true, "did": true, "do": true,
	"does": true, "not": true, "n't": true, "never": true, "got": true, "get": true,
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true}

func afterOpenQuote(toks []text.Token, i int) bool {
	return i > 0 && toks[i-1].Kind == text.Punct && strings.ContainsAny(toks[i-1].Text, "\"“‘(")
}

// insideName reports a token inside an organisation's name or among the
// modifiers of an actor phrase ("riot police"): no trigger there.
func insideName(actors []entity.Actor, i int) bool {
	for _, a := range actors {
		if a.Kind == "org" && a.Name != "" && a.Tok <= i && i < a.TokEnd {
			return true
		}
		if a.Tok <= i && i < a.Head {
			return true
		}
	}
	return false
}

// legalContext reports a trigger that names a crime in a charge: "charges
// of endangering", "accused of killing", "convicted of attacking".
func legalContext(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		switch toks[k].Lower {
		case "charge", "charged":
			// "police charged with batons" is no charge sheet.
			if k+2 < len(toks) && toks[k+1].Lower == "with" && batonWords[toks[k+2].Lower] {
				continue
			}
			return true
		case "charges", "suspicion", "accused", "accusing", "convicted", "guilty", "accusations", "allegations", "crimes", "crime", "role":
			return true
		case "for":
			// "lodged an FIR against 150 people for rioting", "booked
			// for murder": the crime of a case.
			for j := k - 1; j >= 0 && j >= k-6; j-- {
				switch toks[j].Lower {
				case "fir", "firs", "case", "cases", "booked", "complaint", "complaints", "arrested", "detained", "held", "wanted", "jailed", "sentenced", "prosecuted", "tried":
					return true
				}
			}
		case ",", ";", ".":
			return false
		}
	}
	return false
}

// lightContext reports whether a noun that reads as an event only with a
// light verb has one: "staged a protest", "fighting broke out", "a strike
// killed", "were killed in an explosion".
func lightContext(toks []text.Token, tok, end int, x *mention) bool {
	for k := tok - 1; k >= 0 && k >= tok-4; k-- {
		// "were wounded during combat with": what happened during a
		// fight tells that it took place.
		if lightVerbs[toks[k].Lower] || toks[k].Lower == "during" {
			return true
		}
		if toks[k].Kind == text.Punct {
			break
		}
	}
	// "Fighting between the army and the RSF erupted": the two sides
	// may stand between the noun and its verb.
	far := end + 3
	if end < len(toks) && (toks[end].Lower == "between" || toks[end].Lower == "with" && x.typ == "CONSULT") {
		// "talks with Russia would take place": the other party may
		// stand between the noun and its verb too.
		far = end + 12
	}
	for k := end; k < len(toks) && k < far; k++ {
		if afterLight[toks[k].Lower] {
			return true
		}
		if far > end+3 && k > end && toks[k].Kind == text.Punct {
			break
		}
	}
	for k := x.cs; k < x.ce; k++ {
		switch toks[k].Lower {
		case "killed", "killing", "wounded", "wounding", "injured", "injuring", "dead", "died":
			return true
		}
	}
	return false
}

var lightVerbs = map[string]bool{
	"staged": true, "stage": true, "held": true, "hold": true, "holding": true, "launched": true, "launch": true,
	"carried": true, "conducted": true, "began": true, "begun": true, "started": true, "mounted": true,
	"led": true, "organised": true, "organized": true, "called": true, "announced": true, "ordered": true,
	"declared": true, "signed": true, "reached": true, "struck": true, "imposed": true, "joined": true,
	"resumed": true, "intensified": true, "heavy": true, "fierce": true, "general": true, "massive": true,
	"triggered": true, "sparked": true, "set": true, "detonated": true, "powerful": true, "deadly": true,
	"huge": true, "violent": true, "in": true, "claimed": true, "extended": true, "prolonged": true,
	"used": true, "deployed": true, "undertook": true, "undertake": true, "undertakes": true, "completed": true,
	"issued": true, "convene": true, "convenes": true, "convened": true, "convening": true, "brought": true, "form": true, "formed": true, "forming": true, "intensify": true, "intensifying": true, "escalate": true, "escalated": true,
}

var afterLight = map[string]bool{
	"erupted": true, "broke": true, "took": true, "raged": true, "continued": true, "killed": true,
	"left": true, "hit": true, "ripped": true, "tore": true, "rocked": true, "destroyed": true,
	"wounded": true, "injured": true, "began": true, "started": true, "was": true, "were": true,
	"held": true, "resume": true, "resumed": true, "take": true,
}

// boundary words start a new clause.
var boundary = map[string]bool{
	"which": true, "who": true, "whom": true, "whose": true, "where": true, "after": true, "before": true,
	"because": true, "while": true, "when": true, "whereas": true, "although": true, "though": true,
	"until": true, "if": true, "unless": true, "said": true, "says": true, "told": true, "amid": true,
	";": true, ":": true, "—": true, "–": true, "including": true, "following": true,
}

// clause finds the clause around a trigger: from the last boundary before
// it to the first after it. A relative clause that closes before the
// trigger (", who identified himself as X,") is skipped, not a boundary.
func clause(toks []text.Token, tok, end int) (cs, ce int, skip [2]int) {
	skip = [2]int{-1, -1}
	cs = 0
	pass := passive(toks, tok)
	for k := tok - 1; k >= 0; k-- {
		// "A protester was shot dead and 67 others were arrested": a
		// passive clause joined by a bare "and" has its own subject.
		if pass && toks[k].Lower == "and" && k > 0 && auxBetween(toks, k+1, tok) {
			cs = k + 1
			break
		}
		// ", calling the accusation baseless" and ", and dozens were
		// arrested" open clauses of their own.
		if toks[k].Text == "," && k+1 < tok && (strings.HasSuffix(toks[k+1].Lower, "ing") && toks[k+1].Kind == text.Word || toks[k+1].Lower == "and" || toks[k+1].Lower == "but") {
			cs = k + 1
			break
		}
		if !isBoundary(toks, k) || toks[k].Lower == "to" {
			// An infinitive closes a clause to the right only: in "an
			// officer ... to sign men up ... was injured" the subject lies
			// before it.
			continue
		}
		w := toks[k].Lower
		if (w == "who" || w == "which" || w == "whose" || w == "whom") && k > 0 && toks[k-1].Text == "," {
			// Does the relative clause close before the trigger?
			closed := -1
			for j := k + 1; j < tok; j++ {
				if toks[j].Text == "," {
					closed = j
					break
				}
			}
			if closed >= 0 && skip[0] < 0 {
				skip = [2]int{k - 1, closed + 1}
				k--
				continue
			}
		}
		cs = k + 1
		break
	}
	ce = len(toks)
	for k := end; k < len(toks); k++ {
		if isBoundary(toks, k) {
			ce = k
			break
		}
		// ", killing 13", ", police said" or ", and dozens were arrested":
		// a comma before a participle, an attribution or a new clause
		// closes the clause.
		if toks[k].Text == "," && k+1 < len(toks) {
			n := toks[k+1].Lower
			if strings.HasSuffix(n, "ing") || boundary[n] || n == "and" || n == "but" || k+2 < len(toks) && (toks[k+2].Lower == "said" || toks[k+2].Lower == "says") {
				ce = k
				break
			}
		}
	}
	return cs, ce, skip
}

// auxBetween reports a passive auxiliary among the few tokens from i to
// j.
func auxBetween(toks []text.Token, i, j int) bool {
	if j-i > 6 {
		return false
	}
	for k := i; k < j; k++ {
		switch toks[k].Lower {
		case "was", "were":
			return k > i
		}
	}
	return false
}

func isBoundary(toks []text.Token, k int) bool {
	w := toks[k].Lower
	if boundary[w] {
		return true
	}
	// A hyphen with spaces on both sides stands for a dash: "NAIROBI
	// (Reuters) - Police fired ...".
	if (w == "-" || w == "--") && k > 0 && k+1 < len(toks) && toks[k-1].End < toks[k].Start && toks[k].End < toks[k+1].Start {
		return true
	}
	switch w {
	case "that":
		if k+1 < len(toks) {
			switch toks[k+1].Lower {
			case "day", "week", "month", "year", "night", "morning", "time", "evening":
				return false
			}
		}
		return true
	case "to":
		// "to motivate": an infinitive starts a clause; "to the city" not.
		if k+1 < len(toks) {
			n := toks[k+1]
			return n.Kind == text.Word && !n.Cap() && !determinerish[n.Lower] && !strings.HasSuffix(n.Lower, "s") && !numberish[n.Lower]
		}
	}
	return false
}

var numberish = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "twenty": true, "life": true, "death": true,
}

var determinerish = map[string]bool{
	"a": true, "an": true, "the": true, "his": true, "her": true, "their": true, "its": true, "this": true,
	"that": true, "these": true, "those": true, "some": true, "at": true, "about": true, "more": true,
}

// passive reports "was arrested", "have been killed", "were seriously hurt".
func passive(toks []text.Token, i int) bool {
	w := toks[i].Lower
	if strings.HasSuffix(w, "ing") {
		return false
	}
	// "three were killed and more than 20 injured": a figure right
	// before the verb is its subject, with "were" left out.
	if i > 0 && strings.HasSuffix(w, "ed") {
		p := toks[i-1]
		if p.Kind == text.Number || numberWords[p.Lower] || p.Lower == "others" {
			return true
		}
		// "the fifth journalist killed in Mexico this year": a
		// participle right after a noun with no object after it
		// describes the noun.
		if victimParticiples[w] && p.Kind == text.Word && !p.Cap() && !clauseGlue[p.Lower] && i+1 < len(toks) {
			n := toks[i+1]
			if n.Kind == text.Punct && n.Text != "(" || reducedNext[n.Lower] {
				return true
			}
		}
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch toks[k].Lower {
		case "was", "were", "been", "being", "be", "is", "are", "got", "get":
			return true
		}
		if !strings.HasSuffix(toks[k].Lower, "ly") && toks[k].Lower != "not" && toks[k].Lower != "also" {
			return false
		}
	}
	// A reduced relative or participle: "a soldier wounded in the attack".
	return false
}

// numberWords are the figures written as words that may stand before a
// verb as its subject.
var numberWords = map[string]bool{
	"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true, "eleven": true, "twelve": true, "dozens": true, "hundreds": true, "scores": true,
}

// arguments finds the source and target of a mention in its clause.
func (r *reader) arguments(x *mention, toks []text.Token, actors []entity.Actor) {
	inClause := func(a *entity.Actor) bool {
		if a.Tok < x.cs || a.TokEnd > x.ce {
			return false
		}
		return !(x.skip[0] >= 0 && a.Tok >= x.skip[0] && a.TokEnd <= x.skip[1])
	}
	var subject, object, agent *entity.Actor
	for i := range actors {
		a := &actors[i]
		if !inClause(a) {
			continue
		}
		if a.TokEnd <= x.tok {
			// "after bandits stormed": a conjunction that opens the
			// clause is no preposition.
			opens := a.Tok == x.cs && a.Tok > 0 && isBoundary(toks, a.Tok-1)
			if subject == nil && (!prepBefore(toks, a.Tok) || opens) && !objectPronoun(toks, a) {
				subject = a
			}
			continue
		}
		if a.Tok < x.end {
			// "a suicide bomber blew himself up": an attacker's noun
			// that ends the trigger is who attacked.
			if x.noun && a.Perp && a.TokEnd == x.end {
				if agent == nil {
					agent = a
				}
				continue
			}
			// "declared three Russian diplomats persona non grata": an
			// actor inside a pattern's gap is its object.
			if a.Tok > x.tok && object == nil {
				object = a
			}
			continue
		}
		if a.Tok > 0 && toks[a.Tok-1].Lower == "by" {
			if agent == nil {
				agent = a
			}
			continue
		}
		if object == nil && (objectPrep(toks, x.end, a.Tok) || meetsWith(x, toks, a.Tok)) {
			object = a
		}
	}
	// "Police fired tear gas to disperse them and youths threw stones":
	// after another verb, an actor joined by "and" right before the
	// trigger starts a clause of its own and is its subject.
	if !x.noun && subject != nil {
		for i := range actors {
			a := &actors[i]
			if a.TokEnd != x.tok || a == subject || a.Tok < 1 || toks[a.Tok-1].Lower != "and" {
				continue
			}
			for k := subject.TokEnd; k < a.Tok-1; k++ {
				if toks[k].Kind == text.Word && !toks[k].Cap() && len(r.lex.byFirst[toks[k].Lower]) > 0 {
					subject = a
					break
				}
			}
		}
	}
	// "... were arrested as police fired teargas": an actor after "as"
	// right before the verb is its subject.
	if !x.noun && subject != nil {
		for i := range actors {
			a := &actors[i]
			if a.Tok > subject.Tok && a.TokEnd <= x.tok && x.tok-a.TokEnd <= 2 && a.Tok > 0 && toks[a.Tok-1].Lower == "as" {
				subject = a
			}
		}
	}
	// "A drone attack killed a man and wounded four people": the phrase
	// between two verbs joined by "and" is the first one's object, not
	// the second one's subject.
	if !x.noun && subject != nil && x.tok >= 2 && toks[x.tok-1].Lower == "and" && subject.TokEnd == x.tok-1 && subject.Tok > 0 {
		if b := toks[subject.Tok-1].Lower; strings.HasSuffix(b, "ed") || len(r.lex.byFirst[b]) > 0 {
			subject = nil
		}
	}
	// "protesters demanding the resignation": an -ing verb right after a
	// phrase has that phrase for its subject.
	if !x.noun && strings.HasSuffix(toks[x.tok].Lower, "ing") && x.tok > 0 {
		for i := range actors {
			if actors[i].TokEnd == x.tok {
				subject = &actors[i]
			}
		}
	}
	// A clause that opens with a relative pronoun takes its subject from
	// the phrase before it: "a gunman, who opened fire".
	if subject == nil && x.cs > 0 && (toks[x.cs-1].Lower == "who" || toks[x.cs-1].Lower == "which") {
		for i := len(actors) - 1; i >= 0; i-- {
			if actors[i].TokEnd < x.cs {
				// "the arrest of those who attacked": the pronoun's
				// antecedent stands right before it, or nobody named does.
				if actors[i].TokEnd >= x.cs-2 {
					subject = &actors[i]
				}
				break
			}
		}
	}
	// "A barge chartered by the World Food Programme delivered ...": with
	// no actor for subject, an agent inside the subject phrase acts.
	if subject == nil && !x.noun && !x.passive {
		for i := range actors {
			a := &actors[i]
			if inClause(a) && a.TokEnd <= x.tok && a.Tok > 0 && toks[a.Tok-1].Lower == "by" {
				subject = a
				break
			}
		}
	}
	// "clashes broke out between the army and the RSF", "a gunfight
	// with Maoists": a fight names its two sides.
	var sideA, sideB, with *entity.Actor
	if fightTrigger(x.trigger) {
		sideA, sideB = betweenSides(x, toks, actors)
		with = fightWith(x, toks, actors)
	}
	switch {
	case sideA != nil:
		x.source, x.target = sideA, sideB
	case with != nil && x.noun && agent == nil:
		// "police had a gunfight with Maoists": the owner fights the
		// other side; "two soldiers were killed in a gunfight with
		// Maoists": the other side of the victims fought them.
		x.source = r.nounOwner(x, toks, actors, subject)
		if x.source != nil {
			x.target = with
		} else {
			x.source = with
		}
	case with != nil && !x.noun && !x.passive:
		x.source, x.target = subject, with
	case x.noun:
		x.source = agent
		if x.source == nil {
			x.source = r.nounOwner(x, toks, actors, subject)
		}
		// People protest: a protest named by a noun is held by the
		// clause's subject when that is a crowd, not an official.
		if x.source == nil && x.typ == "PROTEST" && subject != nil {
			switch subject.Sector {
			case "protester", "civilian", "education", "religious", "media", "health", "business":
				x.source = subject
			}
		}
		x.target = object
	case x.passive:
		x.target, x.source = subject, agent
	default:
		x.source, x.target = subject, object
		if x.source == nil {
			x.source = agent
		}
	}
	// "a report by a rights group that soldiers killed 60": the accused is
	// the subject of what the accusation says.
	if x.typ == "ACCUSE" && x.target == nil {
		for k := x.end; k < len(toks)-1; k++ {
			if toks[k].Lower != "that" {
				continue
			}
			for i := range actors {
				if actors[i].Tok == k+1 {
					x.target = &actors[i]
				}
			}
			break
		}
	}
	if x.source != nil && x.target != nil && x.source.Tok == x.target.Tok {
		x.target = nil
	}
}

// nounOwner finds who does what a noun names: "Putin's invasion", "a
// Ukrainian counteroffensive", "Putin announced the mobilisation".
func (r *reader) nounOwner(x *mention, toks []text.Token, actors []entity.Actor, subject *entity.Actor) *entity.Actor {
	for i := range actors {
		a := &actors[i]
		if a.TokEnd < x.tok && a.TokEnd >= x.tok-4 && a.TokEnd < len(toks) && toks[a.TokEnd].Lower == "'s" {
			return a
		}
	}
	// A named organisation right before the noun: "the Hamas attack",
	// "a Houthi missile strike".
	for i := range actors {
		a := &actors[i]
		if a.TokEnd == x.tok && a.Name != "" && (a.Kind == "org" || a.Kind == "state") {
			return a
		}
	}
	// A nationality right before the noun.
	for _, p := range r.in.Places {
		if p.Nationality && p.End <= toks[x.tok].Start && p.End >= toks[x.tok].Start-12 && p.Start >= toks[max(x.tok-3, 0)].Start {
			return &entity.Actor{Start: p.Start, End: p.End, Text: r.in.Text[p.Start:p.End], Entity: -1, Kind: "state", Country: p.Country}
		}
	}
	// The subject of a light verb does what its noun names: "Putin
	// announced the mobilisation", "the BLA claimed responsibility for the
	// bombing". Whoever "condemned the attack" did not attack.
	if subject != nil && x.tok-subject.TokEnd <= 9 {
		light := false
		paren := false
		for k := subject.TokEnd; k < x.tok; k++ {
			w := toks[k].Lower
			// "Venezuela's government on Saturday ordered ...".
			if r.inDate(toks[k]) || w == "on" && k+1 < x.tok && r.inDate(toks[k+1]) {
				continue
			}
			// "The Balochistan Liberation Army (BLA) claimed ...".
			if w == "(" || w == ")" || paren {
				paren = w != ")" && (paren || w == "(")
				continue
			}
			if w == "responsibility" {
				light = true
				continue
			}
			if w == "at" && k+1 < x.tok && (toks[k+1].Lower == "least" || toks[k+1].Lower == "most") {
				continue // "carried out at least six air strikes"
			}
			// "Argentina's largest labour federation, the CGT, on
			// Thursday called ...": the comma that closes an
			// apposition.
			if w == "," && k == subject.TokEnd && subject.Tok > 0 && toks[subject.Tok-1].Lower == "," {
				continue
			}
			// "a 24-hour general strike": a hyphen inside a word.
			if w == "-" && k > 0 && k+1 < len(toks) && toks[k-1].End == toks[k].Start && toks[k].End == toks[k+1].Start {
				continue
			}
			// "Police dispersed them with tear gas": the subject wields
			// what it acts with.
			if w == "with" && !passiveBetween(toks, subject.TokEnd, k) {
				light = true
				continue
			}
			if toks[k].Kind == text.Punct || preps[w] && !(w == "for" && k > 0 && toks[k-1].Lower == "responsibility") {
				return nil
			}
			if lightVerbs[w] && w != "in" && w != "heavy" && w != "fierce" && w != "massive" && w != "general" && w != "powerful" && w != "deadly" && w != "huge" && w != "violent" {
				light = true
			}
		}
		if light {
			return subject
		}
	}
	return nil
}

// countryOwns reports a country's possessive right before token k:
// "Japan's protest".
func (r *reader) countryOwns(toks []text.Token, k int) bool {
	if k < 2 || toks[k-1].Lower != "'s" {
		return false
	}
	for _, p := range r.in.Places {
		if p.Place != nil && !p.Nationality && p.Place.Precision == model.PrecCountry && p.End == toks[k-1].Start {
			return true
		}
	}
	return false
}

// gatherVerbs say that people came together in one place.
var gatherVerbs = map[string]bool{
	"gathered": true, "assembled": true, "massed": true, "converged": true, "congregated": true,
}

// gatheredBefore returns the token of a verb of gathering in the clause
// before token k, or -1.
func gatheredBefore(toks []text.Token, from, k int) int {
	for i := max(from, k-12); i < k; i++ {
		if gatherVerbs[toks[i].Lower] {
			return i
		}
	}
	return -1
}

// officialVoice reports an actor that speaks for a state: a country
// ("Japan's protest") or a government body ("the foreign ministry"),
// not an opposition party or a crowd.
func officialVoice(a *entity.Actor) bool {
	if a.Kind == "state" {
		return true
	}
	return a.Kind == "org" && a.Sector == "government" && !strings.Contains(strings.ToLower(a.Text), "opposition")
}

// passiveBetween reports an auxiliary of the passive between tokens from
// and to: "protesters were met with tear gas".
func passiveBetween(toks []text.Token, from, to int) bool {
	for k := from; k < to; k++ {
		switch toks[k].Lower {
		case "was", "were", "been", "being", "is", "are":
			return true
		}
	}
	return false
}

// inDate reports a token inside a date expression.
func (r *reader) inDate(t text.Token) bool {
	for _, d := range r.in.Dates {
		if d.Start <= t.Start && t.End <= d.End {
			return true
		}
	}
	return false
}

var preps = map[string]bool{
	"in": true, "at": true, "on": true, "of": true, "for": true, "by": true, "with": true, "from": true,
	"to": true, "into": true, "near": true, "amid": true, "against": true, "after": true, "during": true,
	"over": true, "under": true, "across": true, "about": true, "toward": true, "towards": true, "outside": true,
	"inside": true, "around": true, "through": true, "throughout": true, "behind": true, "since": true,
}

func prepBefore(toks []text.Token, i int) bool {
	if i > 0 && toks[i-1].Lower == "about" && i < len(toks) && (toks[i].Kind == text.Number || numberWords[toks[i].Lower]) {
		return false // "about 300 supporters": a figure, not a preposition
	}
	return i > 0 && preps[toks[i-1].Lower]
}

// objectPrep reports whether the words between a trigger and an actor let
// the actor be its object: nothing, adverbs and counts, or one of on, at,
// against, upon, toward.
func objectPrep(toks []text.Token, from, to int) bool {
	if to-from > 6 {
		return false
	}
	for k := from; k < to; k++ {
		w := toks[k].Lower
		switch w {
		case "on", "at", "against", "upon", "toward", "towards", "least", "times", "three", "two", "several", "repeatedly", "up", "down", "fire":
			continue
		}
		if toks[k].Kind == text.Number || strings.HasSuffix(w, "ly") {
			continue
		}
		if preps[w] || toks[k].Kind == text.Punct {
			return false
		}
	}
	return true
}

// victimParticiples are the participles that describe a noun as a
// victim when they follow it.
var victimParticiples = map[string]bool{
	"killed": true, "wounded": true, "injured": true, "arrested": true, "detained": true,
	"abducted": true, "kidnapped": true, "murdered": true, "executed": true,
}

// clauseGlue are words after which an -ed verb is no participle of a
// noun: "gunmen who killed", "attacked and killed".
var clauseGlue = map[string]bool{
	"and": true, "or": true, "but": true, "who": true, "which": true, "that": true, "also": true,
	"reportedly": true, "allegedly": true, "they": true, "he": true, "she": true, "we": true, "it": true,
	"had": true, "has": true, "have": true, "having": true, "would": true, "will": true,
}

// reducedNext are words that may follow a participle describing a noun
// but not a verb's object: "killed in", "wounded during", "killed this
// year".
var reducedNext = map[string]bool{
	"in": true, "on": true, "since": true, "during": true, "by": true, "near": true, "across": true,
	"this": true, "last": true, "so": true, "while": true, "when": true, "after": true, "before": true,
	"today": true, "yesterday": true, "earlier": true, "overnight": true,
}

// collective reports an actor phrase naming a body that meets: "the
// Security Council", "the ceasefire committee", "EU foreign ministers".
func collective(text string) bool {
	t := strings.ToLower(text)
	for _, w := range []string{"council", "committee", "commission", "cabinet", "assembly", "parliament", "ministers", "leaders", "summit", "delegations"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// igoOrAid reports an international body or aid group, whose warnings
// are forecasts, not threats.
func igoOrAid(a *entity.Actor) bool {
	return a.Sector == "igo" || a.Sector == "ngo"
}

// modalAfter reports "would", "will" or "'ll" in tokens from to to.
func modalAfter(toks []text.Token, from, to int) bool {
	for k := from; k < to && k < len(toks); k++ {
		switch toks[k].Lower {
		case "would", "will", "'ll", "shall":
			return true
		}
	}
	return false
}

// ownSideActs reports a warning about what the speaker's own side will
// do: "Russia warned that the Russian navy would escort vessels", "the
// group warned that it would ...".
func ownSideActs(speaker *entity.Actor, toks []text.Token, actors []entity.Actor, from, to int) bool {
	for i := range actors {
		a := &actors[i]
		if a.Tok < from || a.Tok >= to {
			continue
		}
		if a.Pronoun && (toks[a.Tok].Lower == "it" || toks[a.Tok].Lower == "we" || toks[a.Tok].Lower == "they") {
			return true
		}
		if a.Entity >= 0 && a.Entity == speaker.Entity {
			return true
		}
		armed := a.Sector == "military" || a.Sector == "police"
		return armed && (a.Country == "" || speaker.Country == "" || a.Country == speaker.Country)
	}
	return false
}

// coerciveWords tell a warning of force or punishment from a forecast:
// "would face legal action", "would act with full force", "would be held
// accountable".
var coerciveWords = []string{"face", "action", "measures", "consequence", "force", "punish", "arrest", "strike",
	"target", "accountable", "retaliat", "respond", "crush", "eliminat", "destroy", "attack", "shut", "treated as",
	"pay", "prosecut", "hunt", "neutrali"}

// coerciveAfter reports a word of coercion in tokens from to to.
func coerciveAfter(toks []text.Token, from, to int) bool {
	for k := from; k < to && k < len(toks); k++ {
		for _, w := range coerciveWords {
			if strings.HasPrefix(toks[k].Lower, w) {
				return true
			}
		}
	}
	return false
}

// objectPronoun reports an actor that is an object pronoun ("making him
// the fifth journalist killed"), which is never a subject.
func objectPronoun(toks []text.Token, a *entity.Actor) bool {
	if a.TokEnd-a.Tok != 1 {
		return false
	}
	switch toks[a.Tok].Lower {
	case "him", "her", "them", "us", "me":
		return true
	}
	return false
}

// fightWords name fighting between two sides rather than an attack by
// one (see fight in code.go).
var fightWords = []string{"clash", "fight", "battle", "shoot-out", "shootout", "skirmish", "exchange", "firefight", "gunfight", "combat", "encounter"}

// fightTrigger reports a trigger of fightWords.
func fightTrigger(trigger string) bool {
	t := strings.ToLower(trigger)
	for _, w := range fightWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// betweenSides finds the two sides of a fight named after it: "clashes
// (broke out) between A and B". The words before "between" may be a
// verb of the noun ("broke out", "erupted") but no punctuation.
func betweenSides(x *mention, toks []text.Token, actors []entity.Actor) (a, b *entity.Actor) {
	at := -1
	for k := x.end; k < x.ce && k < x.end+4; k++ {
		if toks[k].Lower == "between" {
			at = k
			break
		}
		if toks[k].Kind == text.Punct {
			return nil, nil
		}
	}
	if at < 0 {
		return nil, nil
	}
	for i := range actors {
		c := &actors[i]
		switch {
		case a == nil && c.Tok > at && c.Tok <= at+2:
			a = c
		case a != nil && c.Tok == a.TokEnd+1 && toks[a.TokEnd].Lower == "and":
			return a, c
		}
	}
	return nil, nil
}

// fightWith finds the other side of a fight: "clashed with rebels", "a
// gunfight with Maoists".
func fightWith(x *mention, toks []text.Token, actors []entity.Actor) *entity.Actor {
	for k := x.end; k < x.ce && k < x.end+3; k++ {
		if toks[k].Lower != "with" {
			if toks[k].Kind == text.Punct || preps[toks[k].Lower] {
				return nil
			}
			continue
		}
		for i := range actors {
			if c := &actors[i]; c.Tok > k && c.Tok <= k+2 && c.TokEnd <= x.ce {
				return c
			}
		}
		return nil
	}
	return nil
}

// meetsWith reports "talks with X", "agreed with X": with introduces the
// other party of a meeting or an agreement.
func meetsWith(x *mention, toks []text.Token, at int) bool {
	switch x.typ {
	case "CONSULT", "AGREE", "COOPERATE", "REJECT":
	default:
		return false
	}
	return at-1 >= x.end && at-1 <= x.end+2 && toks[at-1].Lower == "with"
}

// separateIncident reports "a separate incident", "another attack" and
// the like earlier in the sentence than token i: "investigating a
// separate incident in Thornton Heath ..., in which a boy was attacked".
func separateIncident(toks []text.Token, i int) bool {
	for k := 0; k+1 < i; k++ {
		switch toks[k].Lower {
		case "separate", "another", "unrelated", "different":
			switch toks[k+1].Lower {
			case "incident", "incidents", "attack", "attacks", "case", "cases", "shooting", "stabbing", "raid", "clash", "clashes":
				return true
			}
		}
	}
	return false
}

func anotherBefore(toks []text.Token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch toks[k].Lower {
		case "another", "second", "separate", "similar", "earlier", "previous", "third":
			return true
		}
	}
	return false
}

// nearest returns the mention of type typ closest to o in token distance,
// preferring one before it.
func nearest(ms []*mention, o *mention, typ string) *mention {
	var best *mention
	bd := 1 << 30
	for _, m := range ms {
		if m.typ != typ {
			continue
		}
		d := o.tok - m.end
		if d < 0 {
			d = (m.tok - o.end) * 2
		}
		if d < bd {
			best, bd = m, d
		}
	}
	return best
}

// nearestBefore returns the mention of type typ (any, when "") that ends
// closest before o, or nil.
func nearestBefore(ms []*mention, o *mention, typ string) *mention {
	var best *mention
	for _, m := range ms {
		if (typ == "" || m.typ == typ) && m.end <= o.tok && (best == nil || m.end > best.end) {
			best = m
		}
	}
	return best
}

// sameClauseAsAny reports whether o shares its clause with a mention of
// its type.
func sameClauseAsAny(ms []*mention, o *mention) bool {
	for _, m := range ms {
		if m.typ == o.typ && m.cs == o.cs {
			return true
		}
	}
	return false
}

func mentionAt(ms []*mention, tok int) *mention {
	for _, m := range ms {
		if m.tok <= tok && tok < m.end {
			return m
		}
	}
	return nil
}

// nearestMode is nearest restricted to one mode.
func nearestMode(ms []*mention, o *mention, typ, mode string) *mention {
	var sel []*mention
	for _, m := range ms {
		if m.mode == mode {
			sel = append(sel, m)
		}
	}
	return nearest(sel, o, typ)
}

// victimCount is the toll of one described person: "the officer was
// seriously injured" is one injured.
func victimCount(txt string, toks []text.Token, o *mention) model.Range {
	s := o.tok
	for s > 0 && strings.HasSuffix(toks[s-1].Lower, "ly") {
		s--
	}
	return model.Range{Min: 1, Max: intp(1), Text: txt[toks[s].Start:toks[o.end-1].End]}
}

func setCount(c *model.Counts, e *entry, r model.Range) {
	w := ""
	for k := range e.words[0].one {
		w = k
		break
	}
	var slot **model.Range
	switch {
	case strings.HasPrefix(w, "kill"):
		slot = &c.Killed
	case strings.HasPrefix(w, "wound") || strings.HasPrefix(w, "injur"):
		slot = &c.Injured
	default:
		return
	}
	if *slot == nil {
		rr := r
		*slot = &rr
	}
}

func intp(n int) *int { return &n }

// splitPlaces makes a protest held "in Nairobi, Nakuru, Eldoret and
// Mombasa" one protest in each town, as event data records a happening
// per place: the towns of a list joined only by commas and "and", each a
// city or finer.
func (r *reader) splitPlaces(si int, toks []text.Token, ms []*mention) []*mention {
	s := r.in.Sentences[si]
	type at struct {
		p        *model.Place
		tok, end int
	}
	var ps []at
	for i := range r.in.Places {
		p := &r.in.Places[i]
		if p.Nationality || p.Place == nil || p.Start < s.Start || p.End > s.End {
			continue
		}
		k, e := tokenAt(toks, p.Start), tokenAt(toks, p.End-1)
		if k < 0 || e < 0 {
			continue
		}
		ps = append(ps, at{p.Place, k, e + 1})
	}
	out := ms
	for _, x := range ms {
		if x.typ != "PROTEST" || x.place == nil || rank(x.place) < 5 {
			continue
		}
		at0 := -1
		for i, a := range ps {
			if a.p == x.place {
				at0 = i
			}
		}
		if at0 < 0 {
			continue
		}
		joined := func(a, b at) bool {
			if b.tok <= a.end {
				return false
			}
			for k := a.end; k < b.tok; k++ {
				if w := toks[k].Lower; w != "," && w != "and" {
					return false
				}
			}
			return rank(b.p) >= 5 && b.p.Country == x.place.Country
		}
		from, to := at0, at0
		for from > 0 && joined(ps[from-1], ps[from]) {
			from--
		}
		for to+1 < len(ps) && joined(ps[to], ps[to+1]) {
			to++
		}
		if from == to {
			continue
		}
		x.place = ps[from].p
		for i := from + 1; i <= to; i++ {
			y := *x
			y.place = ps[i].p
			out = append(out, &y)
		}
	}
	return out
}

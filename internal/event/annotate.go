package event

import (
	"sort"
	"strings"
	"time"

	"sitrep/internal/entity"
	"sitrep/internal/model"
	"sitrep/internal/text"
)

// modality reads how sure the text is of a mention: hedges and negation in
// its own clause, and denials, threats and vows that govern it.
func (r *reader) modality(x *mention, toks []text.Token) {
	x.modality = model.Asserted
	// The governing words before the clause: "denied that", "vowed that".
	// A participial phrase is the main clause's, not governed by it:
	// "denied shelling the market, accusing the army of ...".
	gov := x.cs
	if x.host != nil && x.participle {
		gov = 0
	}
	for k := 0; k < gov; k++ {
		switch toks[k].Lower {
		case "denied", "denies", "deny", "denying", "rejected", "dismissed", "refuted":
			x.modality = model.Denied
		case "threatened", "threatens", "threatening", "warned", "warns", "vowed", "vows", "pledged", "promised", "swore":
			if x.modality == model.Asserted {
				x.modality = model.Threatened
				x.gov = k
			}
		case "claimed", "claims", "claiming":
			if x.modality == model.Asserted {
				x.modality = model.Claimed
			}
		case "if", "unless":
			x.modality = model.Hypothetical
		}
	}
	from := x.cs
	if x.skip[1] > from && x.skip[1] <= x.tok {
		from = x.skip[1]
	}
	if x.host != nil && x.participle && x.host.end > from && x.host.end <= x.tok {
		from = x.host.end
	}
	// "a strike for next Wednesday to protest against pension cuts": an
	// infinitive names an intention, unless it follows a verb of doing
	// ("began to", "managed to").
	if !x.noun && x.tok > 1 && toks[x.tok-1].Lower == "to" {
		switch toks[x.tok-2].Lower {
		case "began", "begun", "started", "continued", "managed", "went", "used", "tried", "sought":
		default:
			if x.modality == model.Asserted {
				x.modality = model.Planned
			}
		}
	}
	// "asked the council to hold an emergency meeting", "a meeting will
	// be held on Monday": a noun whose light verb is an infinitive or in
	// the future is yet to happen.
	if x.noun && x.modality == model.Asserted {
		for k := x.tok - 1; k >= from && k >= x.tok-4; k-- {
			if lightVerbs[toks[k].Lower] && k > 0 && toks[k-1].Lower == "to" {
				switch p := toks[max(k-2, 0)].Lower; p {
				case "began", "begun", "started", "continued", "managed", "went", "used", "tried", "sought":
				default:
					x.modality = model.Planned
				}
				break
			}
		}
		// "a meeting will be held", "talks with Russia would take
		// place": the noun's own verb in the future, the other party
		// between them.
		for k := x.end; k+1 < len(toks) && k < x.end+8 && k < x.ce; k++ {
			if toks[k].Kind == text.Punct {
				break
			}
			if w := toks[k].Lower; (w == "will" || w == "would" || w == "shall") && (toks[k+1].Lower == "be" || afterLight[toks[k+1].Lower]) {
				x.modality = model.Planned
				break
			}
		}
	}
	// "called another march for Saturday": a protest called, announced or
	// planned is yet to happen.
	if x.typ == "PROTEST" && x.noun && !(x.tok > 0 && toks[x.tok-1].Lower == "the") {
		for k := x.tok - 1; k >= from && k >= x.tok-4; k-- {
			switch toks[k].Lower {
			case "called", "calls", "announced", "planned", "plans", "scheduled", "vowed":
				x.modality = model.Planned
				return
			}
		}
	}
	// "has convened a jirga of elders on Saturday", "called a meeting
	// for Monday": a meeting convened or called is yet to sit.
	if x.typ == "CONSULT" && x.noun {
		for k := x.tok - 1; k >= from && k >= x.tok-4; k-- {
			switch toks[k].Lower {
			case "convened", "convenes", "convene", "called", "calls", "announced", "scheduled":
				x.modality = model.Planned
				return
			}
		}
	}
	// A definite noun names an event the text takes as given: "would
	// respect the truce" does not make the truce a plan. Only a denial or
	// negation reaches it.
	definite := x.noun && x.tok > 0 && (toks[x.tok-1].Lower == "the" || toks[x.tok-1].Lower == "this" || toks[x.tok-1].Lower == "that")
	for k := from; k < x.tok; k++ {
		w := toks[k].Lower
		switch w {
		case "allegedly", "reportedly", "purportedly", "apparently", "suspected", "alleged":
			if (w == "suspected" || w == "alleged") && r.identityHedge(x.si, toks, k) {
				continue
			}
			if x.modality == model.Asserted {
				x.modality = model.Alleged
			}
		case "not", "n't", "never", "no", "without":
			if x.tok-k <= 4 {
				x.modality = model.Negated
			}
		case "will", "shall", "'ll", "plans", "planned", "plan", "intends", "scheduled", "expected", "would":
			if !definite && (x.modality == model.Asserted || x.modality == model.Threatened) {
				if x.modality != model.Threatened {
					x.modality = model.Planned
				}
			}
		case "could", "might", "may", "if":
			if !definite {
				x.modality = model.Hypothetical
			}
		case "threatened", "threatens", "threatening", "vowed", "vows":
			if k != x.tok {
				x.modality = model.Threatened
				x.gov = k
			}
		case "denied", "denies":
			x.modality = model.Denied
		}
	}
	// A threat or vow to do harm is a THREATEN event: "vowed the assailant
	// will be punished" is a threat, never an asserted sanction.
	if x.modality == model.Threatened && x.typ != "THREATEN" && (x.typ == "ASSAULT" || x.typ == "COERCE" || x.typ == "SANCTION") {
		switch x.typ {
		case "ASSAULT":
			x.mode, x.cameo = "violence", "138"
		case "COERCE":
			if x.mode != "arrest" && x.mode != "ban" && x.mode != "restrict" {
				x.mode = ""
			}
			x.cameo = "137"
		default:
			x.mode, x.cameo = "", "130"
		}
		x.typ = "THREATEN"
	}
	// "warned that convoys would be treated as legitimate targets": a
	// threat's own words, governed by the warning, are the threat made.
	if x.e.typ == "THREATEN" && (x.modality == model.Threatened || x.modality == model.Planned) {
		x.modality = model.Asserted
	}
}

// partyVoice reports a speaker who may speak for a party to what is
// said: a named person or body, or an official one; not witnesses,
// residents or reporters, who tell what others did.
func partyVoice(a *entity.Actor) bool {
	switch a.Sector {
	case "civilian", "media", "health", "other":
		return false
	}
	return a.Name != "" || a.Sector != "" || a.Kind == "state" || a.Kind == "org"
}

// policeAct reports what police do and report themselves: arrests and
// crowd control.
func policeAct(x *mention) bool {
	return x.typ == "COERCE" && x.mode == "arrest" || x.typ == "ASSAULT" && x.mode == "crowd-control"
}

// speech marks words that report what someone says.
var speech = map[string]bool{
	"said": true, "says": true, "told": true, "reported": true, "stated": true, "added": true,
	"claimed": true, "claims": true, "announced": true, "confirmed": true, "alleged": true,
}

// attribute finds who reports the events of a sentence: "police said",
// "said the governor", "according to The Guardian".
// rebelOwner reports whether the speaker speaks for a rebel group named
// right before it: "the Houthis' military spokesman".
func rebelOwner(actors []entity.Actor, toks []text.Token, who *entity.Actor) bool {
	if who.Tok < 1 {
		return false
	}
	for i := range actors {
		a := &actors[i]
		if a.Sector != "rebel" || a.Tok >= who.Tok || a.TokEnd < who.Tok-2 || a.TokEnd > who.Tok {
			continue
		}
		for k := a.TokEnd; k < who.Tok && k < len(toks); k++ {
			if t := toks[k].Lower; t == "'s" || t == "'" || t == "’" || t == "’s" {
				return true
			}
		}
	}
	return false
}

// officeWords reports words that make an actor's possessive into the voice
// that speaks for it: "office", "press service", "spokesman".
func officeWords(toks []text.Token) bool {
	if len(toks) == 0 || len(toks) > 2 {
		return false
	}
	for _, t := range toks {
		switch t.Lower {
		case "office", "press", "service", "spokesman", "spokeswoman", "spokesperson", "statement", "department", "media":
		default:
			return false
		}
	}
	return true
}

func (r *reader) attribute(si int, toks []text.Token, actors []entity.Actor, ms []*mention) {
	var att *model.Attribution
	var who *entity.Actor
	for k := 0; k < len(toks) && att == nil; k++ {
		w := toks[k].Lower
		if w == "according" && k+1 < len(toks) && toks[k+1].Lower == "to" {
			for i := range actors {
				a := &actors[i]
				if a.Tok >= k+2 && a.Tok <= k+4 {
					end := a.End
					att = &model.Attribution{Text: r.in.Text[toks[k].Start:end]}
					who = a
					break
				}
			}
			// "according to the report": a source that is no actor.
			if att == nil && k+2 < len(toks) {
				e := k + 2
				for e < len(toks) && e < k+8 && toks[e].Kind != text.Punct && !boundary[toks[e].Lower] {
					e++
				}
				if e > k+2 {
					att = &model.Attribution{Text: r.in.Text[toks[k].Start:toks[e-1].End]}
					who = &entity.Actor{Entity: -1, Tok: -1}
				}
			}
			continue
		}
		if !speech[w] || w == "announced" {
			continue
		}
		// "X said": an actor ending right before the verb.
		for i := range actors {
			a := &actors[i]
			if a.TokEnd == k || a.TokEnd == k-1 && (toks[k-1].Text == ")" || toks[k-1].Text == "," || toks[k-1].Kind == text.Word && strings.HasSuffix(toks[k-1].Lower, "ly")) {
				// An attribution speaks for the events, not of itself: the
				// speaker must not be the source of every event here.
				att = &model.Attribution{Text: r.in.Text[a.Start:toks[k].End]}
				who = a
				break
			}
			// "the prosecutor's office said", "the army's press service said".
			if a.TokEnd < k-1 && toks[a.TokEnd].Lower == "'s" && officeWords(toks[a.TokEnd+1:k]) {
				att = &model.Attribution{Text: r.in.Text[a.Start:toks[k].End]}
				who = a
				break
			}
			// "..., said the governor." (whoever is told is no speaker)
			// "said 14 soldiers had been killed" reports; the speaker comes
			// last in its clause.
			if w != "told" && (a.Tok == k+1 || a.Tok == k+2 && toks[k+1].Lower == "the") && (a.TokEnd >= len(toks) || toks[a.TokEnd].Kind == text.Punct) {
				att = &model.Attribution{Text: r.in.Text[toks[k].Start:a.End]}
				who = a
				break
			}
		}
	}
	if att == nil && len(ms) > 0 {
		att, who = r.quoteAttribution(si)
	}
	if att == nil {
		return
	}
	if who.Tok >= 0 {
		att.Source = r.actorOut(who)
	}
	r.said[si] = said{att, who}
	for _, x := range ms {
		if x.source != nil && who.Tok == x.source.Tok && (x.typ == "THREATEN" || x.typ == "ACCUSE" || x.typ == "REQUEST" || x.typ == "REJECT") {
			continue
		}
		x.attribution = att
		x.attrActor = who
		// "The foreign ministry said it rejected the protest": what is
		// said, refused, demanded or threatened with no one else named
		// is the speaker's own act.
		if x.source == nil && who.Tok >= 0 && speechAct(x.typ) && !x.passive && (x.target == nil || x.target.Tok != who.Tok) && partyVoice(who) {
			w := *who
			x.source = &w
		}
		// "14 people were detained, police said": police who report
		// arrests, or the tear gas they fired, made them, when the
		// sentence names nobody else.
		if x.source == nil && who.Tok >= 0 && who.Sector == "police" && policeAct(x) {
			w := *who
			x.source = &w
		}
		// A party to fighting that reports a toll makes a claim, and so
		// does its spokesman ("the Houthis' military spokesman said").
		if x.modality == model.Asserted && (who.Sector == "rebel" || rebelOwner(actors, toks, who)) {
			x.modality = model.Claimed
		}
		if x.modality == model.Asserted && (strings.Contains(att.Text, "claimed") || strings.Contains(att.Text, "claims")) {
			x.modality = model.Claimed
		}
	}
}

// quoteAttribution finds who speaks a quotation that opens in sentence si
// and closes in a later sentence: '"They shot them. Then they burned the
// granaries," one survivor was quoted as saying.'
func (r *reader) quoteAttribution(si int) (*model.Attribution, *entity.Actor) {
	toks := r.in.Tokens[si]
	if len(toks) == 0 || !(toks[0].Text == "“" || toks[0].Text == "\"") {
		return nil, nil
	}
	for sj := si + 1; sj < len(r.in.Tokens) && sj <= si+3; sj++ {
		ts := r.in.Tokens[sj]
		for k, t := range ts {
			if t.Text != "”" && t.Text != "\"" {
				continue
			}
			// The speaker follows the closing quote: ', one survivor said'.
			for _, a := range r.in.Entities.Actors[sj] {
				if a.Tok > k && a.Tok <= k+4 {
					a := a
					return &model.Attribution{Text: r.in.Text[a.Start:ts[len(ts)-1].End]}, &a
				}
			}
			return nil, nil
		}
	}
	return nil, nil
}

// dates gives each date expression of a sentence to one mention. A date
// inside a mention's clause is that mention's: in "the army on Thursday
// denied a report that soldiers killed 60 last month" the killing is last
// month's. The others go to the nearest mention still undated; a date that
// opens the sentence goes to its first event.
func (r *reader) dates(si int, toks []text.Token, ms []*mention) {
	if len(ms) == 0 {
		return
	}
	s := r.in.Sentences[si]
	// Dates in a mention's clause go to the nearest mention, nearest pairs
	// first: in "on Thursday called a general strike for next Wednesday",
	// the strike is next Wednesday's and the call Thursday's.
	type pair struct {
		d      *DateExpr
		x      *mention
		dist   int
		spoken bool
	}
	var pairs []pair
	var own []*DateExpr
	for i := range r.in.Dates {
		d := &r.in.Dates[i]
		if d.Start < s.Start || d.End > s.End || d.Background {
			continue
		}
		if d.Anaphoric {
			for _, x := range ms {
				if x.date == nil {
					x.anaphoric, x.offset, x.anaText = true, d.Offset, r.in.Text[d.Start:d.End]
				}
			}
			continue
		}
		own = append(own, d)
		k := tokenAt(toks, d.Start)
		spoken := spokenDate(toks, d)
		for _, x := range ms {
			if x.date == nil && k >= x.cs && k < x.ce {
				pairs = append(pairs, pair{d, x, absDist(k, x), spoken})
			}
		}
	}
	// The day a speaker spoke goes to an event only when no date of its
	// own is left for it: in "the army said on Monday that rebels shot
	// dead two soldiers in an ambush on Saturday" the shooting is
	// Saturday's.
	sort.SliceStable(pairs, func(i, j int) bool {
		if pairs[i].spoken != pairs[j].spoken {
			return !pairs[i].spoken
		}
		return pairs[i].dist < pairs[j].dist
	})
	used := map[*DateExpr]bool{}
	for _, p := range pairs {
		if used[p.d] || p.x.date != nil {
			continue
		}
		used[p.d] = true
		p.x.date = r.futureWeekday(p.x, p.d)
		p.x.spokenDate = p.spoken
	}
	var rest []*DateExpr
	for _, d := range own {
		if !used[d] && !spokenDate(toks, d) {
			rest = append(rest, d)
		}
	}
	for _, d := range own {
		if !used[d] && spokenDate(toks, d) {
			rest = append(rest, d)
		}
	}
	for _, d := range rest {
		var best *mention
		bd := 1 << 30
		k := tokenAt(toks, d.Start)
		for _, x := range ms {
			if x.host != nil {
				continue // a participial phrase takes its main verb's time
			}
			// A date after the end of a mention's clause belongs to what
			// follows: "agreed to halt fighting from midnight on Thursday".
			if k >= x.ce {
				continue
			}
			dist := d.Start - toks[x.end-1].End
			if dist < 0 {
				dist = toks[x.tok].Start - d.End
				if d.Start <= s.Start+40 && d.End <= toks[ms[0].tok].Start {
					dist = 0 // "Last Wednesday, X announced ..."
				} else {
					dist = dist*2 + 1
				}
			}
			if x.date == nil && dist < bd {
				best, bd = x, dist
			}
		}
		if best != nil {
			best.date = r.futureWeekday(best, d)
			best.spokenDate = spokenDate(toks, d)
		}
	}
	for _, x := range ms {
		if x.host != nil && x.date == nil && x.host.date != nil {
			x.date, x.spokenDate = x.host.date, x.host.spokenDate
		}
	}
}

// spokenDate reports whether date d dates a speaker's words rather than
// an event: it follows a word of speech ("said on Monday", "told
// reporters on Monday") or comes right before one ("on Monday said").
func spokenDate(toks []text.Token, d *DateExpr) bool {
	k, e := tokenAt(toks, d.Start), -1
	for i := k; i >= 0 && i < len(toks); i++ {
		if toks[i].Start >= d.End {
			break
		}
		e = i
	}
	if k < 0 || e < 0 {
		return false
	}
	j := k - 1
	if j >= 0 && (toks[j].Lower == "on" || toks[j].Lower == "late" || toks[j].Lower == "early") {
		j--
	}
	if j >= 0 && speech[toks[j].Lower] || j >= 1 && toks[j-1].Lower == "told" {
		return true
	}
	return e+1 < len(toks) && speech[toks[e+1].Lower]
}

// futureWeekday gives a mention the date of d. A bare weekday is read as
// the last one before the report, which is wrong for what is planned or
// threatened: "he would meet union leaders on Monday" is the Monday to come.
func (r *reader) futureWeekday(x *mention, d *DateExpr) *model.Date {
	dd := d.Date
	if x.modality != model.Planned && x.modality != model.Threatened || r.in.Published.IsZero() ||
		dd.Precision != model.DateDay || dd.Start == nil || !bareWeekday(r.in.Text[d.Start:d.End]) {
		return &dd
	}
	t, err := time.Parse("2006-01-02", *dd.Start)
	if err != nil || !t.Before(r.in.Published) {
		return &dd
	}
	for !t.After(r.in.Published) {
		t = t.AddDate(0, 0, 7)
	}
	s := t.Format("2006-01-02")
	dd.Start, dd.End = &s, &s
	return &dd
}

// bareWeekday reports a date written as a weekday alone ("Monday", "on
// Monday"), with nothing that places it in the past.
func bareWeekday(s string) bool {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 || len(f) > 2 || len(f) == 2 && f[0] != "on" {
		return false
	}
	switch strings.TrimSuffix(f[len(f)-1], ",") {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
		return true
	}
	return false
}

func absDist(k int, x *mention) int {
	if k < x.tok {
		return (x.tok - k) * 2
	}
	return k - x.end
}

// locatives are prepositions that put an event at a place.
var locatives = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "across": true, "of": true, "into": true,
	"inside": true, "around": true, "throughout": true, "on": true, "over": true, "from": true,
}

// places gives each mention the most precise place its clause puts it at:
// "in the city of X, in the Y region", or "across the country".
func (r *reader) places(si int, toks []text.Token, ms []*mention) {
	s := r.in.Sentences[si]
	var opening *model.Place
	for _, x := range ms {
		var best *model.Place
		for i := range r.in.Places {
			p := &r.in.Places[i]
			if p.Nationality || p.Place == nil || p.Start < s.Start || p.End > s.End {
				continue
			}
			k := tokenAt(toks, p.Start)
			if k < 0 || insideName(r.in.Entities.Actors[si], k) {
				continue // "Police Service of Northern Ireland"
			}
			// "In Kabul, gunmen ..." and "In the coastal city of Mombasa,
			// police ..." open the sentence.
			if o := openingLocative(toks); opening == nil && o >= 0 && k > o && k <= o+8 && !hasPunctBetween(toks, o, k) {
				opening = p.Place
			}
			if k < x.end || k >= x.ce {
				continue
			}
			// "salaries in U.S. dollars", "in Russian gas": a country's
			// name before a common noun modifies it and places nothing.
			if modifies(toks, p, r.in.Text) {
				continue
			}
			prep := locativeBefore(toks, k)
			// Troops are sent to where they are deployed, and flown in
			// from somewhere else; aid comes from where it is not.
			sent := x.typ == "MOBILIZE" || x.typ == "AID"
			if !locatives[prep] && !(prep == "to" && sent) || prep == "from" && (sent || x.typ == "REQUEST") {
				continue
			}
			if best == nil || rank(p.Place) > rank(best) {
				best = p.Place
			}
		}
		// "A court in Lahore on Tuesday extended ...", "Police in Kano
		// arrested ...": a place in the subject's phrase, right before
		// the trigger, when the clause gives none after it.
		if best == nil {
			for i := range r.in.Places {
				p := &r.in.Places[i]
				if p.Nationality || p.Place == nil || p.Start < s.Start || p.End > s.End {
					continue
				}
				k := tokenAt(toks, p.Start)
				if k < 1 || k < x.cs || k >= x.tok || x.tok-k > 6 || toks[k-1].Lower != "in" || k < 2 || toks[k-2].Kind != text.Word {
					continue
				}
				if insideName(r.in.Entities.Actors[si], k) || hasPunctBetween(toks, k, x.tok) || !subjectBefore(r.in.Entities.Actors[si], k-1) {
					continue
				}
				best = p.Place
			}
		}
		if best == nil && r.in.Capital != nil {
			// "in the capital", "in the country's capital", "in the
			// capital city": the capital of the country the report is about.
			for k := x.end; k < x.ce && k+2 < len(toks); k++ {
				if !locatives[toks[k].Lower] {
					continue
				}
				j := k + 1
				if toks[j].Lower == "the" {
					j++
				}
				if j+2 < len(toks) && toks[j].Lower == "country" && toks[j+1].Lower == "'s" {
					j += 2
				}
				if j < len(toks) && toks[j].Lower == "capital" && (j+1 >= len(toks) || toks[j+1].Kind != text.Word || !toks[j+1].Cap()) {
					best = r.in.Capital
					break
				}
			}
		}
		if best == nil && r.in.Focus != nil {
			for k := x.end; k < x.ce && k+2 < len(toks); k++ {
				if (toks[k].Lower == "across" || toks[k].Lower == "throughout") && toks[k+1].Lower == "the" && toks[k+2].Lower == "country" || toks[k].Lower == "nationwide" {
					best = r.in.Focus
					break
				}
			}
		}
		if best == nil {
			best = opening
		}
		x.place = best
	}
}

// locativeBefore returns the preposition that governs the phrase a place
// at token k stands in: "in" for "in India's northern Haryana state",
// reaching back over determiners, adjectives, possessives and other place
// words, or "".
func locativeBefore(toks []text.Token, k int) string {
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		w := toks[j].Lower
		if locatives[w] || w == "to" {
			return w
		}
		if toks[j].Kind == text.Punct || auxiliaries[w] || pronouns[w] {
			return ""
		}
		if !(determinerish[w] || w == "'s" || toks[j].Cap() || strings.HasSuffix(w, "ern") || w == "central" || w == "key" || w == "national" || w == "remote" || w == "restive") {
			return ""
		}
	}
	return ""
}

// placeNouns follow a place's name as part of where it is ("Kabul city",
// "Idlib province").
var placeNouns = map[string]bool{
	"city": true, "town": true, "province": true, "region": true, "district": true, "state": true,
	"county": true, "area": true, "village": true, "capital": true, "border": true, "governorate": true,
	"department": true, "municipality": true, "oblast": true, "airport": true, "port": true,
}

// modifies reports a country's name right before a lower-case common
// noun that is no kind of place: "U.S. dollars".
func modifies(toks []text.Token, p *entity.PlaceSpan, txt string) bool {
	if p.Place == nil || p.Place.Precision != model.PrecCountry {
		return false
	}
	k := tokenAt(toks, p.End)
	if k < 0 {
		// The span ends at the end of a token: the next one starts at or
		// after it.
		for i := range toks {
			if toks[i].Start >= p.End {
				k = i
				break
			}
		}
	}
	if k < 0 || k >= len(toks) || toks[k].Kind != text.Word || toks[k].Cap() {
		return false
	}
	w := toks[k].Lower
	return !placeNouns[w] && !preps[w] && w != "and" && w != "or" && w != "but" && !strings.HasSuffix(w, "ly")
}

// subjectBefore reports an actor phrase that ends right before token k
// ("police" in "police in Kano").
func subjectBefore(actors []entity.Actor, k int) bool {
	for i := range actors {
		if actors[i].TokEnd == k {
			return true
		}
	}
	return false
}

// openingLocative returns the token of the preposition that opens a
// sentence's place ("In Kabul, gunmen ..."), after up to three words
// and a comma that open it ("Farther south, in the port of Izmail,
// drones ..."; "Elsewhere, in ..."), or -1.
func openingLocative(toks []text.Token) int {
	if len(toks) == 0 {
		return -1
	}
	if locatives[toks[0].Lower] {
		return 0
	}
	for c := 1; c <= 3 && c+1 < len(toks); c++ {
		if toks[c].Kind == text.Punct {
			if toks[c].Lower == "," && locatives[toks[c+1].Lower] && toks[c+1].Lower != "of" {
				return c + 1
			}
			return -1
		}
	}
	return -1
}

func hasPunctBetween(toks []text.Token, from, k int) bool {
	for i := from; i < k; i++ {
		if toks[i].Kind == text.Punct {
			return true
		}
	}
	return false
}

// rank orders place precisions, finer first.
func rank(p *model.Place) int {
	switch p.Precision {
	case model.PrecPoint:
		return 6
	case model.PrecCity:
		return 5
	case model.PrecAdmin2:
		return 4
	case model.PrecAdmin1:
		return 3
	case model.PrecRegion:
		return 2
	case model.PrecCountry:
		return 1
	}
	return 0
}

func tokenAt(toks []text.Token, off int) int {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].End > off })
	if i < len(toks) && toks[i].Start <= off {
		return i
	}
	return -1
}

// tolls gives each casualty, arrest or turnout figure of a sentence to the
// event it belongs to: the one whose words it shares, else the nearest
// event of a fitting type.
func (r *reader) tolls(si int, toks []text.Token, ms []*mention) {
	if si >= len(r.in.Tolls) {
		return
	}
	for _, t := range r.in.Tolls[si] {
		want := map[string]string{"killed": "ASSAULT", "injured": "ASSAULT", "arrested": "COERCE", "participants": "PROTEST"}[t.Role]
		var best *mention
		bd := 1 << 30
		for _, x := range ms {
			if x.typ != want && !(want == "ASSAULT" && x.typ == "PROTEST" && x.mode == "riot") {
				continue
			}
			if t.Role == "arrested" && x.mode != "arrest" {
				continue
			}
			d := distance(toks, x, t.VerbStart, t.VerbEnd)
			if d < bd {
				best, bd = x, d
			}
		}
		if best == nil {
			continue
		}
		slot := countSlot(&best.counts, t.Role)
		if *slot == nil || (*slot).Min < t.Range.Min {
			rr := t.Range
			*slot = &rr
		}
	}
}

// tollsAfter gives the tolls of a sentence that tells no event ("Nine
// people were killed and three others were wounded.", "No one was
// hurt.") to the attack the sentence before tells, when that one gives
// no such figure: a toll of nobody to each attack there, another figure
// to the last. A sentence that says a toll rose ("The death toll rose to
// 14 overnight, and 32 people were wounded") updates the report's first
// attack instead.
func (r *reader) tollsAfter(ms []*mention) {
	// A toll that names its victims ("Eleven soldiers were wounded") is
	// an orphan mention of its own, which tells no event either.
	told := map[int]bool{}
	for _, x := range ms {
		if !x.orphan {
			told[x.si] = true
		}
	}
	// The first attack the report tells: what "the death toll rose to
	// 14" updates.
	var lead *mention
	for _, x := range ms {
		if x.typ == "ASSAULT" && !unreal(x.modality) && !x.orphan {
			lead = x
			break
		}
	}
	for si := 1; si < len(r.in.Tolls); si++ {
		if told[si] {
			continue
		}
		rising := tollRises(r.in.Tokens[si])
		// "... where fighters have killed hundreds of soldiers since
		// 2019": a toll told with a background date is history.
		if r.backgroundIn(r.in.Tokens[si], 0, len(r.in.Tokens[si])) {
			continue
		}
		for _, t := range r.in.Tolls[si] {
			if t.Role != "killed" && t.Role != "injured" {
				continue
			}
			if rising && lead != nil && lead.si < si {
				if slot := countSlot(&lead.counts, t.Role); *slot == nil || (*slot).Min < t.Range.Min {
					rr := t.Range
					*slot = &rr
				}
				continue
			}
			nobody := t.Range.Min == 0 && t.Range.Max != nil && *t.Range.Max == 0
			var last *mention
			for _, x := range ms {
				if x.si != si-1 || x.typ != "ASSAULT" && !(x.typ == "PROTEST" && x.mode == "riot") || unreal(x.modality) {
					continue
				}
				if nobody {
					if slot := countSlot(&x.counts, t.Role); *slot == nil {
						rr := t.Range
						*slot = &rr
					}
				}
				last = x
			}
			if !nobody && last != nil {
				if slot := countSlot(&last.counts, t.Role); *slot == nil {
					rr := t.Range
					*slot = &rr
				}
			}
		}
	}
}

// tollRises reports a sentence that updates a toll: "The death toll
// rose to 14", "the toll has climbed to 30".
func tollRises(toks []text.Token) bool {
	toll := false
	for _, t := range toks {
		switch t.Lower {
		case "toll", "tolls":
			toll = true
		case "rose", "risen", "rises", "climbed", "climbs", "increased", "jumped", "reached", "raised":
			if toll {
				return true
			}
		}
	}
	return false
}

// distance is how far a byte span lies from a mention's trigger or the
// casualty words it took in; 0 when they overlap.
func distance(toks []text.Token, x *mention, s, e int) int {
	d := span(toks[x.tok].Start, toks[x.end-1].End, s, e)
	for _, o := range x.outcomes {
		if dd := span(toks[o].Start, toks[o].End, s, e); dd < d {
			d = dd
		}
	}
	return d
}

func span(a, b, s, e int) int {
	switch {
	case e <= a:
		return (a - e) * 2 // a toll after its event is likelier than before
	case s >= b:
		return s - b
	}
	return 0
}

func countSlot(c *model.Counts, role string) **model.Range {
	switch role {
	case "killed":
		return &c.Killed
	case "injured":
		return &c.Injured
	case "arrested":
		return &c.Arrested
	}
	return &c.Participants
}

func sortMentions(ms []*mention) {
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].tok < ms[j].tok })
}

// identityHedge reports "suspected" or "alleged" at token k hedging who
// someone is, not whether the event happened: "suspected militants
// attacked", "gunmen suspected to be bandits stormed".
func (r *reader) identityHedge(si int, toks []text.Token, k int) bool {
	for _, a := range r.in.Entities.Actors[si] {
		if a.Tok <= k+1 && k+1 < a.TokEnd || a.Tok == k {
			return true
		}
		if a.TokEnd == k && k+1 < len(toks) && (toks[k+1].Lower == "to" || toks[k+1].Lower == "of") {
			return true
		}
	}
	return false
}

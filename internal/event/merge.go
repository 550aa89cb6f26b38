package event

import (
	"fmt"
	"math"
	"sort"
	"time"

	"sitrep/internal/entity"
	"sitrep/internal/model"
)

// group is one happening: the mentions that describe it.
type group struct {
	ms []*mention
}

// merge joins the mentions of one happening across the report. A mention
// joins the earlier event it fits best: same type, the same mode or none,
// no clash of place, date or actors, and not marked as another one ("another
// gunman", "a second attack"). War-scale happenings (an invasion) never
// join incidents (a shooting).
func (r *reader) merge(ms []*mention) []*model.Event {
	var gs []*group
	sentGroup := map[*mention]*group{}
	for _, m := range ms {
		var best *group
		bestScore := 0
		// "Another attack", "a second night of rioting" is not an event
		// told before, but it is the one its own sentence tells: "youths
		// hurled petrol bombs during a second night of rioting".
		for i := len(gs) - 1; i >= 0; i-- {
			g := gs[i]
			if m.another && !sameSentence(g, m) {
				continue
			}
			// "The day before, a drone struck ...": a day counted from
			// an event told earlier is not that event's day.
			if m.anaphoric && m.offset != 0 && !sameSentence(g, m) {
				continue
			}
			if s := r.fit(g, m); s > bestScore {
				best, bestScore = g, s
			}
		}
		if m.orphan && (best == nil || !sharesEntity(best, m) || !near(best, m)) {
			continue
		}
		if best == nil {
			best = &group{}
			gs = append(gs, best)
		}
		best.ms = append(best.ms, m)
		sentGroup[m] = best
	}
	// "On the same day": the date of the event another mention of the
	// sentence refers back to, else of the last dated event before.
	for gi, g := range gs {
		for _, m := range g.ms {
			if !m.anaphoric || groupDate(g) != nil {
				continue
			}
			var d *model.Date
			for _, o := range ms {
				if o.si == m.si && sentGroup[o] != g {
					if gd := groupDate(sentGroup[o]); gd != nil {
						d = gd
					}
				}
			}
			// "A day earlier, a drone strike ..." opening a later
			// paragraph counts back from the report's news peg, the
			// lede's event, rather than from whatever was told last.
			if d == nil && m.offset != 0 && r.peg != nil && r.paragraphs()[m.si] > 0 {
				d = r.peg
			}
			for j := gi - 1; j >= 0 && d == nil; j-- {
				d = groupDate(gs[j])
			}
			if d != nil {
				m.date = shiftDate(d, m.offset)
				if m.offset != 0 && m.anaText != "" {
					m.date.Text = m.anaText
				}
			}
		}
	}
	gs = reconcileDenials(gs)
	var out []*model.Event
	for _, g := range gs {
		ev := r.event(g)
		// The news peg: an event that no sentence dates happened on the
		// day the lede gives (not a denial, nor what did not happen).
		if ev.Date == nil && r.peg != nil && !unreal(ev.Modality) && ev.Modality != model.Denied && !anaphoric(g) {
			d := *r.peg
			ev.Date = &d
		}
		// What ended months before the report is background, not news.
		if r.stale(ev) {
			continue
		}
		// What did not or may not happen, naming nobody, nowhere and no
		// time, says nothing a reader can use ("this was not protest",
		// "would respond to an attack").
		if unreal(ev.Modality) && ev.Source == nil && ev.Target == nil && ev.Location == nil && (ev.Date == nil || ev.Date.Start == nil) {
			continue
		}
		// What is planned or threatened, told on its own terms, will
		// happen where the report is filed from as much as what
		// happened did.
		if ev.Location == nil && (ev.Modality == model.Planned || ev.Modality == model.Threatened) && r.datelinePlace != nil && r.datelineFitsAll(g) {
			ev.Location = r.datelinePlace
		}
		// What the text says did not happen ("police did not fire tear
		// gas") or only might is no incident; its reading only keeps it
		// from being taken as one.
		if ev.Modality == model.Negated || ev.Modality == model.Hypothetical {
			continue
		}
		out = append(out, ev)
	}
	r.leadAttacker(gs, out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Evidence[0].Start < out[j].Evidence[0].Start })
	r.discoursePlace(out)
	reconcileACLED(out)
	for i, e := range out {
		e.ID = fmt.Sprintf("ev%d", i+1)
	}
	return out
}

// fit scores how well mention m continues group g; 0 means it does not.
func (r *reader) fit(g *group, m *mention) int {
	first := g.ms[0]
	if first.typ != m.typ || first.e.war != m.e.war {
		return 0
	}
	// The lede's event is the one a later "the attack" most likely means.
	lede := 0
	if first.si <= 1 {
		lede = 1
	}
	// What did not happen, or has not yet, is never the same event as what
	// did: "this was not a protest" stays apart from the rally.
	if modalityClass(first.modality) != modalityClass(m.modality) {
		return 0
	}
	// "stormed two villages, killing nine people and abducting 43
	// others": what a participle adds in a mode of its own is another
	// event of the same raid, not the raid's mode.
	if m.host != nil && m.mode != "" && m.mode != m.host.mode {
		for _, o := range g.ms {
			if o == m.host {
				return 0
			}
		}
	}
	// "The Houthis said the strikes killed four civilians": a party's
	// toll for an attack that others report stays its claim, apart from
	// the attack they assert.
	if m.modality == model.Claimed && (m.counts.Killed != nil || m.counts.Injured != nil) && !sameSentence(g, m) && allAsserted(g) {
		return 0
	}
	// A bare casualty word ("3,500 people were killed") joins an event only
	// in its own sentence or through a shared participant.
	if m.e.outcome && !sameSentence(g, m) && !sharesEntity(g, m) {
		return 0
	}
	// A sentence that names the event's participants is about that event
	// ("The soldiers were escorting a convoy ... struck a roadside bomb").
	named := 0
	for _, a := range r.in.Entities.Actors[m.si] {
		for _, o := range g.ms {
			if a.Entity >= 0 && (o.source != nil && o.source.Entity == a.Entity || o.target != nil && o.target.Entity == a.Entity) {
				named = 2
			}
		}
	}
	score := 1 + lede + named
	mode := groupMode(g)
	switch {
	case mode != "" && m.mode != "" && mode != m.mode:
		return 0
	case mode != "" && mode == m.mode:
		score += 2
	}
	for _, o := range g.ms {
		if !compatiblePlace(o.place, m.place) || !compatibleDates(o, m) {
			return 0
		}
		if !compatibleActor(o.source, m.source) || !compatibleActor(o.target, m.target) {
			return 0
		}
		if sameEntity(o.source, m.source) || sameEntity(o.target, m.target) {
			score += 3
		}
	}
	return score
}

// speechAct reports the types of event that are things one side says:
// an accusation, a demand, a refusal, a threat. (An agreement is made
// by two.)
func speechAct(typ string) bool {
	switch typ {
	case "ACCUSE", "REQUEST", "REJECT", "THREATEN":
		return true
	}
	return false
}

// modalityClass groups modalities that can describe one happening: what
// the text reports as having happened, however contested (asserted,
// alleged, claimed, denied), is one class; what did not happen, what is
// intended or threatened, and what might happen are others.
func modalityClass(m string) int {
	switch m {
	case model.Negated:
		return 1
	case model.Planned, model.Threatened:
		return 2
	case model.Hypothetical:
		return 3
	}
	return 0
}

// unreal reports modalities of what did not, or not yet, happen. A denied
// event is reported by someone as having happened, so it is not unreal.
func unreal(modality string) bool {
	switch modality {
	case model.Negated, model.Planned, model.Threatened, model.Hypothetical:
		return true
	}
	return false
}

// allAsserted reports a group whose mentions are all asserted.
func allAsserted(g *group) bool {
	for _, m := range g.ms {
		if m.modality != model.Asserted {
			return false
		}
	}
	return true
}

func sameSentence(g *group, m *mention) bool {
	for _, o := range g.ms {
		if o.si == m.si {
			return true
		}
	}
	return false
}

func sharesEntity(g *group, m *mention) bool {
	for _, o := range g.ms {
		if sameEntity(o.source, m.source) || sameEntity(o.target, m.target) {
			return true
		}
	}
	return false
}

// finer reports whether date a is more precise than b.
func finer(a, b *model.Date) bool {
	rank := map[string]int{model.DateDay: 4, model.DateWeek: 3, model.DateMonth: 2, model.DateYear: 1}
	return rank[a.Precision] > rank[b.Precision]
}

func groupMode(g *group) string {
	for _, m := range g.ms {
		if m.mode != "" {
			return m.mode
		}
	}
	return ""
}

// leadAttacker gives the attacks a report tells after its lede, when
// they name no attacker, the armed side the lede's first attack names:
// "Russia fired dozens of missiles at Ukraine overnight ..." then "In
// Kyiv, debris from a downed missile set fire to an apartment building".
// It runs on events, after merging, so that what it lends decides no
// merge.
func (r *reader) leadAttacker(gs []*group, out []*model.Event) {
	para := r.paragraphs()
	var lead *model.Actor
	for _, ev := range out {
		if ev.Type != "ASSAULT" || unreal(ev.Modality) || len(ev.Evidence) == 0 || para[ev.Evidence[0].Sentence] != 0 {
			continue
		}
		if a := ev.Source; a != nil && (a.Kind == "state" || a.Sector != nil && (*a.Sector == "military" || *a.Sector == "rebel")) {
			lead = a
		}
		break
	}
	if lead == nil {
		return
	}
	for _, ev := range out {
		if ev.Type != "ASSAULT" || ev.Source != nil || unreal(ev.Modality) || len(ev.Evidence) == 0 || para[ev.Evidence[0].Sentence] == 0 ||
			ev.Mode != nil && *ev.Mode == "crowd-control" {
			continue
		}
		if t := ev.Target; t != nil && (t.Country != nil && lead.Country != nil && *t.Country == *lead.Country && t.Kind == lead.Kind) {
			continue
		}
		a := *lead
		ev.Source = &a
	}
}

// discoursePlace places an incident that its sentences do not place
// where the one told just before it, in the same paragraph or the one
// before, happened: "Attackers stormed a village near Tsafe ... The
// gunmen also looted shops." A report goes on about the place it is at
// until it names another. Statements, demands and plans are left alone:
// where they are made is not where the incident was.
func (r *reader) discoursePlace(out []*model.Event) {
	para := r.paragraphs()
	var last *model.Event
	for _, ev := range out {
		if len(ev.Evidence) == 0 {
			continue
		}
		if ev.Location != nil {
			if rank(ev.Location) >= 4 && !unreal(ev.Modality) {
				last = ev
			}
			continue
		}
		switch ev.Type {
		case "ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID", "RETREAT":
		default:
			continue
		}
		if last == nil || unreal(ev.Modality) {
			continue
		}
		if p, q := para[ev.Evidence[0].Sentence], para[last.Evidence[0].Sentence]; p-q > 1 {
			continue
		}
		loc := *last.Location
		ev.Location = &loc
	}
}

// shiftDate returns d moved by days: "a day earlier" than a Tuesday is
// the Monday. A date less precise than a day is kept as it is.
func shiftDate(d *model.Date, days int) *model.Date {
	dd := *d
	if days == 0 || dd.Precision != model.DateDay || dd.Start == nil || dd.End == nil {
		return &dd
	}
	s, err1 := time.Parse(time.DateOnly, *dd.Start)
	e, err2 := time.Parse(time.DateOnly, *dd.End)
	if err1 != nil || err2 != nil {
		return &dd
	}
	ss, es := s.AddDate(0, 0, days).Format(time.DateOnly), e.AddDate(0, 0, days).Format(time.DateOnly)
	dd.Start, dd.End = &ss, &es
	return &dd
}

// groupDate is the date of a group's first mention dated by its own
// words, else the day a speaker gave it.
func groupDate(g *group) *model.Date {
	var spoken *model.Date
	for _, m := range g.ms {
		if m.date != nil && m.date.Start != nil {
			if !m.spokenDate {
				return m.date
			}
			if spoken == nil {
				spoken = m.date
			}
		}
	}
	return spoken
}

// compatibleDates reports whether two mentions' dates may be one
// event's. The day a speaker spoke contradicts no date: what was said on
// Monday may have happened on Saturday.
func compatibleDates(a, b *mention) bool {
	return a.spokenDate || b.spokenDate || compatibleDate(a.date, b.date)
}

func compatiblePlace(a, b *model.Place) bool {
	if a == nil || b == nil {
		return true
	}
	if a.Country != "" && b.Country != "" && a.Country != b.Country {
		return false
	}
	if rank(a) >= 4 && rank(b) >= 4 {
		return km(a, b) <= 50
	}
	return true
}

func compatibleDate(a, b *model.Date) bool {
	if a == nil || b == nil || a.Start == nil || b.Start == nil || a.End == nil || b.End == nil {
		return true
	}
	return *a.Start <= *b.End && *b.Start <= *a.End
}

func compatibleActor(a, b *entity.Actor) bool {
	if a == nil || b == nil {
		return true
	}
	if a.Entity >= 0 && b.Entity >= 0 {
		if a.Entity == b.Entity {
			return true
		}
		if !anonymousAttackers(a, b) {
			return false
		}
	}
	if a.Country != "" && b.Country != "" && a.Country != b.Country {
		return false
	}
	if a.Kind != "state" && b.Kind != "state" && a.Kind != "org" && b.Kind != "org" && a.Plural != b.Plural {
		return false
	}
	if a.Indefinite && b.Indefinite && a.Text != b.Text {
		return false
	}
	return true
}

// anonymousAttackers reports two unnamed phrases that may be one set of
// attackers told twice in other words: "gunmen" and "two men on a
// motorcycle", "the assailants" and "a man". Security forces and
// officials are told apart by their words.
func anonymousAttackers(a, b *entity.Actor) bool {
	if a.Name != "" || b.Name != "" || !a.Perp && !b.Perp {
		return false
	}
	for _, x := range []*entity.Actor{a, b} {
		switch x.Sector {
		case "", "other", "civilian":
		default:
			return false
		}
	}
	return true
}

func sameEntity(a, b *entity.Actor) bool {
	return a != nil && b != nil && a.Entity >= 0 && a.Entity == b.Entity
}

func km(a, b *model.Place) float64 {
	const r = 6371.0
	la1, lo1 := a.Lat*math.Pi/180, a.Lon*math.Pi/180
	la2, lo2 := b.Lat*math.Pi/180, b.Lon*math.Pi/180
	h := math.Pow(math.Sin((la2-la1)/2), 2) + math.Cos(la1)*math.Cos(la2)*math.Pow(math.Sin((lo2-lo1)/2), 2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// event reconciles a group's mentions into one event.
func (r *reader) event(g *group) *model.Event {
	first := g.ms[0]
	ev := &model.Event{Type: first.typ, CAMEO: first.cameo, Modality: first.modality}
	var mode string
	var src, tgt *entity.Actor
	var srcs, tgts []*entity.Actor
	seen := map[int]bool{}
	modalities := map[string]bool{}
	spokenOnly := false // ev.Date is the day a speaker spoke
	for _, m := range g.ms {
		if mode == "" && m.mode != "" {
			mode, ev.CAMEO = m.mode, m.cameo
		}
		if m.source != nil {
			srcs = append(srcs, m.source)
		}
		if m.target != nil {
			tgts = append(tgts, m.target)
		}
		if m.place != nil && (ev.Location == nil || rank(m.place) > rank(ev.Location)) {
			ev.Location = m.place
		}
		if m.date != nil && (ev.Date == nil || ev.Date.Start == nil && m.date.Start != nil ||
			m.date.Start != nil && (spokenOnly && !m.spokenDate || finer(m.date, ev.Date) && (!m.spokenDate || spokenOnly))) {
			d := *m.date
			ev.Date = &d
			spokenOnly = m.spokenDate
		}
		for _, role := range []string{"killed", "injured", "arrested", "participants"} {
			from, to := countSlot(&m.counts, role), countSlot(&ev.Counts, role)
			if *from != nil && (*to == nil || (*from).Min > (*to).Min) {
				*to = *from
			}
		}
		modalities[m.modality] = true
		if ev.Attribution == nil && m.attribution != nil {
			ev.Attribution = m.attribution
		}
		if !seen[m.si] {
			seen[m.si] = true
			s := r.in.Sentences[m.si]
			ev.Evidence = append(ev.Evidence, model.Evidence{Sentence: m.si, Start: s.Start, End: s.End, Trigger: m.trigger})
		}
	}
	if mode != "" {
		ev.Mode = &mode
	}
	// A happening one side reports and another denies is a claim; one
	// plain assertion makes it asserted; else the most guarded reading.
	switch {
	case modalities[model.Denied] && len(modalities) > 1:
		ev.Modality = model.Claimed
	case modalities[model.Asserted]:
		ev.Modality = model.Asserted
	case modalities[model.Claimed]:
		ev.Modality = model.Claimed
	case modalities[model.Alleged]:
		ev.Modality = model.Alleged
	}
	// The dateline locates an event that no sentence places, once its
	// mentions are joined, when it fits (see datelineFits); and it refines
	// a province or region that holds it: "KARNAL — farmers blocked a
	// highway in Haryana state" happened at Karnal.
	if ev.Location == nil && r.datelinePlace != nil && r.datelineFitsGroup(g) {
		ev.Location = r.datelinePlace
	}
	if d := r.datelinePlace; ev.Location != nil && d != nil && rank(d) >= 5 && (ev.Location.Precision == model.PrecAdmin1 || ev.Location.Precision == model.PrecAdmin2) &&
		d.Country == ev.Location.Country && d.Admin1 != "" && (d.Admin1 == ev.Location.Admin1 || d.Admin1 == ev.Location.Name) {
		ev.Location = d
	}
	src, tgt = bestActor(srcs), bestActor(tgts)
	ev.Source = r.actor(src, srcs)
	ev.Target = r.actor(tgt, tgts)
	// Talks held abroad are a visit by the side that travelled.
	if ev.Type == "CONSULT" && ev.Mode == nil && ev.Source != nil && ev.Source.Country != nil && ev.Location != nil &&
		ev.Location.Country != "" && *ev.Source.Country != ev.Location.Country {
		m := "visit"
		ev.Mode, ev.CAMEO = &m, "042"
	}
	// People who march are protesters while they do.
	if ev.Type == "PROTEST" && ev.Source != nil && ev.Source.Sector != nil && *ev.Source.Sector == "civilian" {
		s := "protester"
		ev.Source.Sector = &s
		ev.Source.CAMEO = actorCode(ev.Source, r.iso3)
	}
	// Police, courts, local authorities and soldiers named without a
	// country act where they are: "a court" that sentences someone in
	// Hanoi is Vietnam's. A foreign force is named as such ("Turkish
	// drones") and keeps its own.
	for _, a := range []*model.Actor{ev.Source, ev.Target} {
		if a != nil && a.Country == nil && a.Sector != nil && ev.Location != nil && ev.Location.Country != "" && !r.dictCoded[a] {
			switch *a.Sector {
			case "police", "judiciary", "government", "military":
				if a.Kind != "state" && a.Name == nil {
					c := ev.Location.Country
					a.Country = &c
					a.CAMEO = actorCode(a, r.iso3)
				}
			}
		}
	}
	code(ev)
	ev.Confidence = confidence(ev, g)
	return ev
}

// bestActor picks the most informative description of a participant: a
// name before a role, a role with sector and country before a bare one,
// the first before later ones.
func bestActor(as []*entity.Actor) *entity.Actor {
	var best *entity.Actor
	bs := -1
	for _, a := range as {
		s := 0
		if a.Name != "" {
			s += 4
		}
		if a.Sector != "" {
			s++
		}
		if a.Country != "" {
			s++
		}
		if a.Pronoun {
			s -= 2
		}
		if s > bs {
			best, bs = a, s
		}
	}
	return best
}

// actor turns the chosen description into an output actor, filling sector
// and country from the other descriptions of the same participant.
func (r *reader) actor(a *entity.Actor, all []*entity.Actor) *model.Actor {
	if a == nil {
		return nil
	}
	out := r.actorOut(a)
	fromDict := a.Code != ""
	if fromDict {
		r.dictCoded[out] = true
	}
	for _, b := range all {
		if out.Sector == nil && b.Sector != "" && b.Sector != "other" {
			s := b.Sector
			out.Sector = &s
		}
		if out.Country == nil && b.Country != "" {
			c := b.Country
			out.Country = &c
		}
	}
	// "The mayor", "the Labour Court", "the foreign ministry": wire copy
	// names the country of an institution that is not the dateline's,
	// so one left unqualified is the dateline country's (or, without a
	// dateline, the country the report is about). Troops are left alone:
	// a raid abroad is filed from where it hit.
	if out.Country == nil && out.Sector != nil && a.Kind != "state" && !fromDict {
		switch *out.Sector {
		case "government", "judiciary", "police":
			if c := r.homeCountry(); c != "" {
				out.Country = &c
			}
		}
	}
	if !fromDict {
		out.CAMEO = actorCode(out, r.iso3)
	}
	return out
}

// homeCountry is the country of the report's dateline, or else the one
// it is about, or "".
func (r *reader) homeCountry() string {
	if d := r.datelinePlace; d != nil && d.Country != "" {
		return d.Country
	}
	if f := r.in.Focus; f != nil {
		return f.Country
	}
	return ""
}

// actorOut converts an actor phrase to the output contract.
func (r *reader) actorOut(a *entity.Actor) *model.Actor {
	res := r.in.Entities
	if a == nil {
		return nil
	}
	out := &model.Actor{Text: a.Text, Kind: a.Kind}
	if out.Kind == "" {
		out.Kind = "group"
	}
	sector, country := a.Sector, a.Country
	if a.Entity >= 0 && a.Entity < len(res.Entities) {
		e := res.Entities[a.Entity]
		id := e.ID
		out.Entity = &id
		if e.Kind == model.KindPerson || e.Kind == model.KindOrg {
			name := e.Text
			out.Name = &name
		}
		if s, ok := e.Attrs["sector"].(string); ok && s != "" {
			sector = s
		}
		if c, ok := e.Attrs["country"].(string); ok && c != "" && country == "" {
			country = c
		}
	}
	if out.Name == nil && a.Owner != "" {
		owner := a.Owner
		out.Name = &owner
	}
	if sector != "" && sector != "other" {
		out.Sector = &sector
	}
	if country != "" {
		out.Country = &country
	}
	out.CAMEO = actorCode(out, r.iso3)
	if a.Code != "" {
		c := a.Code
		if s := sectorCode[sector]; s != "" && len(c) == 3 && a.Kind != "org" && !a.CodeFull {
			c += s // "Arnor soldiers": ARN + MIL
		}
		out.CAMEO = &c
	}
	return out
}

// near reports whether the group has a mention in m's sentence or the two
// before it.
func near(g *group, m *mention) bool {
	for _, o := range g.ms {
		if m.si-o.si >= 0 && m.si-o.si <= 2 {
			return true
		}
	}
	return false
}

func anaphoric(g *group) bool {
	for _, m := range g.ms {
		if m.anaphoric {
			return true
		}
	}
	return false
}

func allDenied(g *group) bool {
	for _, m := range g.ms {
		if m.modality != model.Denied {
			return false
		}
	}
	return true
}

// staleDays is how long before the publication date an event may have
// ended and still be news.
const staleDays = 90

func (r *reader) stale(ev *model.Event) bool {
	return r.staleDate(ev.Date)
}

// staleDate reports a date that ended long enough before the report to be
// background.
func (r *reader) staleDate(d *model.Date) bool {
	if r.in.Published.IsZero() || d == nil || d.End == nil {
		return false
	}
	end, err := time.Parse("2006-01-02", *d.End)
	return err == nil && r.in.Published.Sub(end) > staleDays*24*time.Hour
}

// reconcileDenials joins a denial to the report of what is denied: when one
// side says an attack happened and another denies it ("the SDF denied firing
// at Turkish territory"), the report is a claim, and the denial is not an
// event of its own.
func reconcileDenials(gs []*group) []*group {
	out := gs[:0]
	for _, g := range gs {
		if !allDenied(g) {
			out = append(out, g)
			continue
		}
		var claim *group
		for _, o := range gs {
			if o == g || o.ms[0].typ != g.ms[0].typ || o.ms[0].modality == model.Denied || unreal(o.ms[0].modality) {
				continue
			}
			ok := true
			for _, a := range o.ms {
				for _, b := range g.ms {
					if !compatiblePlace(a.place, b.place) || !compatibleDates(a, b) {
						ok = false
					}
				}
			}
			if ok && o.ms[0].attribution != nil {
				claim = o
				break
			}
		}
		if claim == nil {
			out = append(out, g)
			continue
		}
		for _, m := range claim.ms {
			if m.modality == model.Asserted {
				m.modality = model.Claimed
			}
		}
	}
	return out
}

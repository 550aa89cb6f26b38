package event

import (
	"strings"

	"sitrep/internal/entity"

	"sitrep/internal/model"
	"sitrep/internal/text"
)

// context gives mentions that name no date or place of their own those of
// their surroundings, as a reader does: the last event before them in the
// same paragraph (or, for the second paragraph, the lede), and for places
// the report's dateline ("BELFAST —").
func (r *reader) context(ms []*mention) {
	para := r.paragraphs()
	dateline := r.dateline()
	var peg *model.Date
	for _, m := range ms {
		if para[m.si] == 0 && m.date != nil && m.date.Start != nil && m.date.Precision == model.DateDay && !unreal(m.modality) {
			peg = m.date
			break
		}
	}
	// "Strike" is a labour strike or a military one. In a report of
	// attacks from the air or by artillery, without workers or unions, a
	// strike is the military kind.
	if r.militaryReport(ms) {
		for _, m := range ms {
			if w := strings.ToLower(m.trigger); m.typ == "PROTEST" && m.mode == "strike" && (w == "strike" || w == "strikes") {
				m.typ, m.mode, m.cameo = "ASSAULT", "", "190"
				for _, o := range ms {
					if o.typ == "ASSAULT" && (o.mode == "aerial" || o.mode == "drone" || o.mode == "heavy-weapons") {
						m.mode, m.cameo = o.mode, o.cameo
						break
					}
				}
			}
		}
	}
	// "The strike" after "an airstrike" is the airstrike: a definite noun
	// takes the reading of the earlier event its word ends.
	for i, m := range ms {
		if !m.noun || m.tok == 0 || r.in.Tokens[m.si][m.tok-1].Lower != "the" {
			continue
		}
		w := strings.ToLower(m.trigger)
		for j := i - 1; j >= 0; j-- {
			o := ms[j]
			ow := strings.ToLower(o.trigger)
			// "Strike" is a labour strike or a military one; after an attack
			// from the air or by artillery, "the strike" is that attack.
			military := (w == "strike" || w == "strikes") && o.typ == "ASSAULT" && (o.mode == "aerial" || o.mode == "drone" || o.mode == "heavy-weapons")
			if o.typ != m.typ && ow != w && (strings.HasSuffix(ow, w) || strings.HasSuffix(ow, w+"s") || military) {
				m.typ, m.mode, m.cameo = o.typ, o.mode, o.cameo
				m.e = o.e
				break
			}
		}
	}
	for i, m := range ms {
		if unreal(m.modality) {
			continue // what did not happen has no surroundings to borrow
		}
		// Borrow first from an earlier event of the same type, then from
		// any: "Both sides agreed ..." takes the agreement's place, not
		// that of the talks before it.
		p := para[m.si]
		for _, sameType := range []bool{true, false} {
			// What happened lends before what is planned: the talks held
			// today take the place of today's visit, not of the summit
			// agreed for next month.
			for _, planned := range []bool{false, true} {
				for j := i - 1; j >= 0; j-- {
					o := ms[j]
					q := para[o.si]
					if q != p && !(p == 1 && q == 0) {
						break
					}
					if sameType && o.typ != m.typ || unreal(o.modality) != planned {
						continue
					}
					// A strike called for next month lends its place to
					// today's march, not its date.
					if planned {
						if m.place == nil && o.place != nil {
							m.place = o.place
						}
						continue
					}
					m.borrow(o)
				}
			}
		}
		// Beyond the paragraph, a mention borrows from an earlier one that
		// names the same participant: "soldiers rounded up residents ...
		// on Feb. 18" ... "the soldiers then opened fire".
		// Background ("which took control of Nyala in October 2023") lends
		// nothing: its date is history, not the day of what follows.
		for j := i - 1; j >= 0 && (m.date == nil || m.place == nil); j-- {
			o := ms[j]
			if para[m.si]-para[o.si] > 2 || unreal(o.modality) {
				break
			}
			if !sameEntity(o.source, m.source) && !sameEntity(o.target, m.target) || r.staleDate(o.date) {
				continue
			}
			m.borrow(o)
		}
	}
	r.peg = peg
	r.datelinePlace = dateline
	r.ledeAttribution(ms, para)
}

// ledeAttribution gives the lede's unattributed events the attribution
// that opens the next paragraph, as wire copy writes it: "Moldova on
// Wednesday declared three Russian diplomats persona non grata ..." then
// "The foreign ministry said it had summoned ...". The speaker must be of
// the side that acted (the same sector or country as the event's source).
func (r *reader) ledeAttribution(ms []*mention, para []int) {
	first := -1
	for si, p := range para {
		if p == 1 {
			first = si
			break
		}
	}
	if first < 0 {
		return
	}
	sd, ok := r.said[first]
	if !ok || sd.who.Tok < 0 {
		return
	}
	for _, m := range ms {
		if para[m.si] != 0 || m.attribution != nil || m.source == nil || unreal(m.modality) {
			continue
		}
		if !(sd.who.Sector != "" && sd.who.Sector == m.source.Sector || sd.who.Country != "" && sd.who.Country == m.source.Country) {
			continue
		}
		m.attribution = sd.att
		m.attrActor = sd.who
	}
}

// borrow gives m the date and place of o where m has none.
func (m *mention) borrow(o *mention) {
	if m.date == nil && !m.anaphoric && o.date != nil && o.date.Start != nil {
		d := *o.date
		m.date = &d
	}
	if m.place == nil && o.place != nil {
		m.place = o.place
	}
}

// datelineFits reports whether the dateline may stand for where a mention
// happened: its sentence names no other place, and none of its actors is of
// another country. A statement from Washington filed under ANKARA is not in
// Ankara.
func (r *reader) datelineFits(m *mention, d *model.Place) bool {
	// "CAIRO (Reuters) -" over a report about Sudan: a bureau abroad
	// places nothing the report tells.
	if f := r.in.Focus; f != nil && f.Country != "" && d.Country != "" && f.Country != d.Country {
		return false
	}
	s := r.in.Sentences[m.si]
	toks := r.in.Tokens[m.si]
	for _, p := range r.in.Places {
		if p.Start < s.Start || p.End > s.End || p.Nationality || p.Place == nil || samePlace(p.Place, d) || holds(p.Place, d) {
			continue
		}
		if k := tokenAt(toks, p.Start); k >= 0 && insideName(r.in.Entities.Actors[m.si], k) {
			continue // "the Hanoi People's Court"
		}
		return false
	}
	// An attack's target tells where it struck ("shelled Kurdish
	// positions"); for what a government says or does, its own side does.
	actors := []*entity.Actor{m.source}
	if m.typ == "ASSAULT" || m.typ == "COERCE" {
		actors = append(actors, m.target)
	}
	for _, a := range actors {
		if a != nil && a.Country != "" && a.Country != d.Country {
			return false
		}
	}
	return true
}

func (r *reader) datelineFitsGroup(g *group) bool {
	if unreal(g.ms[0].modality) {
		return false
	}
	return r.datelineFitsAll(g)
}

// datelineFitsAll reports whether the dateline fits every mention of g.
func (r *reader) datelineFitsAll(g *group) bool {
	for _, m := range g.ms {
		if !r.datelineFits(m, r.datelinePlace) {
			return false
		}
	}
	return true
}

// holds reports whether place a is the country or province that d lies
// in: a lede that names Argentina still happens in BUENOS AIRES.
func holds(a, d *model.Place) bool {
	if a.Country == "" || a.Country != d.Country {
		return false
	}
	switch a.Precision {
	case model.PrecCountry:
		return true
	case model.PrecAdmin1:
		return a.Admin1 != "" && a.Admin1 == d.Admin1
	}
	return false
}

func samePlace(a, b *model.Place) bool {
	if a.GeonameID != nil && b.GeonameID != nil {
		return *a.GeonameID == *b.GeonameID
	}
	return a.Name == b.Name && a.Country == b.Country
}

// paragraphs numbers the paragraph of each sentence; paragraphs are
// separated by blank lines in the article text.
func (r *reader) paragraphs() []int {
	out := make([]int, len(r.in.Sentences))
	n, prev := 0, 0
	for i, s := range r.in.Sentences {
		if i > 0 && strings.Contains(r.in.Text[prev:s.Start], "\n\n") {
			n++
		}
		out[i] = n
		prev = s.End
	}
	return out
}

// dateline finds the place a wire report is filed from: capitals at the
// very start of the text, before a dash or an agency's name in brackets
// ("BELFAST —", "KYIV, Ukraine (Reuters) -").
func (r *reader) dateline() *model.Place {
	if len(r.in.Sentences) == 0 {
		return nil
	}
	toks := r.in.Tokens[0]
	for k, t := range toks {
		if k > 6 {
			return nil
		}
		// "BELFAST —", "KYIV, Ukraine (AP) —", "BHILWARA, April 13:".
		if t.Kind == text.Punct && (t.Text == "—" || t.Text == "–" || t.Text == "-" || t.Text == "(" || t.Text == ":") {
			break
		}
	}
	for _, p := range r.in.Places {
		if p.Start > r.in.Sentences[0].Start+40 {
			break
		}
		if p.Place != nil && !p.Nationality && isUpper(r.in.Text[p.Start:p.End]) {
			return p.Place
		}
	}
	return nil
}

func isUpper(s string) bool {
	return strings.ToUpper(s) == s && strings.ToLower(s) != s
}

// crowds gives crowd control and arrests that name no target the crowd of
// a protest in the same paragraph: police who "fired tear gas to break up
// a march by hundreds of protesters" fired it at the protesters.
func (r *reader) crowds(ms []*mention) {
	para := r.paragraphs()
	for _, m := range ms {
		if m.target != nil || !(m.mode == "crowd-control" || m.typ == "COERCE" && m.mode == "arrest") {
			continue
		}
		for _, o := range ms {
			if o.typ == "PROTEST" && o.source != nil && para[o.si] == para[m.si] && !unreal(o.modality) {
				m.target = o.source
				break
			}
		}
	}
}

// militaryReport reports a report of attacks from the air or by artillery
// that names no workers, unions or strikers.
func (r *reader) militaryReport(ms []*mention) bool {
	armed := false
	for _, m := range ms {
		if m.typ == "ASSAULT" && (m.mode == "aerial" || m.mode == "drone" || m.mode == "heavy-weapons") {
			armed = true
		}
	}
	if !armed {
		return false
	}
	for _, toks := range r.in.Tokens {
		for _, t := range toks {
			switch t.Lower {
			case "workers", "union", "unions", "strikers", "walkout", "employees", "teachers", "doctors", "nurses":
				return false
			}
		}
	}
	return true
}

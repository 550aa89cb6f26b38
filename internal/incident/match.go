package incident

import (
	"fmt"
	"slices"
	"strings"

	"sitrep/internal/model"
)

// Verdict is the outcome of comparing an event with an incident.
type Verdict struct {
	// OK is true when the event may join the incident.
	OK bool
	// Firm is true when it passed on a dated day and a place at city
	// precision or finer: firm enough to merge two incidents through it.
	Firm bool
	// Score ranks the incidents an event may join; higher is closer.
	Score float64
	// Reasons say what matched, or, when OK is false, the first test that
	// failed.
	Reasons []string
}

// Reason joins the verdict's reasons into one line.
func (v Verdict) Reason() string { return strings.Join(v.Reasons, "; ") }

func fail(format string, args ...any) Verdict {
	return Verdict{Reasons: []string{fmt.Sprintf(format, args...)}}
}

// Match compares event m with incident in's reconciled fields and reports
// whether it may join, how well it fits and why. The package
// documentation lists the tests.
func Match(in *Incident, m *Member) Verdict {
	ev := m.Event
	rec := in.Record()
	if !Eligible(ev) {
		return fail("modality %s: did not happen", ev.Modality)
	}
	if ev.Type != rec.Type {
		return fail("type %s, incident %s", ev.Type, rec.Type)
	}
	if in.hasArticle(m.Article) {
		return fail("its report already gives another event of this incident: the extractor told them apart")
	}
	var v Verdict
	v.Reasons = append(v.Reasons, "same type "+ev.Type)

	// Date.
	md, okm := memberDates(m)
	id, oki := incidentDates(in)
	if !okm || !oki {
		return fail("no date to compare")
	}
	if md.end.Before(id.start) || id.end.Before(md.start) {
		return fail("dates apart: %s, incident %s", md, id)
	}
	// A range wider than a week (a month, "last year") overlaps too much
	// to say two reports mean the same day.
	dateWeak := md.weak || id.weak || days(md) > 7 || days(id) > 7
	switch {
	case dateWeak:
		v.Score += 0.5
		if md.weak && !id.weak {
			v.Reasons = append(v.Reasons, fmt.Sprintf("undated, report published within %d days after %s", UndatedWindow, id))
		} else {
			v.Reasons = append(v.Reasons, fmt.Sprintf("dates %s and %s overlap, one vaguely", md, id))
		}
	case md.start.Equal(id.start) && md.end.Equal(id.end):
		v.Score += 3
		v.Reasons = append(v.Reasons, "same date "+md.String())
	default:
		v.Score += 2
		v.Reasons = append(v.Reasons, fmt.Sprintf("dates overlap (%s, incident %s)", md, id))
	}
	dayFirm := !dateWeak && md.start.Equal(md.end) && id.start.Equal(id.end)

	// Actors.
	actorWhy, clash := actorsClash(ev, rec)
	if clash {
		return fail("%s", actorWhy)
	}
	named := sameName(ev.Source, rec.Source) || sameName(ev.Target, rec.Target)

	// Place.
	placeWeak, placeFirm := false, false
	a, b := ev.Location, rec.Location
	switch {
	case a == nil || b == nil:
		if !named {
			return fail("place unknown and no named actor in common")
		}
		placeWeak = true
		v.Reasons = append(v.Reasons, "place unknown")
	case placeRank(a) <= precisionRank[model.PrecAdmin2] && placeRank(b) <= precisionRank[model.PrecAdmin2]:
		d := Km(a.Lat, a.Lon, b.Lat, b.Lon)
		limit := MaxKm(ev.Type)
		if d > limit {
			return fail("%s is %s from %s, beyond %.0f km for %s", placeName(a), fmtKm(d), placeName(b), limit, ev.Type)
		}
		placeFirm = true
		v.Score += 1 + 3*(1-d/limit)
		if a.GeonameID != nil && b.GeonameID != nil && *a.GeonameID == *b.GeonameID {
			v.Score++
			v.Reasons = append(v.Reasons, "same place "+placeName(b))
		} else {
			v.Reasons = append(v.Reasons, fmt.Sprintf("%s is %s from %s (within %.0f km for %s)", placeName(a), fmtKm(d), placeName(b), limit, ev.Type))
		}
	case !strings.EqualFold(a.Country, b.Country):
		return fail("country %s, incident %s", a.Country, b.Country)
	case placeRank(a) <= precisionRank[model.PrecAdmin1] && placeRank(b) <= precisionRank[model.PrecAdmin1]:
		if a.Admin1 == "" || b.Admin1 == "" || !strings.EqualFold(a.Admin1, b.Admin1) {
			return fail("region %q, incident %q", a.Admin1, b.Admin1)
		}
		v.Score += 1.5
		v.Reasons = append(v.Reasons, fmt.Sprintf("same region %s (%s)", a.Admin1, a.Country))
	default:
		placeWeak = true
		v.Score += 0.5
		v.Reasons = append(v.Reasons, "same country "+a.Country)
	}
	if dateWeak && placeWeak {
		return fail("date and place both too vague to tell")
	}
	if actorWhy != "" {
		v.Score++
		v.Reasons = append(v.Reasons, actorWhy)
	}

	// Mode.
	em, im := str(ev.Mode), str(rec.Mode)
	switch {
	case em == "" || im == "":
	case em == im:
		v.Score++
		v.Reasons = append(v.Reasons, "same mode "+em)
	case modeFamily(em) == modeFamily(im):
		v.Score += 0.5
		v.Reasons = append(v.Reasons, fmt.Sprintf("modes %s and %s agree", em, im))
	default:
		return fail("mode %s, incident %s", em, im)
	}
	v.OK = true
	v.Firm = dayFirm && placeFirm
	return v
}

// days is the number of days a range covers.
func days(r dateRange) int { return int(r.end.Sub(r.start).Hours()/24) + 1 }

// modeFamilies groups modes that reports of one happening may give
// differently.
var modeFamilies = map[string]string{
	"explosives": "bomb", "suicide-attack": "bomb", "unconventional": "bomb",
	"aerial": "remote", "drone": "remote", "heavy-weapons": "remote",
	"firearms": "shoot", "massacre": "shoot", "execute": "shoot", "assassinate": "shoot",
	"beat": "beat", "torture": "beat", "primitive": "beat",
	"demo": "demo", "riot": "demo", "obstruct": "demo",
	"seize": "seize", "arrest": "arrest", "deport": "arrest",
}

func modeFamily(m string) string {
	if f, ok := modeFamilies[m]; ok {
		return f
	}
	return m
}

// sectorClass groups sectors that reports of one happening may give
// differently ("security forces", "soldiers", "police").
var sectorClass = map[string]string{
	"military": "force", "police": "force",
	"rebel":      "armed",
	"government": "state", "judiciary": "state",
	"civilian": "civil", "protester": "civil", "media": "civil", "business": "civil",
	"religious": "civil", "education": "civil", "health": "civil", "ngo": "civil",
	"igo": "igo",
}

// actorClash says why two actors cannot be the same party; "" when they
// can.
func actorClash(a, b *model.Actor) string {
	if a == nil || b == nil {
		return ""
	}
	if a.Country != nil && b.Country != nil && !strings.EqualFold(*a.Country, *b.Country) {
		return fmt.Sprintf("%q (%s) and %q (%s) are of different countries", a.Text, *a.Country, b.Text, *b.Country)
	}
	if a.Sector != nil && b.Sector != nil {
		ca, cb := sectorClass[*a.Sector], sectorClass[*b.Sector]
		if ca != "" && cb != "" && ca != cb {
			return fmt.Sprintf("%q (%s) and %q (%s) are different kinds of actor", a.Text, *a.Sector, b.Text, *b.Sector)
		}
	}
	return ""
}

// sameName reports whether two actors carry the same name.
func sameName(a, b *model.Actor) bool {
	return a != nil && b != nil && a.Name != nil && b.Name != nil && strings.EqualFold(*a.Name, *b.Name)
}

// actorsClash compares an event's actors with an incident's, straight or
// swapped. It returns why they clash, or, when they do not, what agrees
// ("" when nothing is known to).
func actorsClash(ev *model.Event, rec *Record) (string, bool) {
	straight := []string{actorClash(ev.Source, rec.Source), actorClash(ev.Target, rec.Target)}
	if straight[0] == "" && straight[1] == "" {
		var agree []string
		if sameName(ev.Source, rec.Source) {
			agree = append(agree, "source "+*rec.Source.Name)
		}
		if sameName(ev.Target, rec.Target) {
			agree = append(agree, "target "+*rec.Target.Name)
		}
		if len(agree) > 0 {
			return "same " + strings.Join(agree, " and "), false
		}
		return "", false
	}
	paired := ev.Source != nil && rec.Target != nil || ev.Target != nil && rec.Source != nil
	if paired && actorClash(ev.Source, rec.Target) == "" && actorClash(ev.Target, rec.Source) == "" {
		return "source and target given the other way round", false
	}
	for _, s := range straight {
		if s != "" {
			return s, true
		}
	}
	return "", false
}

// Decision is what to do with an event.
type Decision struct {
	// Skip is true for an event that belongs in no incident.
	Skip bool
	// Join is the incident the event joins; nil to found a new one.
	Join *Incident
	// Absorb are incidents that merge into Join through the event.
	Absorb []*Incident
	// Reason says why the event joined Join.
	Reason string
	// Score is the match score.
	Score float64
	// Verdicts holds the verdict on every candidate, by incident id.
	Verdicts map[string]Verdict
}

// Decide chooses where event m goes among the candidate incidents cands
// (those the store found of the same type, dates and area). When m fits
// two or more incidents firmly and they share no report, the oldest
// becomes Join and the others are in Absorb.
func Decide(m *Member, cands []*Incident) Decision {
	if !Eligible(m.Event) {
		return Decision{Skip: true, Reason: "modality " + m.Event.Modality}
	}
	type fit struct {
		in *Incident
		v  Verdict
	}
	var fits []fit
	vs := make(map[string]Verdict, len(cands))
	for _, c := range cands {
		v := Match(c, m)
		vs[c.ID] = v
		if v.OK {
			fits = append(fits, fit{c, v})
		}
	}
	if len(fits) == 0 {
		return Decision{Verdicts: vs}
	}
	slices.SortStableFunc(fits, func(a, b fit) int {
		if a.v.Score != b.v.Score {
			if a.v.Score > b.v.Score {
				return -1
			}
			return 1
		}
		return int(a.in.Seq - b.in.Seq)
	})
	best := fits[0]
	group := []fit{best}
	if best.v.Firm {
		for _, f := range fits[1:] {
			if !f.v.Firm {
				continue
			}
			shared := false
			for _, g := range group {
				for _, mm := range f.in.Members {
					if g.in.hasArticle(mm.Article) {
						shared = true
					}
				}
			}
			if !shared {
				group = append(group, f)
			}
		}
	}
	surv := group[0]
	for _, g := range group[1:] {
		if g.in.Seq < surv.in.Seq {
			surv = g
		}
	}
	d := Decision{Join: surv.in, Reason: surv.v.Reason(), Score: surv.v.Score, Verdicts: vs}
	for _, g := range group {
		if g.in != surv.in {
			d.Absorb = append(d.Absorb, g.in)
		}
	}
	return d
}

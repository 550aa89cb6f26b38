package incident

import (
	"encoding/json"
	"math"
	"strings"

	"sitrep/internal/model"
)

// Record is an incident in the form of the output contract
// sitrep/incident/v1 (../shared/spec/incident-v1.md).
type Record struct {
	Schema     string       `json:"schema"`
	ID         string       `json:"id"`
	Type       string       `json:"type"`
	Mode       *string      `json:"mode"`
	CAMEO      string       `json:"cameo"`
	ACLED      *model.ACLED `json:"acled"`
	Date       *Date        `json:"date"`
	Location   *model.Place `json:"location"`
	Source     *model.Actor `json:"source"`
	Target     *model.Actor `json:"target"`
	Counts     model.Counts `json:"counts"`
	Modality   string       `json:"modality"`
	Confidence float64      `json:"confidence"`
	Reviewed   bool         `json:"reviewed"`
	// Review is the review status, the values set by hand and what the
	// incident needs.
	Review  ReviewView `json:"review"`
	Sources []Source   `json:"sources"`
}

// Date is an incident's reconciled date.
type Date struct {
	Start     *string `json:"start"`
	End       *string `json:"end"`
	Precision string  `json:"precision"`
}

// Source is one contributing event of one report, with what that report
// said.
type Source struct {
	Article   string       `json:"article"`
	Input     string       `json:"input"`
	URL       *string      `json:"url"`
	Outlet    *string      `json:"outlet"`
	Title     string       `json:"title"`
	Published *string      `json:"published"`
	Event     string       `json:"event"`
	Type      string       `json:"type"`
	Mode      *string      `json:"mode"`
	Date      *model.Date  `json:"date"`
	Location  *model.Place `json:"location"`
	Modality  string       `json:"modality"`
	// Attribution is who the report says told it ("police said"), or nil.
	Attribution *model.Attribution `json:"attribution"`
	Counts      model.Counts       `json:"counts"`
	Evidence    []Evidence         `json:"evidence"`
	// Copies lists the other inputs that carried the same report.
	Copies []Copy `json:"copies,omitempty"`
	// Joined says why the event joined the incident; empty for the event
	// that founded it.
	Joined string  `json:"joined,omitempty"`
	Score  float64 `json:"score,omitempty"`
}

// Record returns the incident's reconciled record, sources included,
// with the values set by review applied over the reconciled ones. The
// package documentation gives the policy.
func (in *Incident) Record() *Record {
	if in.rec != nil {
		return in.rec
	}
	r := in.reconcile()
	rv := in.Review()
	if rv.Overrides == nil {
		rv.Overrides = map[string]json.RawMessage{}
	}
	applyOverrides(r, rv.Overrides)
	r.Reviewed = rv.Reviewed()
	r.Review = ReviewView{Review: rv, Needs: needs(r, rv.Overrides)}
	in.rec = r
	return r
}

// reconcile builds the record from the members alone.
func (in *Incident) reconcile() *Record {
	ms := in.Members
	r := &Record{Schema: Schema, ID: in.ID, Sources: make([]Source, 0, len(ms))}
	if len(ms) == 0 {
		return r
	}
	r.Type = ms[0].Event.Type

	// Mode: the most frequent, the earliest on a tie; codes from its event.
	codes := ms[0].Event
	if mode := mostFrequent(ms, func(m *Member) string { return str(m.Event.Mode) }); mode != "" {
		for _, m := range ms {
			if str(m.Event.Mode) == mode {
				codes = m.Event
				break
			}
		}
	}
	r.Mode, r.CAMEO, r.ACLED = codes.Mode, codes.CAMEO, codes.ACLED

	r.Date = reconcileDate(ms)
	r.Location = reconcilePlace(ms)
	r.Source = reconcileActor(ms, func(e *model.Event) *model.Actor { return e.Source })
	r.Target = reconcileActor(ms, func(e *model.Event) *model.Actor { return e.Target })
	r.Counts = model.Counts{
		Killed:       reconcileCount(ms, func(c model.Counts) *model.Range { return c.Killed }),
		Injured:      reconcileCount(ms, func(c model.Counts) *model.Range { return c.Injured }),
		Arrested:     reconcileCount(ms, func(c model.Counts) *model.Range { return c.Arrested }),
		Participants: reconcileCount(ms, func(c model.Counts) *model.Range { return c.Participants }),
	}

	r.Modality = ms[0].Event.Modality
	best := map[string]float64{}
	for _, m := range ms {
		if modRank(m.Event.Modality) < modRank(r.Modality) {
			r.Modality = m.Event.Modality
		}
		key := strings.ToLower(str(m.Outlet))
		if key == "" {
			key = m.Article
		}
		best[key] = math.Max(best[key], m.Event.Confidence)
	}
	miss := 1.0
	for _, c := range best {
		miss *= 1 - c
	}
	r.Confidence = math.Round(math.Min(0.99, 1-miss)*100) / 100

	for _, m := range ms {
		ev := m.Event
		r.Sources = append(r.Sources, Source{
			Article: m.Article, Input: m.Input, URL: m.URL, Outlet: m.Outlet, Title: m.Title,
			Published: m.Published, Event: ev.ID, Type: ev.Type, Mode: ev.Mode, Date: ev.Date,
			Location: ev.Location, Modality: ev.Modality, Attribution: ev.Attribution, Counts: ev.Counts, Evidence: m.Evidence,
			Copies: m.Copies, Joined: m.Reason, Score: math.Round(m.Score*100) / 100,
		})
	}
	return r
}

// mostFrequent returns the most frequent non-empty key of the members, the
// earliest on a tie.
func mostFrequent(ms []*Member, key func(*Member) string) string {
	n := map[string]int{}
	best := ""
	for _, m := range ms {
		k := key(m)
		if k == "" {
			continue
		}
		n[k]++
		if best == "" || n[k] > n[best] {
			best = k
		}
	}
	return best
}

func reconcileDate(ms []*Member) *Date {
	var best *model.Date
	count := map[string]int{}
	key := func(d *model.Date) string { return *d.Start + "/" + *d.End }
	for _, m := range ms {
		if d := m.Event.Date; d != nil && d.Start != nil && d.End != nil {
			count[key(d)]++
		}
	}
	for _, m := range ms {
		d := m.Event.Date
		if d == nil || d.Start == nil || d.End == nil {
			continue
		}
		if best == nil {
			best = d
			continue
		}
		rd, rb := dateRank[d.Precision], dateRank[best.Precision]
		switch {
		case rd < rb:
			best = d
		case rd > rb:
		case span(d) < span(best):
			best = d
		case span(d) == span(best) && count[key(d)] > count[key(best)]:
			best = d
		}
	}
	if best == nil {
		return nil
	}
	s, e := *best.Start, *best.End
	return &Date{Start: &s, End: &e, Precision: best.Precision}
}

// span is the width of a date range in days.
func span(d *model.Date) int {
	m := &Member{Event: &model.Event{Date: d}}
	r, ok := memberDates(m)
	if !ok {
		return math.MaxInt
	}
	return int(r.end.Sub(r.start).Hours() / 24)
}

func reconcilePlace(ms []*Member) *model.Place {
	count := map[int]int{}
	for _, m := range ms {
		if p := m.Event.Location; p != nil && p.GeonameID != nil {
			count[*p.GeonameID]++
		}
	}
	n := func(p *model.Place) int {
		if p.GeonameID == nil {
			return 0
		}
		return count[*p.GeonameID]
	}
	var best *model.Place
	for _, m := range ms {
		p := m.Event.Location
		if p == nil {
			continue
		}
		if best == nil || placeRank(p) < placeRank(best) || placeRank(p) == placeRank(best) && n(p) > n(best) {
			best = p
		}
	}
	return best
}

func reconcileActor(ms []*Member, get func(*model.Event) *model.Actor) *model.Actor {
	name := mostFrequent(ms, func(m *Member) string {
		if a := get(m.Event); a != nil && a.Name != nil {
			return strings.ToLower(*a.Name)
		}
		return ""
	})
	for _, m := range ms {
		if a := get(m.Event); a != nil && (name == "" || a.Name != nil && strings.ToLower(*a.Name) == name) {
			return a
		}
	}
	return nil
}

// reconcileCount picks the most conservative credible figure: among the
// figures of the most assertive modality that gives one, the lowest lower
// bound, a closed range before an open one, then the lower upper bound.
func reconcileCount(ms []*Member, get func(model.Counts) *model.Range) *model.Range {
	tier := math.MaxInt
	for _, m := range ms {
		if get(m.Event.Counts) != nil {
			tier = min(tier, modRank(m.Event.Modality))
		}
	}
	var best *model.Range
	for _, m := range ms {
		c := get(m.Event.Counts)
		if c == nil || modRank(m.Event.Modality) != tier {
			continue
		}
		if best == nil || c.Min < best.Min || c.Min == best.Min && upper(c) < upper(best) {
			best = c
		}
	}
	return best
}

func upper(r *model.Range) int {
	if r.Max == nil {
		return math.MaxInt
	}
	return *r.Max
}

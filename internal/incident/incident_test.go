package incident

import (
	"strings"
	"testing"

	"sitrep/internal/model"
)

func sp(s string) *string { return &s }
func ip(i int) *int       { return &i }

type ev struct {
	article, typ, mode, date, end, modality string
	lat, lon                                float64
	prec, admin1, country                   string
	srcSector, tgtSector                    string
	killed                                  *model.Range
	published                               string
}

func member(e ev) *Member {
	m := &Member{Article: e.article, Title: e.article}
	if e.published != "" {
		m.Published = sp(e.published)
	}
	x := &model.Event{ID: "ev1", Type: e.typ, Modality: model.Asserted, Confidence: 0.7}
	if e.modality != "" {
		x.Modality = e.modality
	}
	if e.mode != "" {
		x.Mode = sp(e.mode)
	}
	if e.date != "" {
		end := e.end
		if end == "" {
			end = e.date
		}
		prec := model.DateDay
		if end != e.date {
			prec = model.DateMonth
		}
		x.Date = &model.Date{Start: sp(e.date), End: sp(end), Precision: prec}
	}
	if e.prec != "" {
		x.Location = &model.Place{Name: "P", Lat: e.lat, Lon: e.lon, Precision: e.prec, Admin1: e.admin1, Country: e.country}
	}
	if e.srcSector != "" {
		x.Source = &model.Actor{Text: e.srcSector, Sector: sp(e.srcSector)}
	}
	if e.tgtSector != "" {
		x.Target = &model.Actor{Text: e.tgtSector, Sector: sp(e.tgtSector)}
	}
	x.Counts.Killed = e.killed
	m.Event = x
	return m
}

func TestMatch(t *testing.T) {
	base := ev{article: "a1", typ: "ASSAULT", mode: "explosives", date: "2024-03-04", lat: 11.85, lon: 13.16, prec: "city", admin1: "Borno", country: "NG"}
	with := func(f func(*ev)) ev { e := base; e.article = "a2"; f(&e); return e }
	for _, c := range []struct {
		name string
		e    ev
		ok   bool
		why  string
	}{
		{"same everything", with(func(e *ev) {}), true, "same date"},
		{"other type", with(func(e *ev) { e.typ = "PROTEST" }), false, "type"},
		{"same article", with(func(e *ev) { e.article = "a1" }), false, "extractor told them apart"},
		{"next day", with(func(e *ev) { e.date = "2024-03-05" }), false, "dates apart"},
		{"10 km off", with(func(e *ev) { e.lat += 0.09 }), true, "within 25 km"},
		{"60 km off", with(func(e *ev) { e.lat += 0.55 }), false, "beyond 25 km"},
		{"same admin1", with(func(e *ev) { e.prec = "admin1"; e.lat = 12 }), true, "same region Borno"},
		{"other admin1", with(func(e *ev) { e.prec = "admin1"; e.admin1 = "Yobe" }), false, "region"},
		{"other country", with(func(e *ev) { e.prec = "country"; e.country = "NE" }), false, "country"},
		{"mode family", with(func(e *ev) { e.mode = "suicide-attack" }), true, "agree"},
		{"other mode", with(func(e *ev) { e.mode = "firearms" }), false, "mode"},
		{"no place, no named actor", with(func(e *ev) { e.prec = "" }), false, "place unknown"},
		{"undated, published the day after", with(func(e *ev) { e.date = ""; e.published = "2024-03-05" }), true, "undated"},
		{"undated, country only", with(func(e *ev) { e.date = ""; e.published = "2024-03-05"; e.prec = "country" }), false, "too vague"},
		{"month-wide date, city", with(func(e *ev) { e.date = "2024-03-01"; e.end = "2024-03-31" }), true, "one vaguely"},
		{"negated", with(func(e *ev) { e.modality = model.Negated }), false, "did not happen"},
		{"actors clash", with(func(e *ev) { e.srcSector = "police" }), true, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := base
			if c.name == "actors clash" {
				b.srcSector = "rebel"
			}
			in := New(member(b), 1)
			v := Match(in, member(c.e))
			want := c.ok
			if c.name == "actors clash" {
				want = false
				c.why = "different kinds of actor"
			}
			if v.OK != want {
				t.Fatalf("got ok=%v (%s), want %v", v.OK, v.Reason(), want)
			}
			if !strings.Contains(v.Reason(), c.why) {
				t.Errorf("reason: got %q, want it to mention %q", v.Reason(), c.why)
			}
		})
	}
}

func TestReconcileCounts(t *testing.T) {
	r := func(min int, max *int) *model.Range { return &model.Range{Min: min, Max: max, Text: "x"} }
	in := New(member(ev{article: "a", typ: "ASSAULT", date: "2024-03-04", killed: r(15, ip(15))}), 1)
	in.Add(member(ev{article: "b", typ: "ASSAULT", date: "2024-03-04", killed: r(12, nil)}))
	in.Add(member(ev{article: "c", typ: "ASSAULT", date: "2024-03-04", killed: r(12, ip(12))}))
	in.Add(member(ev{article: "d", typ: "ASSAULT", date: "2024-03-04", killed: r(3, ip(3)), modality: model.Claimed}))
	k := in.Record().Counts.Killed
	if k == nil || k.Min != 12 || k.Max == nil || *k.Max != 12 {
		t.Errorf("killed: got %+v, want 12..12 (lowest asserted, closed before open; the claim of 3 not credible beside them)", k)
	}
	if n := len(in.Record().Sources); n != 4 {
		t.Errorf("sources: got %d, want every figure kept", n)
	}
	only := New(member(ev{article: "a", typ: "ASSAULT", date: "2024-03-04", killed: r(30, ip(30)), modality: model.Claimed}), 1)
	if k := only.Record().Counts.Killed; k == nil || k.Min != 30 {
		t.Errorf("claimed only: got %+v, want 30", k)
	}
}

func TestDecideMergesIncidentsItBridges(t *testing.T) {
	// Two incidents founded by reports that could not be compared (one
	// undated, one placed only in its region); a third report fits both
	// firmly, so they are one happening.
	a := New(member(ev{article: "a", typ: "ASSAULT", date: "2024-03-04", lat: 11.85, lon: 13.16, prec: "city", country: "NG"}), 1)
	b := New(member(ev{article: "b", typ: "ASSAULT", date: "2024-03-04", lat: 11.86, lon: 13.15, prec: "city", country: "NG"}), 2)
	d := Decide(member(ev{article: "c", typ: "ASSAULT", date: "2024-03-04", lat: 11.85, lon: 13.16, prec: "city", country: "NG"}), []*Incident{b, a})
	if d.Join != a || len(d.Absorb) != 1 || d.Absorb[0] != b {
		t.Errorf("got join %v absorb %v, want the older incident to absorb the newer", d.Join, d.Absorb)
	}
	// Incidents from one report are never merged.
	b.Members[0].Article = "a"
	d = Decide(member(ev{article: "c", typ: "ASSAULT", date: "2024-03-04", lat: 11.85, lon: 13.16, prec: "city", country: "NG"}), []*Incident{a, b})
	if len(d.Absorb) != 0 {
		t.Errorf("incidents of one report: got %d absorbed, want none", len(d.Absorb))
	}
}

func TestID(t *testing.T) {
	if got := ID("8289eb55526a454f8445c5262749a1de", "ev1"); got != "8289eb55526a454f-ev1" {
		t.Errorf("got %q", got)
	}
}

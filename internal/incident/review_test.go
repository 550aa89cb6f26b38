package incident

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"sitrep/internal/model"
)

func TestCheckOverride(t *testing.T) {
	for _, c := range []struct {
		field, in, want string
		err             error
	}{
		{"type", `"protest"`, `"PROTEST"`, nil},
		{"type", `"PARADE"`, "", ErrBadValue},
		{"mode", `null`, `null`, nil},
		{"mode", `"heavy-weapons"`, `"heavy-weapons"`, nil},
		{"mode", `"Heavy Weapons"`, "", ErrBadValue},
		{"cameo", `"190"`, `"190"`, nil},
		{"cameo", `190`, "", ErrBadValue},
		{"modality", `"alleged"`, `"alleged"`, nil},
		{"modality", `"rumoured"`, "", ErrBadValue},
		{"date.start", `"2024-02-29"`, `"2024-02-29"`, nil},
		{"date.end", `"2023-02-29"`, "", ErrBadValue},
		{"date.end", `null`, "", ErrBadValue},
		{"source.name", `" Rapid Support Forces "`, `"Rapid Support Forces"`, nil},
		{"target.name", `""`, "", ErrBadValue},
		{"location", `{"name": "Omdurman", "lat": 15.64, "lon": 32.48, "country": "sd"}`,
			`{"text":"Omdurman","name":"Omdurman","geonameid":null,"lat":15.64,"lon":32.48,"country":"SD","precision":"point"}`, nil},
		{"location", `{"name": "X", "lat": 1, "lon": 181}`, "", ErrBadValue},
		{"location", `{"name": "X", "lat": 1, "lon": 1, "country": "SDN"}`, "", ErrBadValue},
		{"location", `{"name": "X", "lat": 1, "lon": 1, "elevation": 3}`, "", ErrBadValue},
		{"location", `null`, `null`, nil},
		{"counts.killed", `{"min": 2, "max": 2}`, `{"min":2,"max":2,"text":""}`, nil},
		{"counts.killed", `{"min": 2}`, `{"min":2,"max":null,"text":""}`, nil},
		{"counts.injured", `{"max": 2}`, "", ErrBadValue},
		{"counts.arrested", `{"min": 3, "max": 1}`, "", ErrBadValue},
		{"counts.participants", `null`, `null`, nil},
		{"counts.wounded", `{"min": 1}`, "", ErrBadField},
		{"sources", `[]`, "", ErrBadField},
	} {
		got, err := CheckOverride(c.field, json.RawMessage(c.in))
		if c.err != nil {
			if !errors.Is(err, c.err) {
				t.Errorf("%s = %s: got %s, %v; want %v", c.field, c.in, got, err, c.err)
			}
			continue
		}
		if err != nil || string(got) != c.want {
			t.Errorf("%s = %s: got %s, %v; want %s", c.field, c.in, got, err, c.want)
		}
	}
}

// TestOverridesApplied checks that the values set by hand win over the
// reconciled ones, leave what each report said alone, and come back
// after the incident changes.
func TestOverridesApplied(t *testing.T) {
	a := member(ev{article: "a1", typ: "ASSAULT", date: "2024-03-04", lat: 11.85, lon: 13.16, prec: "city", country: "NG", srcSector: "rebels",
		killed: &model.Range{Min: 12, Max: ip(12)}})
	in := New(a, 1)
	if r := in.Record(); r.Review.Status != Unreviewed || r.Reviewed || r.Review.Overrides == nil {
		t.Fatalf("no review: got %+v reviewed %v, want unreviewed with empty overrides", r.Review, r.Reviewed)
	}
	ov := map[string]json.RawMessage{}
	for f, v := range map[string]string{
		"counts.killed": `{"min": 16, "max": 16}`, "date.end": `"2024-03-05"`, "type": `"COERCE"`,
		"source.name": `"Boko Haram"`, "location": `{"name": "Maiduguri", "lat": 11.84, "lon": 13.15, "country": "NG"}`,
	} {
		b, err := CheckOverride(f, json.RawMessage(v))
		if err != nil {
			t.Fatal(err)
		}
		ov[f] = b
	}
	in.SetReview(Review{Status: Edited, By: sp("alice"), Overrides: ov})
	check := func(when string) {
		t.Helper()
		r := in.Record()
		if r.Counts.Killed == nil || r.Counts.Killed.Min != 16 || r.Type != "COERCE" || r.Location.Name != "Maiduguri" ||
			r.Source == nil || str(r.Source.Name) != "Boko Haram" || str(r.Source.Sector) != "rebels" ||
			r.Date == nil || str(r.Date.Start) != "2024-03-04" || str(r.Date.End) != "2024-03-05" || !r.Reviewed {
			t.Errorf("%s: got %+v, want the values set by hand", when, r)
		}
		for _, s := range r.Sources {
			if s.Article == "a1" && (s.Counts.Killed.Min != 12 || s.Location.Name != "P" || s.Type != "ASSAULT") {
				t.Errorf("%s: source a1 %+v, want what it said", when, s)
			}
		}
		if a.Event.Source.Name != nil || a.Event.Counts.Killed.Min != 12 || a.Event.Location.Name != "P" {
			t.Errorf("%s: the member's own event was written through", when)
		}
	}
	check("set")
	in.Add(member(ev{article: "a2", typ: "ASSAULT", date: "2024-03-04", lat: 11.85, lon: 13.16, prec: "point", country: "NG",
		killed: &model.Range{Min: 9, Max: ip(9)}}))
	check("after a report joined")
}

func TestNeeds(t *testing.T) {
	place := func(lat, lon float64) *model.Place {
		return &model.Place{Name: "P", Lat: lat, Lon: lon, Precision: "city"}
	}
	rng := func(lo, hi int) *model.Range { return &model.Range{Min: lo, Max: ip(hi)} }
	for _, c := range []struct {
		name string
		r    Record
		ov   map[string]json.RawMessage
		want []string
	}{
		{"none", Record{Confidence: 0.8, Location: place(1, 2)}, nil, []string{}},
		{"all", Record{Confidence: 0.59, Sources: []Source{{Counts: model.Counts{Killed: rng(2, 2)}}, {Counts: model.Counts{Killed: rng(3, 3)}}}}, nil,
			[]string{NeedLowConfidence, NeedConflictingFigures, NeedUnresolvedPlace}},
		{"no coordinates", Record{Confidence: 0.6, Location: place(0, 0)}, nil, []string{NeedUnresolvedPlace}},
		{"same figure twice, text aside", Record{Confidence: 0.9, Location: place(1, 2), Sources: []Source{
			{Counts: model.Counts{Injured: &model.Range{Min: 4, Max: ip(4), Text: "four"}}}, {Counts: model.Counts{Injured: rng(4, 4)}}}}, nil, []string{}},
		{"open and closed ranges differ", Record{Confidence: 0.9, Location: place(1, 2), Sources: []Source{
			{Counts: model.Counts{Arrested: &model.Range{Min: 4}}}, {Counts: model.Counts{Arrested: rng(4, 4)}}}}, nil, []string{NeedConflictingFigures}},
		{"participants do not count", Record{Confidence: 0.9, Location: place(1, 2), Sources: []Source{
			{Counts: model.Counts{Participants: rng(100, 100)}}, {Counts: model.Counts{Participants: rng(200, 200)}}}}, nil, []string{}},
		{"a figure set by hand settles it", Record{Confidence: 0.9, Location: place(1, 2), Sources: []Source{
			{Counts: model.Counts{Killed: rng(2, 2)}}, {Counts: model.Counts{Killed: rng(3, 3)}}}},
			map[string]json.RawMessage{"counts.killed": json.RawMessage(`{"min":3,"max":3}`)}, []string{}},
	} {
		if got := needs(&c.r, c.ov); !slices.Equal(got, c.want) {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
}

func TestCheckRecord(t *testing.T) {
	if err := CheckRecord(&Record{Date: &Date{Start: sp("2024-03-05"), End: sp("2024-03-01")}}); !errors.Is(err, ErrBadValue) {
		t.Errorf("end before start: got %v, want ErrBadValue", err)
	}
	if err := CheckRecord(&Record{Date: &Date{Start: sp("2024-03-01"), End: sp("2024-03-01")}}); err != nil {
		t.Errorf("one day: got %v", err)
	}
}

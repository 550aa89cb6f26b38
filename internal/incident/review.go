package incident

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"time"

	"sitrep/internal/model"
)

// Review statuses: what a person decided about an incident.
const (
	Unreviewed = "unreviewed"
	Confirmed  = "confirmed"
	Edited     = "edited"
	Rejected   = "rejected"
)

// Statuses lists the review statuses.
var Statuses = []string{Unreviewed, Confirmed, Edited, Rejected}

// Needs: why an incident wants a person's eyes.
const (
	NeedLowConfidence      = "low_confidence"
	NeedConflictingFigures = "conflicting_figures"
	NeedUnresolvedPlace    = "unresolved_place"
)

// LowConfidence is the confidence below which an incident needs review.
const LowConfidence = 0.6

// Review is what people decided about an incident: a status, who set it
// and when, and the values they set by hand. Overrides maps a field path
// (one of Fields) to its JSON value; Record applies them over the
// reconciled values every time the incident is rebuilt, so that no later
// report, new version or merge undoes a reviewed value.
type Review struct {
	Status    string                     `json:"status"`
	By        *string                    `json:"by"`
	At        *string                    `json:"at"`
	Overrides map[string]json.RawMessage `json:"overrides"`
}

// Reviewed reports whether a person has decided about the incident: the
// meaning of the record's reviewed flag.
func (rv Review) Reviewed() bool {
	return rv.Status == Confirmed || rv.Status == Edited || rv.Status == Rejected
}

// ReviewView is the review object of a record: the review and what the
// incident, as served, needs.
type ReviewView struct {
	Review
	Needs []string `json:"needs"`
}

// SetReview replaces the incident's review; Record applies it from then
// on.
func (in *Incident) SetReview(rv Review) {
	in.review = rv
	in.rec = nil
}

// Review returns the incident's review; a zero status reads as
// Unreviewed.
func (in *Incident) Review() Review {
	rv := in.review
	if rv.Status == "" {
		rv.Status = Unreviewed
	}
	return rv
}

// ErrBadField is a field path that cannot be set by hand.
var ErrBadField = errors.New("not a field that can be set")

// ErrBadValue is a value a field cannot take.
var ErrBadValue = errors.New("bad value")

// Fields are the field paths a reviewer can set, in the order the
// record gives them.
var Fields = []string{
	"type", "mode", "cameo", "modality", "date.start", "date.end", "location",
	"source.name", "target.name",
	"counts.killed", "counts.injured", "counts.arrested", "counts.participants",
}

// Types are the PLOVER event types an incident's type may be set to.
var Types = []string{
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}

var (
	modeRE  = regexp.MustCompile(`^[a-z][a-z-]{0,39}$`)
	cameoRE = regexp.MustCompile(`^[0-9]{2,4}$`)
)

// CheckOverride checks a value given for field and returns it in the
// form stored: compact JSON, a Place or Range with only known keys. The
// error wraps ErrBadField or ErrBadValue and says why.
func CheckOverride(field string, raw json.RawMessage) (json.RawMessage, error) {
	bad := func(want string) error { return fmt.Errorf("%s: want %s: %w", field, want, ErrBadValue) }
	isNull := bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
	var v any
	switch field {
	case "type":
		var s string
		if json.Unmarshal(raw, &s) != nil || !contains(Types, strings.ToUpper(s)) {
			return nil, bad("a PLOVER type such as ASSAULT or PROTEST")
		}
		v = strings.ToUpper(s)
	case "mode", "source.name", "target.name":
		if isNull {
			return json.RawMessage("null"), nil
		}
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return nil, bad("a string or null")
		}
		s = strings.TrimSpace(s)
		switch {
		case field == "mode" && !modeRE.MatchString(s):
			return nil, bad("a PLOVER mode in lower case such as firearms or null")
		case field != "mode" && (s == "" || len(s) > 200):
			return nil, bad("a name of 1 to 200 bytes or null")
		}
		v = s
	case "cameo":
		var s string
		if json.Unmarshal(raw, &s) != nil || !cameoRE.MatchString(s) {
			return nil, bad(`a CAMEO code of 2 to 4 digits such as "190"`)
		}
		v = s
	case "modality":
		var s string
		if json.Unmarshal(raw, &s) != nil || modRank(s) > 7 {
			return nil, bad("a modality such as asserted, alleged or claimed")
		}
		v = s
	case "date.start", "date.end":
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return nil, bad("a date as YYYY-MM-DD")
		}
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return nil, bad("a date as YYYY-MM-DD")
		}
		v = s
	case "location":
		if isNull {
			return json.RawMessage("null"), nil
		}
		p, err := checkPlace(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: %v: %w", field, err, ErrBadValue)
		}
		v = p
	case "counts.killed", "counts.injured", "counts.arrested", "counts.participants":
		if isNull {
			return json.RawMessage("null"), nil
		}
		var r struct {
			Min  *int   `json:"min"`
			Max  *int   `json:"max"`
			Text string `json:"text"`
		}
		if strictDecode(raw, &r) != nil || r.Min == nil || *r.Min < 0 || r.Max != nil && *r.Max < *r.Min || len(r.Text) > 200 {
			return nil, bad(`a range {"min": n, "max": n} with 0 <= min <= max (max null for open), or null`)
		}
		v = &model.Range{Min: *r.Min, Max: r.Max, Text: r.Text}
	default:
		return nil, fmt.Errorf("%q: %w: want one of %s", field, ErrBadField, strings.Join(Fields, ", "))
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", field, err)
	}
	return b, nil
}

// checkPlace reads a place given by hand: a Place object, or just a
// name, coordinates and a country.
func checkPlace(raw json.RawMessage) (*model.Place, error) {
	var p model.Place
	if err := strictDecode(raw, &p); err != nil {
		return nil, fmt.Errorf(`want a place {"name": "...", "lat": 1.0, "lon": 2.0, "country": "RU"}: %v`, err)
	}
	p.Name = strings.TrimSpace(p.Name)
	p.Country = strings.ToUpper(strings.TrimSpace(p.Country))
	switch {
	case p.Name == "" || len(p.Name) > 200:
		return nil, errors.New("want a name of 1 to 200 bytes")
	case math.IsNaN(p.Lat) || p.Lat < -90 || p.Lat > 90 || math.IsNaN(p.Lon) || p.Lon < -180 || p.Lon > 180:
		return nil, errors.New("want lat from -90 to 90 and lon from -180 to 180")
	case p.Country != "" && (len(p.Country) != 2 || !isUpper(p.Country)):
		return nil, errors.New("want country as an ISO 3166-1 alpha-2 code such as RU")
	}
	if p.Text == "" {
		p.Text = p.Name
	}
	if p.Precision == "" {
		p.Precision = model.PrecPoint
	}
	if _, ok := precisionRank[p.Precision]; !ok {
		return nil, errors.New("want precision point, city, admin2, admin1, region or country")
	}
	return &p, nil
}

// strictDecode reads one JSON value into v, refusing unknown keys.
func strictDecode(raw json.RawMessage, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("more than one value")
	}
	return nil
}

func isUpper(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// FieldValue returns the value of a field path in r as JSON, for the
// audit log's before and after.
func FieldValue(r *Record, field string) json.RawMessage {
	var v any
	switch field {
	case "type":
		v = r.Type
	case "mode":
		v = r.Mode
	case "cameo":
		v = r.CAMEO
	case "modality":
		v = r.Modality
	case "date.start", "date.end":
		if r.Date != nil {
			v = r.Date.Start
			if field == "date.end" {
				v = r.Date.End
			}
		}
	case "location":
		v = r.Location
	case "source.name", "target.name":
		a := r.Source
		if field == "target.name" {
			a = r.Target
		}
		if a != nil {
			v = a.Name
		}
	case "counts.killed":
		v = r.Counts.Killed
	case "counts.injured":
		v = r.Counts.Injured
	case "counts.arrested":
		v = r.Counts.Arrested
	case "counts.participants":
		v = r.Counts.Participants
	}
	b, err := json.Marshal(v)
	if err != nil {
		return json.RawMessage("null")
	}
	return b
}

// CheckRecord reports what is inconsistent in a record once overrides
// apply: a date range that ends before it starts.
func CheckRecord(r *Record) error {
	if d := r.Date; d != nil && d.Start != nil && d.End != nil && *d.End < *d.Start {
		return fmt.Errorf("date.end %s is before date.start %s: %w", *d.End, *d.Start, ErrBadValue)
	}
	return nil
}

// applyOverrides sets the reviewed values over r's reconciled ones, in
// a fixed order. Values are copied, never written through: the
// reconciled ones point into the members' events. A stored value that no
// longer reads is skipped rather than failing the whole incident.
func applyOverrides(r *Record, ov map[string]json.RawMessage) {
	fields := make([]string, 0, len(ov))
	for f := range ov {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	for _, f := range fields {
		raw := ov[f]
		null := bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
		str := func() (*string, bool) {
			if null {
				return nil, true
			}
			var s string
			if json.Unmarshal(raw, &s) != nil {
				return nil, false
			}
			return &s, true
		}
		switch f {
		case "type", "cameo", "modality":
			s, ok := str()
			if !ok || s == nil {
				continue
			}
			switch f {
			case "type":
				r.Type = *s
			case "cameo":
				r.CAMEO = *s
			default:
				r.Modality = *s
			}
		case "mode":
			if s, ok := str(); ok {
				r.Mode = s
			}
		case "date.start", "date.end":
			s, ok := str()
			if !ok || s == nil {
				continue
			}
			d := Date{Precision: model.DateDay}
			if r.Date != nil {
				d = *r.Date
			}
			if f == "date.start" {
				d.Start = s
			} else {
				d.End = s
			}
			// A date set by hand on an undated incident is one day.
			if d.Start == nil {
				d.Start = s
			}
			if d.End == nil {
				d.End = s
			}
			if *d.Start == *d.End {
				d.Precision = model.DateDay
			}
			r.Date = &d
		case "location":
			if null {
				r.Location = nil
				continue
			}
			var p model.Place
			if json.Unmarshal(raw, &p) == nil {
				r.Location = &p
			}
		case "source.name", "target.name":
			s, ok := str()
			if !ok {
				continue
			}
			dst := &r.Source
			if f == "target.name" {
				dst = &r.Target
			}
			var a model.Actor
			if *dst != nil {
				a = **dst
			} else if s == nil {
				continue
			}
			a.Name = s
			if s != nil && a.Text == "" {
				a.Text = *s
			}
			*dst = &a
		case "counts.killed", "counts.injured", "counts.arrested", "counts.participants":
			var c *model.Range
			if !null {
				c = &model.Range{}
				if json.Unmarshal(raw, c) != nil {
					continue
				}
			}
			switch f {
			case "counts.killed":
				r.Counts.Killed = c
			case "counts.injured":
				r.Counts.Injured = c
			case "counts.arrested":
				r.Counts.Arrested = c
			default:
				r.Counts.Participants = c
			}
		}
	}
}

// needs says why a record wants review: its confidence is low, its
// sources give different tolls (for a toll no one has set by hand), or
// it has no place on the map.
func needs(r *Record, ov map[string]json.RawMessage) []string {
	out := []string{}
	if r.Confidence < LowConfidence {
		out = append(out, NeedLowConfidence)
	}
	for _, c := range []struct {
		field string
		get   func(model.Counts) *model.Range
	}{
		{"counts.killed", func(c model.Counts) *model.Range { return c.Killed }},
		{"counts.injured", func(c model.Counts) *model.Range { return c.Injured }},
		{"counts.arrested", func(c model.Counts) *model.Range { return c.Arrested }},
	} {
		if _, set := ov[c.field]; set {
			continue
		}
		seen := map[string]bool{}
		for _, s := range r.Sources {
			if g := c.get(s.Counts); g != nil {
				seen[fmt.Sprintf("%d-%d", g.Min, upper(g))] = true
			}
		}
		if len(seen) > 1 {
			out = append(out, NeedConflictingFigures)
			break
		}
	}
	if p := r.Location; p == nil || p.Lat == 0 && p.Lon == 0 {
		out = append(out, NeedUnresolvedPlace)
	}
	return out
}

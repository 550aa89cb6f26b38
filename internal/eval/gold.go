// Package eval measures sitrep against evaluation sets. gold.go scores
// extract documents against gold files with the semantics of
// ../shared/eval/score_gold.py (see gold-format.md there), so that
// `sitrep eval gold DIR` reproduces its figures in one command.
package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"sitrep/internal/model"
)

// maxSpan is the longest evidence span the scorer reads, in bytes.
const maxSpan = 1200

// Gold is one gold file.
type Gold struct {
	Name          string      `json:"name"`
	Doc           string      `json:"doc"`
	Published     string      `json:"published"`
	TitleContains string      `json:"title_contains"`
	TextExcludes  []string    `json:"text_excludes"`
	Events        []GoldEvent `json:"events"`
	Forbidden     []Forbidden `json:"forbidden"`
	Places        []GoldPlace `json:"places"`
}

// GoldEvent is an event a careful coder would record.
type GoldEvent struct {
	ID             string               `json:"id"`
	Required       *bool                `json:"required"`
	Type           string               `json:"type"`
	Mode           []string             `json:"mode"`
	CameoPrefix    []string             `json:"cameo_prefix"`
	Date           *GoldDate            `json:"date"`
	Place          *GoldPlace           `json:"place"`
	Source         *GoldActor           `json:"source"`
	Target         *GoldActor           `json:"target"`
	Counts         map[string]GoldCount `json:"counts"`
	ModalityAny    []string             `json:"modality_any"`
	AttributionAny []string             `json:"attribution_any"`
	EvidenceAny    []string             `json:"evidence_any"`
}

func (g GoldEvent) required() bool { return g.Required == nil || *g.Required }

// GoldDate is a gold date range.
type GoldDate struct{ Start, End string }

// GoldPlace is a point with a radius, or a country.
type GoldPlace struct {
	Text    string   `json:"text"`
	Lat     *float64 `json:"lat"`
	Lon     *float64 `json:"lon"`
	KM      *float64 `json:"km"`
	Country string   `json:"country"`
}

// GoldActor checks an actor.
type GoldActor struct {
	NameAny   []string `json:"name_any"`
	SectorAny []string `json:"sector_any"`
	Country   string   `json:"country"`
}

// GoldCount bounds a count.
type GoldCount struct {
	Min   *int `json:"min"`
	Max   *int `json:"max"`
	Exact *int `json:"exact"`
}

// Forbidden is a reading that must not appear.
type Forbidden struct {
	TypeAny        []string `json:"type_any"`
	EvidenceAny    []string `json:"evidence_any"`
	UnlessModality []string `json:"unless_modality"`
}

// LoadGold reads a gold file.
func LoadGold(path string) (*Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g Gold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("parse gold %s: %w", path, err)
	}
	return &g, nil
}

// Report is the score of one document.
type Report struct {
	Name        string
	Required    int
	Found       int
	FieldsOK    int
	Fields      int
	Missed      []string
	FieldMisses map[string][]string
	// FieldWhy says, for each gold event, what was read for each field
	// it missed and what the gold wants.
	FieldWhy     map[string][]string
	Predicted    int
	Matched      int
	Forbidden    int
	Boilerplate  int
	TitleOK      bool
	Places       int
	PlacesTotal  int
	PlacesMissed []string
	// Unmatched lists the predictions no gold event took, as
	// "TYPE trigger (confidence)".
	Unmatched []string
	// Confident and ConfidentRight count predictions with confidence of
	// 0.8 or more, and those of them that matched a gold event.
	Confident, ConfidentRight int
}

// Precision is matched predictions over all predictions.
func (r Report) Precision() float64 {
	if r.Predicted == 0 {
		if r.Required > 0 {
			return 0
		}
		return 1
	}
	return float64(r.Matched) / float64(r.Predicted)
}

// Pass applies the scorer's default thresholds.
func (r Report) Pass() bool {
	recall := 1.0
	if r.Required > 0 {
		recall = float64(r.Found) / float64(r.Required)
	}
	fields := 1.0
	if r.Fields > 0 {
		fields = float64(r.FieldsOK) / float64(r.Fields)
	}
	return recall >= 1 && fields >= 0.9 && round3(r.Precision()) >= 0.6 && r.Forbidden == 0 &&
		r.Boilerplate == 0 && r.TitleOK && r.Places >= r.PlacesTotal
}

// Line is the scorer's summary line.
func (r Report) Line() string {
	t := "ok"
	if !r.TitleOK {
		t = "missing"
	}
	return fmt.Sprintf("%s: events %d/%d, fields %d/%d, precision %s, forbidden %d, boilerplate %d, title %s, places %d/%d",
		r.Name, r.Found, r.Required, r.FieldsOK, r.Fields, pyFloat(round3(r.Precision())), r.Forbidden, r.Boilerplate, t, r.Places, r.PlacesTotal)
}

// pyFloat formats a float as Python prints it ("1.0", "0.667").
func pyFloat(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// round3 rounds as Python's round(f, 3) does: to the nearest of the
// exact binary value, ties to even (13/16 is 0.812, not 0.813).
func round3(f float64) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 3, 64), 64)
	return r
}

// Score scores doc against gold.
func Score(gold *Gold, doc *model.Document) Report {
	raw := doc.Article.Text
	rep := Report{Name: gold.Name, FieldMisses: map[string][]string{}, FieldWhy: map[string][]string{}, Predicted: len(doc.Events)}
	type pair struct {
		req       bool
		ok, total int
		gi, pi    int
		missed    []string
	}
	var pairs []pair
	for gi, g := range gold.Events {
		for pi, p := range doc.Events {
			if canMatch(p, g, raw) {
				ok, total, missed := fields(p, g)
				pairs = append(pairs, pair{g.required(), ok, total, gi, pi, missed})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool {
		a, b := pairs[i], pairs[j]
		if a.req != b.req {
			return a.req
		}
		if a.ok != b.ok {
			return a.ok > b.ok
		}
		// score_gold.py sorts by -total: among pairs with as many
		// fields right, the one checking more fields comes first.
		return a.total > b.total
	})
	goldOf := map[int]pair{}
	used := map[int]bool{}
	for _, p := range pairs {
		if _, ok := goldOf[p.gi]; ok || used[p.pi] {
			continue
		}
		goldOf[p.gi] = p
		used[p.pi] = true
	}
	for gi, g := range gold.Events {
		if !g.required() {
			continue
		}
		rep.Required++
		p, ok := goldOf[gi]
		if !ok {
			rep.Missed = append(rep.Missed, g.ID)
			_, total, _ := fields(&model.Event{}, g)
			rep.Fields += total
			continue
		}
		rep.Found++
		rep.FieldsOK += p.ok
		rep.Fields += p.total
		if len(p.missed) > 0 {
			rep.FieldMisses[g.ID] = p.missed
			rep.FieldWhy[g.ID] = why(doc.Events[p.pi], g, p.missed)
		}
	}
	for _, f := range gold.Forbidden {
		for _, p := range doc.Events {
			if (len(f.TypeAny) == 0 || contains(f.TypeAny, p.Type)) && !contains(f.UnlessModality, p.Modality) {
				for _, x := range f.EvidenceAny {
					if readsFrom(p, raw, x) {
						rep.Forbidden++
						break
					}
				}
			}
		}
	}
	rep.Matched = len(used)
	for pi, p := range doc.Events {
		if !used[pi] {
			trig := ""
			if len(p.Evidence) > 0 {
				trig = p.Evidence[0].Trigger
			}
			rep.Unmatched = append(rep.Unmatched, fmt.Sprintf("%s %q (%.2f)", p.Type, trig, p.Confidence))
		}
		if p.Confidence >= 0.8 {
			rep.Confident++
			if used[pi] {
				rep.ConfidentRight++
			}
		}
	}
	text := strings.ToLower(raw)
	for _, x := range gold.TextExcludes {
		if strings.Contains(text, strings.ToLower(x)) {
			rep.Boilerplate++
		}
	}
	titles := strings.ToLower(doc.Article.Title + " | " + strings.Join(doc.Article.Titles, " | "))
	rep.TitleOK = strings.Contains(titles, strings.ToLower(gold.TitleContains))
	rep.PlacesTotal = len(gold.Places)
	rep.Places, rep.PlacesMissed = placesOK(doc, gold.Places)
	return rep
}

type span struct{ text, trigger string }

func evidence(ev *model.Event, raw string) []span {
	var out []span
	for _, e := range ev.Evidence {
		if !(0 <= e.Start && e.Start < e.End && e.End <= len(raw)) || e.End-e.Start > maxSpan {
			continue
		}
		out = append(out, span{strings.ToLower(strings.ToValidUTF8(raw[e.Start:e.End], "\uFFFD")), strings.ToLower(e.Trigger)})
	}
	return out
}

func readsFrom(ev *model.Event, raw, phrase string) bool {
	phrase = strings.ToLower(phrase)
	for _, s := range evidence(ev, raw) {
		if strings.Contains(s.text, phrase) && (s.trigger == "" || strings.Contains(phrase, s.trigger)) {
			return true
		}
	}
	return false
}

func canMatch(p *model.Event, g GoldEvent, raw string) bool {
	if p.Type != g.Type {
		return false
	}
	for _, s := range evidence(p, raw) {
		for _, x := range g.EvidenceAny {
			if strings.Contains(s.text+" "+s.trigger, strings.ToLower(x)) {
				return true
			}
		}
	}
	return g.Date != nil && g.Place != nil && dateOK(p.Date, *g.Date) && placeOK(p.Location, *g.Place)
}

func day(s *string) (time.Time, bool) {
	if s == nil || len(*s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", (*s)[:10])
	return t, err == nil
}

func dateOK(d *model.Date, g GoldDate) bool {
	if d == nil {
		return false
	}
	s, ok1 := day(d.Start)
	endp := d.End
	if endp == nil {
		endp = d.Start
	}
	e, ok2 := day(endp)
	gs, _ := day(&g.Start)
	ge, _ := day(&g.End)
	if !ok1 || !ok2 || e.Before(s) {
		return false
	}
	width, gwidth := e.Sub(s).Hours()/24, ge.Sub(gs).Hours()/24
	return !s.After(ge) && !e.Before(gs) && width <= math.Max(7, 2*gwidth)
}

func placeOK(p *model.Place, g GoldPlace) bool {
	if g.Country != "" && g.Lat == nil {
		return p != nil && strings.EqualFold(p.Country, g.Country)
	}
	if p == nil || g.Lat == nil || g.Lon == nil {
		return false
	}
	km := 50.0
	if g.KM != nil {
		km = *g.KM
	}
	return Haversine(p.Lat, p.Lon, *g.Lat, *g.Lon) <= km
}

// Haversine is the great-circle distance in kilometres.
func Haversine(lat1, lon1, lat2, lon2 float64) float64 {
	r := math.Pi / 180
	h := math.Pow(math.Sin((lat2-lat1)*r/2), 2) + math.Cos(lat1*r)*math.Cos(lat2*r)*math.Pow(math.Sin((lon2-lon1)*r/2), 2)
	return 6371 * 2 * math.Asin(math.Min(1, math.Sqrt(h)))
}

func actorOK(a *model.Actor, g GoldActor) bool {
	if a == nil {
		return false
	}
	if len(g.NameAny) > 0 {
		blob := strings.ToLower(deref(a.Name) + " " + a.Text)
		hit := false
		for _, n := range g.NameAny {
			if strings.Contains(blob, strings.ToLower(n)) {
				hit = true
			}
		}
		if !hit {
			return false
		}
	}
	if len(g.SectorAny) > 0 && (a.Sector == nil || !contains(g.SectorAny, *a.Sector)) {
		return false
	}
	if g.Country != "" && !strings.EqualFold(deref(a.Country), g.Country) {
		return false
	}
	return true
}

func countOK(p *model.Event, name string, g GoldCount) bool {
	var c *model.Range
	switch name {
	case "killed":
		c = p.Counts.Killed
	case "injured":
		c = p.Counts.Injured
	case "arrested":
		c = p.Counts.Arrested
	case "participants":
		c = p.Counts.Participants
	}
	if c == nil {
		return false
	}
	lo, hi := c.Min, c.Max
	if g.Exact != nil {
		return lo == *g.Exact && hi != nil && *hi == *g.Exact
	}
	if g.Min != nil && lo < *g.Min {
		return false
	}
	if g.Max != nil {
		return hi != nil && *hi <= *g.Max
	}
	gmin := 0
	if g.Min != nil {
		gmin = *g.Min
	}
	return lo <= max(3*gmin, gmin+2)
}

func fields(p *model.Event, g GoldEvent) (ok, total int, missed []string) {
	check := func(name string, pass bool) {
		total++
		if pass {
			ok++
		} else {
			missed = append(missed, name)
		}
	}
	if g.Mode != nil {
		check("mode", p.Mode != nil && contains(g.Mode, *p.Mode))
	}
	if g.CameoPrefix != nil {
		hit := false
		for _, x := range g.CameoPrefix {
			if p.CAMEO != "" && strings.HasPrefix(p.CAMEO, x) {
				hit = true
			}
		}
		check("cameo", hit)
	}
	if g.Date != nil {
		check("date", dateOK(p.Date, *g.Date))
	}
	if g.Place != nil {
		check("place", placeOK(p.Location, *g.Place))
	}
	if g.Source != nil {
		check("source", actorOK(p.Source, *g.Source))
	}
	if g.Target != nil {
		check("target", actorOK(p.Target, *g.Target))
	}
	names := make([]string, 0, len(g.Counts))
	for n := range g.Counts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		check("counts."+n, countOK(p, n, g.Counts[n]))
	}
	if g.ModalityAny != nil {
		check("modality", contains(g.ModalityAny, p.Modality))
	}
	if g.AttributionAny != nil {
		blob := ""
		if p.Attribution != nil {
			src := "{}" // json.dumps(a.get("source") or {})
			if p.Attribution.Source != nil {
				src = pyDumps(p.Attribution.Source)
			}
			blob = strings.ToLower(p.Attribution.Text + " " + src)
		}
		hit := false
		for _, x := range g.AttributionAny {
			if blob != "" && strings.Contains(blob, strings.ToLower(x)) {
				hit = true
			}
		}
		check("attribution", hit)
	}
	return ok, total, missed
}

// why says, for each missed field, what the prediction holds and what
// the gold wants.
func why(p *model.Event, g GoldEvent, missed []string) []string {
	js := func(v any) string {
		b, _ := json.Marshal(v)
		return string(b)
	}
	var out []string
	for _, f := range missed {
		var got, want any
		switch {
		case f == "mode":
			got, want = p.Mode, g.Mode
		case f == "cameo":
			got, want = p.CAMEO, g.CameoPrefix
		case f == "date":
			got, want = p.Date, g.Date
		case f == "place":
			got, want = p.Location, g.Place
		case f == "source":
			got, want = p.Source, g.Source
		case f == "target":
			got, want = p.Target, g.Target
		case f == "modality":
			got, want = p.Modality, g.ModalityAny
		case f == "attribution":
			got, want = p.Attribution, g.AttributionAny
		case strings.HasPrefix(f, "counts."):
			got, want = p.Counts, g.Counts[strings.TrimPrefix(f, "counts.")]
		}
		out = append(out, fmt.Sprintf("%s: got %s, want %s", f, js(got), js(want)))
	}
	return out
}

func placesOK(doc *model.Document, gps []GoldPlace) (int, []string) {
	raw := doc.Article.Text
	n := 0
	var missed []string
	for _, g := range gps {
		hit := false
		for _, e := range doc.Entities {
			if e.Kind != model.KindPlace {
				continue
			}
			names := []string{e.Text}
			for _, m := range e.Mentions {
				if 0 <= m.Start && m.Start <= m.End && m.End <= len(raw) {
					names = append(names, raw[m.Start:m.End])
				}
			}
			for _, nm := range names {
				if strings.Contains(strings.ToLower(nm), strings.ToLower(g.Text)) && placeOK(e.Place, g) {
					hit = true
				}
			}
		}
		if hit {
			n++
		} else {
			missed = append(missed, g.Text)
		}
	}
	return n, missed
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// pyDumps writes v as Python's json.dumps does by default, which
// score_gold.py searches attribution phrases in: ", " and ": " between
// items, no HTML escaping, and every character beyond ASCII escaped
// ("Th\u00e9odore", so "Théodore" is not found in it).
func pyDumps(v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return ""
	}
	var b strings.Builder
	inString, escaped := false, false
	for _, r := range strings.TrimSuffix(buf.String(), "\n") {
		switch {
		case inString && escaped:
			escaped = false
		case inString && r == '\\':
			escaped = true
		case r == '"':
			inString = !inString
		}
		switch {
		case r > 0xFFFF:
			hi, lo := utf16.EncodeRune(r)
			fmt.Fprintf(&b, "\\u%04x\\u%04x", hi, lo)
		case r > 0x7F:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
			if !inString && (r == ',' || r == ':') {
				b.WriteByte(' ')
			}
		}
	}
	return b.String()
}

package incident

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"time"

	"sitrep/internal/model"
)

// Schema is the schema tag of an incident record.
const Schema = "sitrep/incident/v1"

// UndatedWindow is how many days before its report's publication an event
// without a date of its own is taken to have happened.
const UndatedWindow = 3

// Member is one event of one report, as an incident holds it.
type Member struct {
	// Article is the id of the article the event was read from.
	Article string
	// Seq is the article's place in ingest order.
	Seq int64
	// Input is the file path or URL the article was ingested from.
	Input string
	// URL, Outlet, Title and Published describe the article.
	URL       *string
	Outlet    *string
	Title     string
	Published *string
	// Event is the event as extracted (extract-v1).
	Event *model.Event
	// Evidence is the event's evidence spans with their words.
	Evidence []Evidence
	// Copies are the other inputs that carried the same article, such as
	// a syndicated copy under another headline.
	Copies []Copy
	// Reason says why the event joined its incident; Score is the match
	// score. Both are empty for the event that founded the incident.
	Reason string
	Score  float64
}

// Evidence is an evidence span of an event and its words.
type Evidence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Copy is another input that carried the same article.
type Copy struct {
	Input     string  `json:"input"`
	URL       *string `json:"url"`
	Outlet    *string `json:"outlet"`
	Title     string  `json:"title"`
	Published *string `json:"published"`
	// Relation is "copy" for the same text, "near" for a near duplicate.
	Relation string `json:"relation"`
	// Similarity is the share of word shingles the copy shares.
	Similarity float64 `json:"similarity"`
}

// Incident is one happening and the events that report it, in the order
// they joined; the first founded it.
type Incident struct {
	ID      string
	Seq     int64
	Members []*Member

	review Review  // what people decided; see SetReview
	rec    *Record // the record, built on first use
}

// ID returns the stable id of an incident founded by event eventID of
// article articleID.
func ID(articleID, eventID string) string {
	a := articleID
	if len(a) > 16 {
		a = a[:16]
	}
	if a == "" || !isHex(a) {
		sum := sha256.Sum256([]byte(articleID))
		a = hex.EncodeToString(sum[:8])
	}
	return a + "-" + eventID
}

func isHex(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return false
		}
	}
	return true
}

// Eligible reports whether an event describes something that happened or
// is said to have happened, and so belongs in an incident: not negated and
// not hypothetical.
func Eligible(ev *model.Event) bool {
	return ev != nil && ev.Type != "" && ev.Modality != model.Negated && ev.Modality != model.Hypothetical
}

// New returns an incident founded by m.
func New(m *Member, seq int64) *Incident {
	m.Reason, m.Score = "", 0
	return &Incident{ID: ID(m.Article, m.Event.ID), Seq: seq, Members: []*Member{m}}
}

// Add appends m to the incident.
func (in *Incident) Add(m *Member) {
	in.Members = append(in.Members, m)
	in.rec = nil
}

// Absorb moves every member of o into the incident, noting why.
func (in *Incident) Absorb(o *Incident, why string) {
	for _, m := range o.Members {
		if m.Reason == "" {
			m.Reason = "founded " + o.ID
		}
		m.Reason += "; " + why
		in.Members = append(in.Members, m)
	}
	in.rec = nil
}

// hasArticle reports whether an event of article id is in the incident.
func (in *Incident) hasArticle(id string) bool {
	for _, m := range in.Members {
		if m.Article == id {
			return true
		}
	}
	return false
}

// dateRange is an absolute range of days; weak when it is guessed from a
// publication date.
type dateRange struct {
	start, end time.Time
	weak       bool
}

func (r dateRange) String() string {
	s, e := r.start.Format(time.DateOnly), r.end.Format(time.DateOnly)
	if s == e {
		return s
	}
	return s + " to " + e
}

// memberDates returns the range an event's date covers, or a weak range
// before its report's publication, or false.
func memberDates(m *Member) (dateRange, bool) {
	if d := m.Event.Date; d != nil && d.Start != nil && d.End != nil {
		s, err1 := time.Parse(time.DateOnly, *d.Start)
		e, err2 := time.Parse(time.DateOnly, *d.End)
		if err1 == nil && err2 == nil && !e.Before(s) {
			return dateRange{start: s, end: e}, true
		}
	}
	if m.Published != nil {
		if p, err := time.Parse(time.DateOnly, *m.Published); err == nil {
			return dateRange{start: p.AddDate(0, 0, -UndatedWindow), end: p, weak: true}, true
		}
	}
	return dateRange{}, false
}

// incidentDates is the reconciled date of in, or the weak window of its
// first member when no member has a date.
func incidentDates(in *Incident) (dateRange, bool) {
	r := in.Record()
	if r.Date != nil && r.Date.Start != nil && r.Date.End != nil {
		s, err1 := time.Parse(time.DateOnly, *r.Date.Start)
		e, err2 := time.Parse(time.DateOnly, *r.Date.End)
		if err1 == nil && err2 == nil {
			return dateRange{start: s, end: e}, true
		}
	}
	for _, m := range in.Members {
		if d, ok := memberDates(m); ok {
			return d, true
		}
	}
	return dateRange{}, false
}

// Dates returns the range of days an event is taken to cover, for finding
// candidate incidents: its own date, or the window before its report's
// publication. ok is false when neither is known.
func Dates(m *Member) (start, end string, ok bool) {
	d, ok := memberDates(m)
	if !ok {
		return "", "", false
	}
	return d.start.Format(time.DateOnly), d.end.Format(time.DateOnly), true
}

// precisionRank orders place precisions, finest first.
var precisionRank = map[string]int{
	model.PrecPoint: 0, model.PrecCity: 1, model.PrecAdmin2: 2,
	model.PrecAdmin1: 3, model.PrecRegion: 4, model.PrecCountry: 5,
}

// EarthKm is the mean radius of the earth that Km measures on.
const EarthKm = 6371.0088

// Fine reports whether a place is at district precision or finer: two
// such places are compared by distance (see Match and MaxKm).
func Fine(p *model.Place) bool { return placeRank(p) <= precisionRank[model.PrecAdmin2] }

func placeRank(p *model.Place) int {
	if r, ok := precisionRank[p.Precision]; ok {
		return r
	}
	return 5
}

// dateRank orders date precisions, finest first.
var dateRank = map[string]int{
	model.DateDay: 0, model.DateWeek: 1, model.DateMonth: 2, model.DateYear: 3, model.DateUnknown: 4,
}

// modalityRank orders modalities, most assertive first.
var modalityRank = map[string]int{
	model.Asserted: 0, model.Alleged: 1, model.Claimed: 2, model.Denied: 3,
	model.Threatened: 4, model.Planned: 5, model.Hypothetical: 6, model.Negated: 7,
}

func modRank(m string) int {
	if r, ok := modalityRank[m]; ok {
		return r
	}
	return 8
}

// MaxKm returns the greatest distance in kilometres between two places,
// both known to a city or finer, at which events of type typ may be one
// happening: a protest fills a square, an air campaign a district.
func MaxKm(typ string) float64 {
	switch typ {
	case "PROTEST":
		return 10
	case "ASSAULT", "COERCE":
		return 25
	case "MOBILIZE", "THREATEN":
		return 50
	default:
		return 100
	}
}

// Km is the great-circle distance between two points in kilometres.
func Km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = EarthKm
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// placeName is a short name of a place for explanations.
func placeName(p *model.Place) string {
	if p.Name != "" {
		return p.Name
	}
	return p.Text
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func fmtKm(d float64) string {
	if d < 10 {
		return fmt.Sprintf("%.1f km", d)
	}
	return fmt.Sprintf("%.0f km", d)
}

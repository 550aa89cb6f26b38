// Package model holds the plain data that flows through sitrep's pipeline:
// articles, entities, events, actors and places. It does no I/O. The JSON
// field names are the output contract sitrep/extract/v1
// (../shared/spec/extract-v1.md): fields may be added, never renamed.
package model

// Schema is the schema tag of an extract document.
const Schema = "sitrep/extract/v1"

// Document is the output of extracting one report.
type Document struct {
	Schema   string    `json:"schema"`
	Article  *Article  `json:"article"`
	Entities []*Entity `json:"entities"`
	Events   []*Event  `json:"events"`
}

// Article is one report: its clean body text and metadata.
type Article struct {
	ID        string     `json:"id"`
	URL       *string    `json:"url"`
	Outlet    *string    `json:"outlet"`
	Title     string     `json:"title"`
	Titles    []string   `json:"titles"`
	Published *string    `json:"published"`
	Language  string     `json:"language"`
	Text      string     `json:"text"`
	Sentences []Sentence `json:"sentences"`
}

// Sentence is a sentence of Article.Text as byte offsets, End exclusive.
type Sentence struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Span is a byte range of Article.Text, End exclusive.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Entity kinds.
const (
	KindPerson      = "person"
	KindOrg         = "org"
	KindPlace       = "place"
	KindGroup       = "group"
	KindNationality = "nationality"
)

// Entity is a person, organisation, place, group or nationality named in
// the text, with every mention of it.
type Entity struct {
	ID       string         `json:"id"`
	Text     string         `json:"text"`
	Kind     string         `json:"kind"`
	Mentions []Span         `json:"mentions"`
	Attrs    map[string]any `json:"attrs,omitempty"`
	// Place is set for entities of kind place: the gazetteer entry the name
	// resolved to, or nil when it could not be resolved.
	Place *Place `json:"place,omitempty"`
}

// Place precisions.
const (
	PrecPoint   = "point"
	PrecCity    = "city"
	PrecAdmin2  = "admin2"
	PrecAdmin1  = "admin1"
	PrecRegion  = "region"
	PrecCountry = "country"
)

// Place is a resolved location.
type Place struct {
	Text      string  `json:"text"`
	Name      string  `json:"name"`
	GeonameID *int    `json:"geonameid"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Admin1    string  `json:"admin1,omitempty"`
	Country   string  `json:"country"`
	Feature   string  `json:"feature,omitempty"`
	Precision string  `json:"precision"`
}

// Date precisions.
const (
	DateDay     = "day"
	DateWeek    = "week"
	DateMonth   = "month"
	DateYear    = "year"
	DateUnknown = "unknown"
)

// Date is a date expression resolved to an absolute range of days
// (YYYY-MM-DD, both ends inclusive). Start and End are nil when the
// expression could not be resolved.
type Date struct {
	Text      string  `json:"text"`
	Start     *string `json:"start"`
	End       *string `json:"end"`
	Precision string  `json:"precision"`
}

// Range is a count given as a range; Max is nil for an open bound.
type Range struct {
	Min  int    `json:"min"`
	Max  *int   `json:"max"`
	Text string `json:"text"`
}

// Counts are the tolls of an event; each is nil when the text does not say.
type Counts struct {
	Killed       *Range `json:"killed"`
	Injured      *Range `json:"injured"`
	Arrested     *Range `json:"arrested"`
	Participants *Range `json:"participants"`
}

// Actor is the source or target of an event.
type Actor struct {
	Text    string  `json:"text"`
	Name    *string `json:"name"`
	Entity  *string `json:"entity"`
	Kind    string  `json:"kind"`
	Sector  *string `json:"sector"`
	Country *string `json:"country"`
	CAMEO   *string `json:"cameo"`
}

// ACLED is an ACLED event type and sub-event type.
type ACLED struct {
	EventType    string `json:"event_type"`
	SubEventType string `json:"sub_event_type"`
}

// Attribution says who reports an event.
type Attribution struct {
	Text   string `json:"text"`
	Source *Actor `json:"source"`
}

// Evidence is the span of one sentence an event was read from.
type Evidence struct {
	Sentence int    `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Trigger  string `json:"trigger"`
}

// Modalities.
const (
	Asserted     = "asserted"
	Alleged      = "alleged"
	Claimed      = "claimed"
	Denied       = "denied"
	Negated      = "negated"
	Planned      = "planned"
	Threatened   = "threatened"
	Hypothetical = "hypothetical"
)

// Event is one happening read from the text.
type Event struct {
	ID          string       `json:"id"`
	Type        string       `json:"type"`
	Mode        *string      `json:"mode"`
	CAMEO       string       `json:"cameo"`
	ACLED       *ACLED       `json:"acled"`
	Source      *Actor       `json:"source"`
	Target      *Actor       `json:"target"`
	Location    *Place       `json:"location"`
	Date        *Date        `json:"date"`
	Counts      Counts       `json:"counts"`
	Modality    string       `json:"modality"`
	Attribution *Attribution `json:"attribution"`
	Evidence    []Evidence   `json:"evidence"`
	Confidence  float64      `json:"confidence"`
}

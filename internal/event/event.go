// Package event reads events from a report: it finds trigger words from the
// project's lexicon (triggers.tsv), gives each its PLOVER type and mode,
// finds who did it to whom within the clause, how sure the text is, who says
// so, where and when it happened and how many were hurt, and then merges the
// mentions of one happening across the report into one event with several
// evidence spans.
package event

import (
	"time"

	"sitrep/internal/entity"
	"sitrep/internal/model"
	"sitrep/internal/text"
)

// DateExpr is a date expression found in the text.
type DateExpr struct {
	Start, End int
	Date       model.Date
	// Anaphoric marks "on the same day": the date of another event,
	// shifted by Offset days ("a day earlier": -1).
	Anaphoric bool
	Offset    int
	// Background marks "since February": never the date of an event.
	Background bool
}

// Toll is a casualty, arrest or turnout figure found in a sentence.
type Toll struct {
	Role                           string // killed, injured, arrested, participants
	Range                          model.Range
	Start, End, VerbStart, VerbEnd int
}

// Input is what Extract reads. Every offset is into Text.
type Input struct {
	Text      string
	Sentences []model.Sentence
	Tokens    [][]text.Token
	Entities  *entity.Result
	Places    []entity.PlaceSpan
	Dates     []DateExpr
	Tolls     [][]Toll // per sentence
	// Focus is the country the report is about ("" when unclear); it
	// stands for "the country" and "nationwide".
	Focus *model.Place
	// Capital is the focus country's capital city; it stands for "the
	// capital" and "the country's capital".
	Capital *model.Place
	// ISO3 turns an ISO alpha-2 country code into the alpha-3 code that
	// CAMEO actor codes start with; nil leaves actor codes without country.
	ISO3 func(iso2 string) string
	// Published is the reference date; the zero time means none. Events
	// dated long before it are background, not news.
	Published time.Time
}

// Extract reads the events of a report.
func Extract(in Input) ([]*model.Event, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	r := &reader{in: in, lex: lx, iso3: in.ISO3, dictCoded: map[*model.Actor]bool{}, said: map[int]said{}}
	if r.iso3 == nil {
		r.iso3 = func(string) string { return "" }
	}
	var ms []*mention
	for si := range in.Sentences {
		ms = append(ms, r.sentence(si)...)
	}
	r.tollsAfter(ms)
	r.context(ms)
	r.crowds(ms)
	return r.merge(ms), nil
}

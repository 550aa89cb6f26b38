package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"sitrep/internal/model"
)

// PLOVER examples (../shared/data/plover/PLOVER_GSR_CAMEO.txt): the
// sentences of the CAMEO manual coded with a PLOVER event type by the
// Open Event Data Alliance, a sanity set for typing. They were coded
// with PLOVER 0.5, whose DEMAND, DISAPPROVE, INVESTIGATE and FIGHT the
// current codebook folds into REQUEST, ACCUSE (disapprove, investigate)
// and ASSAULT; the score maps them so.

// PLOVERExample is one coded sentence.
type PLOVERExample struct {
	ID    string `json:"id"`
	Event string `json:"event"`
	Text  string `json:"text"`
	Date  string `json:"date"`
}

// ploverNow maps PLOVER 0.5 types to the current ones.
var ploverNow = map[string]string{
	"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
}

// ReadPLOVER reads the examples, leaving out the documentation entries.
func ReadPLOVER(r io.Reader) ([]PLOVERExample, error) {
	var all []PLOVERExample
	if err := json.NewDecoder(r).Decode(&all); err != nil {
		return nil, fmt.Errorf("parse PLOVER examples: %w", err)
	}
	out := all[:0]
	for _, e := range all {
		if e.Event == "DOCUMENT" || strings.TrimSpace(e.Text) == "" {
			continue
		}
		if now, ok := ploverNow[e.Event]; ok {
			e.Event = now
		}
		out = append(out, e)
	}
	return out, nil
}

// PLOVERScore counts, by gold type, the sentences whose most confident
// event has that type (Top), those where any event has it (Any), and
// those with no event at all (None).
type PLOVERScore struct {
	Total, Top, Any, None int
	ByType                map[string]*PLOVERTypeScore
}

// PLOVERTypeScore is the score of one type: gold sentences, and how many
// of them got the type first or at all; Predicted counts sentences
// whose most confident event has the type, whatever the gold.
type PLOVERTypeScore struct {
	Gold, Top, Any, Predicted int
}

// NewPLOVERScore returns an empty score.
func NewPLOVERScore() *PLOVERScore { return &PLOVERScore{ByType: map[string]*PLOVERTypeScore{}} }

func (s *PLOVERScore) typ(t string) *PLOVERTypeScore {
	if s.ByType[t] == nil {
		s.ByType[t] = &PLOVERTypeScore{}
	}
	return s.ByType[t]
}

// Add scores one sentence and returns the type of its most confident
// event, or "".
func (s *PLOVERScore) Add(gold string, doc *model.Document) string {
	s.Total++
	g := s.typ(gold)
	g.Gold++
	top := ""
	best := -1.0
	any := false
	for _, e := range doc.Events {
		if e.Type == gold {
			any = true
		}
		if e.Confidence > best {
			top, best = e.Type, e.Confidence
		}
	}
	if top == "" {
		s.None++
		return ""
	}
	s.typ(top).Predicted++
	if any {
		s.Any++
		g.Any++
	}
	if top == gold {
		s.Top++
		g.Top++
	}
	return top
}

// Write prints the totals and a table by type.
func (s *PLOVERScore) Write(w io.Writer) {
	fmt.Fprintf(w, "sentences %d: most confident event of the gold type %.3f (%d), any event of it %.3f (%d), no event %.3f (%d)\n",
		s.Total, ratio(s.Top, s.Total), s.Top, ratio(s.Any, s.Total), s.Any, ratio(s.None, s.Total), s.None)
	fmt.Fprintf(w, "by type: gold  first  any  predicted first  precision\n")
	types := make([]string, 0, len(s.ByType))
	for t := range s.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		c := s.ByType[t]
		fmt.Fprintf(w, "  %-10s %4d %6d %4d %6d %10.3f\n", t, c.Gold, c.Top, c.Any, c.Predicted, ratio(c.Top, c.Predicted))
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Package pipeline wires sitrep's stages in their one order: article, text,
// places, entities, dates and tolls, events. It is the only package that
// knows that order; each stage is pure and safe to run on many cores.
package pipeline

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/article"
	"sitrep/internal/count"
	"sitrep/internal/dict"
	"sitrep/internal/entity"
	"sitrep/internal/event"
	"sitrep/internal/geo"
	"sitrep/internal/model"
	"sitrep/internal/text"
	"sitrep/internal/timex"
)

// Extractor turns reports into extract documents. It is safe for
// concurrent use.
type Extractor struct {
	gaz    *geo.Gazetteer
	actors *dict.Actors
	agents *dict.Agents
}

// Options are what a user may add to the embedded knowledge.
type Options struct {
	// Actors is a PETRARCH/TABARI actor dictionary: its phrases are read
	// as actors and coded with its codes. Nil means none.
	Actors *dict.Actors
	// Agents is a PETRARCH/TABARI agent dictionary: the role words of an
	// actor a user's dictionary names give its code a role ("Arnor
	// soldiers": ARN + MIL). Nil means sitrep's own sector words.
	Agents *dict.Agents
}

// New returns an Extractor with the embedded gazetteer loaded and, when
// given, the options' dictionaries.
func New(opts ...Options) (*Extractor, error) {
	g, err := geo.Load()
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	x := &Extractor{gaz: g}
	for _, o := range opts {
		if o.Actors != nil {
			x.actors = o.Actors
		}
		if o.Agents != nil {
			x.agents = o.Agents
		}
	}
	return x, nil
}

// Extract reads one raw report, HTML or plain text, told apart by content.
// pageURL may be empty. published is the reference date for relative dates
// when the report carries none of its own; the zero time means none.
func (x *Extractor) Extract(raw []byte, pageURL string, published time.Time) (*model.Document, error) {
	var a *model.Article
	var err error
	if article.IsHTML(raw) {
		a, err = article.FromHTML(raw, pageURL)
	} else {
		a, err = article.FromText(raw)
		if err == nil && pageURL != "" {
			u := pageURL
			a.URL = &u
		}
	}
	if err != nil {
		return nil, err
	}
	return x.Document(a, published), nil
}

// Document reads the entities and events of an article.
func (x *Extractor) Document(a *model.Article, published time.Time) *model.Document {
	ref := published
	if a.Published != nil {
		if t, err := time.Parse("2006-01-02", *a.Published); err == nil {
			ref = t
		}
	}
	body := a.Text
	a.Sentences = text.Sentences(body)
	toks := make([][]text.Token, len(a.Sentences))
	for i, s := range a.Sentences {
		toks[i] = text.Tokens(body, s.Start, s.End)
	}

	mentions := withDateline(body, x.gaz.Recognize(body))
	resolved := x.gaz.Resolve(body, mentions)
	places := make([]entity.PlaceSpan, 0, len(mentions))
	for i, m := range mentions {
		p := entity.PlaceSpan{Start: m.Start, End: m.End}
		if m.Kind == "nationality" {
			p.Nationality = true
			p.Country, _ = x.gaz.Demonym(body[m.Start:m.End])
		} else if resolved[i] != nil {
			p.Place = resolved[i]
			p.Country = resolved[i].Country
		}
		places = append(places, p)
	}

	in := entity.Input{Text: body, Sentences: a.Sentences, Tokens: toks, Places: places, Common: x.gaz.CommonWord}
	if x.actors != nil {
		at := ref
		in.Actors = func(words []string) (string, int, bool) { return x.actors.Match(words, at) }
	}
	if x.agents != nil {
		in.Agents = func(words []string) (string, bool, bool) {
			ag, _, ok := x.agents.Match(words)
			return ag.Code, ag.Before, ok
		}
	}
	ents := entity.Extract(in)

	var dates []event.DateExpr
	for _, d := range timex.Find(body, ref) {
		dates = append(dates, event.DateExpr{Start: d.Start, End: d.End, Date: d.Date, Anaphoric: d.Anaphoric, Offset: d.Offset, Background: d.Background})
	}
	tolls := make([][]event.Toll, len(a.Sentences))
	for i, s := range a.Sentences {
		for _, t := range count.Tolls(body[s.Start:s.End]) {
			tolls[i] = append(tolls[i], event.Toll{Role: t.Role, Range: t.Range,
				Start: s.Start + t.Start, End: s.Start + t.End, VerbStart: s.Start + t.VerbStart, VerbEnd: s.Start + t.VerbEnd})
		}
	}
	var focus, capital *model.Place
	if ents.Focus != "" {
		if c, ok := x.gaz.Country(ents.Focus); ok {
			focus = c.Place("the country")
		}
		if c, ok := x.gaz.Capital(ents.Focus); ok {
			capital = c.Place("the capital")
		}
	}
	evs, err := event.Extract(event.Input{Text: body, Sentences: a.Sentences, Tokens: toks, Entities: ents,
		Places: places, Dates: dates, Tolls: tolls, Focus: focus, Capital: capital, ISO3: x.gaz.ISO3, Published: ref})
	if err != nil {
		// The lexicon is embedded and checked by tests; failing to parse it
		// is a build defect, not a property of the report.
		panic(err)
	}
	if evs == nil {
		evs = []*model.Event{}
	}
	if ents.Entities == nil {
		ents.Entities = []*model.Entity{}
	}
	return &model.Document{Schema: model.Schema, Article: a, Entities: ents.Entities, Events: evs}
}

// withDateline adds the place a wire report is filed from when the
// recogniser, wary of words in capitals, passed it over: capitals at the
// very start of the text, ended by a comma or a dash ("MANILA —",
// "KYIV, Ukraine (Reuters) -").
func withDateline(body string, ms []geo.Mention) []geo.Mention {
	end := 0
	for i, r := range body {
		if i > 40 || !(unicode.IsUpper(r) || r == ' ' || r == '.' || r == '\'' || r == '-' && i+1 < len(body) && body[i+1] != ' ') {
			break
		}
		end = i + utf8.RuneLen(r)
	}
	name := strings.TrimRight(body[:end], " -.")
	if len(name) < 3 || strings.ToUpper(name) != name || strings.ToLower(name) == name {
		return ms
	}
	rest := strings.TrimLeft(body[len(name):], " ")
	if !strings.HasPrefix(rest, ",") && !strings.HasPrefix(rest, "—") && !strings.HasPrefix(rest, "–") && !strings.HasPrefix(rest, "-") && !strings.HasPrefix(rest, "(") {
		return ms
	}
	if len(ms) > 0 && ms[0].Start < len(name) {
		return ms
	}
	m := geo.Mention{Text: name, Start: 0, End: len(name), Kind: model.KindPlace}
	return append([]geo.Mention{m}, ms...)
}

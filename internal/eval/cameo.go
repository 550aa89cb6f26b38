package eval

// cameo.go scores sitrep's CAMEO codes on PETRARCH validation records
// (PETR.UnitTest.records.xml) the way UniversalPetrarch's validation.py
// reports them: per (source, target, code) triple correct, uncoded and
// extra, with root-code precision, recall and F1 besides.

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"sitrep/internal/dict"
	"sitrep/internal/model"
)

// CAMEOTriple is one coded event: source and target actor codes and the
// event code.
type CAMEOTriple struct {
	Source, Target, Code string
}

// ErrNoRecords is returned for a file without validation records.
var ErrNoRecords = errors.New("no <Sentence> records")

// String writes the triple as validation.py does: code, source, target.
func (t CAMEOTriple) String() string { return t.Code + " " + t.Source + " " + t.Target }

// CAMEORecord is one validation record.
type CAMEORecord struct {
	ID       string
	Category string
	// Date is the record's date, the zero time when it has none.
	Date time.Time
	Text string
	// Evaluate is false for records marked sentence="false", features
	// PETRARCH itself does not implement.
	Evaluate bool
	// Expected are the expected triples, as written in the record.
	Expected []CAMEOTriple
	// NoEvents is set when the record expects no event at all.
	NoEvents bool
	// Error is set when the record tests one of PETRARCH's input checks
	// (a broken parse tree, a discarded story) instead of coding.
	Error string
	// Options are the coder options (<Config>) in force for the record.
	Options map[string]string
	// Line is where the record starts in its file.
	Line int
}

// CAMEOSuite is a file of validation records.
type CAMEOSuite struct {
	// Include lists the categories the file's <Environment> asks to
	// evaluate; empty means all.
	Include []string
	Records []CAMEORecord
}

// ReadCAMEO reads PETRARCH validation records. It accepts what the
// PETRARCH files contain: single- or double-quoted attributes, spaces
// around '=', self-closing elements, <Config> options that hold for the
// records after them, and a <Stop> element that ends the file early.
func ReadCAMEO(r io.Reader) (*CAMEOSuite, error) {
	d := xml.NewDecoder(r)
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	suite := &CAMEOSuite{}
	opts := map[string]string{}
	var rec *CAMEORecord
	var text *strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "Stop":
				if rec == nil {
					return suite, nil
				}
			case "Include":
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return nil, fmt.Errorf("<Include>: %w", err)
				}
				suite.Include = strings.Fields(s)
			case "Config":
				o, v := attr(t, "option"), attr(t, "value")
				if o != "" {
					next := make(map[string]string, len(opts)+1)
					for k, x := range opts {
						next[k] = x
					}
					next[o] = v
					opts = next
				}
			case "Sentence":
				line, _ := d.InputPos()
				rec = &CAMEORecord{ID: attr(t, "id"), Category: attr(t, "category"), Options: opts, Line: line,
					Evaluate: !strings.EqualFold(attr(t, "sentence"), "false")}
				if s := attr(t, "date"); s != "" {
					day, err := dict.ParseDate(s)
					if err != nil {
						return nil, fmt.Errorf("line %d: record %s: %w", line, rec.ID, err)
					}
					rec.Date = day
				}
			case "EventCoding":
				if rec == nil {
					continue
				}
				switch {
				case strings.EqualFold(attr(t, "noevents"), "true"):
					rec.NoEvents = true
				case attr(t, "error") != "":
					rec.Error = attr(t, "error")
				default:
					rec.Expected = append(rec.Expected, CAMEOTriple{
						Source: attr(t, "sourcecode"), Target: attr(t, "targetcode"), Code: attr(t, "eventcode")})
				}
			case "Text":
				if rec != nil {
					text = &strings.Builder{}
				}
			}
		case xml.CharData:
			if text != nil {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "Text":
				if rec != nil && text != nil {
					rec.Text = strings.Join(strings.Fields(text.String()), " ")
				}
				text = nil
			case "Sentence":
				if rec != nil {
					suite.Records = append(suite.Records, *rec)
				}
				rec, text = nil, nil
			}
		}
	}
	return suite, nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if strings.EqualFold(a.Name.Local, name) {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// standardCode matches a standard CAMEO event code: two to four digits
// whose first two, the root, are 01 to 20.
var standardCode = regexp.MustCompile(`^(0[1-9]|1[0-9]|20)[0-9]{0,2}$`)

// IsStandardCAMEO reports whether code is a standard CAMEO event code, not
// one of PETRARCH's own test codes (roots 21 and up, or letters).
func IsStandardCAMEO(code string) bool { return standardCode.MatchString(code) }

// Why a record is left out of the scores.
const (
	SkipNotEvaluated = "marked sentence=\"false\" (not implemented in PETRARCH)"
	SkipCategory     = "category not in the file's <Include> list"
	SkipError        = "tests a PETRARCH input check (parse error or discard), no coding expected"
	SkipNoCoding     = "no <EventCoding>"
	SkipNonStandard  = "expects a code that is not standard CAMEO"
)

// Skip returns why the record is left out of the scores, or "" when it
// counts. include is the suite's <Include> list.
func (r *CAMEORecord) Skip(include []string) string {
	switch {
	case !r.Evaluate:
		return SkipNotEvaluated
	case len(include) > 0 && !contains(include, r.Category):
		return SkipCategory
	case r.Error != "":
		return SkipError
	case !r.NoEvents && len(r.Expected) == 0:
		return SkipNoCoding
	}
	for _, e := range r.Expected {
		if !IsStandardCAMEO(e.Code) {
			return SkipNonStandard
		}
	}
	return ""
}

// expectedActor normalises an expected actor code as validation.py reads
// it: a lone agent marker "~" is the null actor "---", and so is a quoted
// text code ('"INJURY TOLL"', a new actor PETRARCH names by its words),
// which the validator's attribute reader turns into "---".
func expectedActor(code string) string {
	switch {
	case code == "", strings.HasPrefix(code, `"`):
		return dict.Null
	}
	return strings.ReplaceAll(code, "~", dict.Null)
}

// Coded reports whether an event is one sitrep's CAMEO output asserts:
// negated, denied and hypothetical events are not.
func Coded(ev *model.Event) bool {
	if ev.CAMEO == "" {
		return false
	}
	switch ev.Modality {
	case model.Negated, model.Denied, model.Hypothetical:
		return false
	}
	return true
}

// CAMEOTriples lists the coded events of doc as triples. Actor codes come
// from the coder's dictionaries when c has any (see ActorCode), else from
// sitrep's own actor codes; a missing actor is the null actor "---". An
// actor code naming several actors (TABARI's "FRO/BIL") gives a triple for
// each.
func CAMEOTriples(doc *model.Document, c *dict.Coder, at time.Time) []CAMEOTriple {
	var out []CAMEOTriple
	for _, ev := range doc.Events {
		if !Coded(ev) {
			continue
		}
		for _, s := range strings.Split(ActorCode(doc, ev, ev.Source, c, at), "/") {
			for _, t := range strings.Split(ActorCode(doc, ev, ev.Target, c, at), "/") {
				out = append(out, CAMEOTriple{Source: s, Target: t, Code: ev.CAMEO})
			}
		}
	}
	return out
}

// ActorCode codes one actor of an event. With dictionaries, the words of
// the actor's phrase (see ActorPhrase), then of its name, are coded with
// them: the first that either dictionary knows wins, and the null actor
// "---" when neither does. Without dictionaries it is the actor's own
// CAMEO code.
func ActorCode(doc *model.Document, ev *model.Event, a *model.Actor, c *dict.Coder, at time.Time) string {
	if a == nil {
		return dict.Null
	}
	if c == nil || c.Actors == nil && c.Agents == nil {
		if a.CAMEO == nil || *a.CAMEO == "" {
			return dict.Null
		}
		return *a.CAMEO
	}
	for _, s := range []string{ActorPhrase(doc, ev, a), deref(a.Name)} {
		if code, ok := c.Code(dict.Words(s), at); ok {
			return code
		}
	}
	return dict.Null
}

// maxModifiers is how many words ActorPhrase adds in front of an actor.
const maxModifiers = 4

// ActorPhrase is the actor's text with the proper-noun modifiers that
// stand right before it in the sentence the event was read from, which
// sitrep leaves out of the text when it does not know the name: "Osgiliath
// soldiers", "Arnor's foreign minister" for the actor "soldiers" or
// "foreign minister". The modifiers are capitalised words (or their
// possessives) with no punctuation between them and the actor.
func ActorPhrase(doc *model.Document, ev *model.Event, a *model.Actor) string {
	raw := doc.Article.Text
	if len(ev.Evidence) == 0 || a.Text == "" {
		return a.Text
	}
	sent := ev.Evidence[0]
	if sent.Start < 0 || sent.End > len(raw) || sent.Start > sent.End {
		return a.Text
	}
	start := -1
	if a.Entity != nil {
		for _, e := range doc.Entities {
			if e.ID != *a.Entity {
				continue
			}
			for _, m := range e.Mentions {
				if m.Start >= sent.Start && m.End <= sent.End && strings.Contains(raw[m.Start:m.End], a.Text) {
					start = m.Start + strings.Index(raw[m.Start:m.End], a.Text)
					break
				}
			}
		}
	}
	if start < 0 {
		i := strings.Index(raw[sent.Start:sent.End], a.Text)
		if i < 0 {
			return a.Text
		}
		start = sent.Start + i
	}
	words := strings.Fields(raw[sent.Start:start])
	k := len(words)
	for k > 0 && len(words)-k < maxModifiers && properModifier(words[k-1]) {
		k--
	}
	if k == len(words) {
		return a.Text
	}
	return strings.Join(words[k:], " ") + " " + a.Text
}

// properModifier reports whether a word can modify a following noun as a
// name: capitalised, no punctuation after it but a possessive.
func properModifier(w string) bool {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	w = strings.TrimRight(w, "'’")
	r := []rune(w)
	if len(r) == 0 || !unicode.IsUpper(r[0]) {
		return false
	}
	last := r[len(r)-1]
	return unicode.IsLetter(last) || unicode.IsDigit(last) || last == '.'
}

// CAMEORecordScore is the score of one record.
type CAMEORecordScore struct {
	Record    *CAMEORecord
	Predicted []CAMEOTriple
	// Correct, Uncoded and Extra are validation.py's counts: a record
	// expecting no events that gets none counts one correct; one that gets
	// some counts one uncoded and every coded triple extra.
	Correct, Uncoded, Extra int
	// Missed and Wrong are the expected triples left unmatched and the
	// predicted triples that matched none.
	Missed, Wrong []CAMEOTriple
	// RootExpected, RootPredicted and RootMatched count event-code roots
	// (first two digits): matched one to one between expected and
	// predicted events.
	RootExpected, RootPredicted, RootMatched map[string]int
}

// ScoreCAMEO scores the triples predicted for a record. Each expected
// triple is matched at most once (validation.py lets two coded events
// match the same expected one; here the second is extra).
func ScoreCAMEO(rec *CAMEORecord, pred []CAMEOTriple) CAMEORecordScore {
	s := CAMEORecordScore{Record: rec, Predicted: pred,
		RootExpected: map[string]int{}, RootPredicted: map[string]int{}, RootMatched: map[string]int{}}
	for _, p := range pred {
		s.RootPredicted[root(p.Code)]++
	}
	if rec.NoEvents && len(rec.Expected) == 0 {
		if len(pred) == 0 {
			s.Correct = 1
		} else {
			s.Uncoded, s.Extra, s.Wrong = 1, len(pred), pred
		}
		return s
	}
	exp := make([]CAMEOTriple, len(rec.Expected))
	for i, e := range rec.Expected {
		exp[i] = CAMEOTriple{Source: expectedActor(e.Source), Target: expectedActor(e.Target), Code: e.Code}
		s.RootExpected[root(e.Code)]++
	}
	used := make([]bool, len(exp))
	for _, p := range pred {
		hit := false
		for i, e := range exp {
			if !used[i] && e == p {
				used[i], hit = true, true
				break
			}
		}
		if hit {
			s.Correct++
		} else {
			s.Wrong = append(s.Wrong, p)
		}
	}
	for i, e := range exp {
		if !used[i] {
			s.Missed = append(s.Missed, e)
		}
	}
	s.Uncoded = len(exp) - s.Correct
	s.Extra = len(pred) - s.Correct
	for r, n := range s.RootExpected {
		s.RootMatched[r] = min(n, s.RootPredicted[r])
	}
	return s
}

func root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

// CAMEOTotals adds up record scores.
type CAMEOTotals struct {
	Records                 int
	Correct, Uncoded, Extra int
	// Expected and Predicted count triples; a "no events" record expects
	// none.
	Expected, Predicted int
	// NoEvents counts records expecting no event, NoEventsRight those of
	// them sitrep left empty.
	NoEvents, NoEventsRight int
	RootExpected            map[string]int
	RootPredicted           map[string]int
	RootMatched             map[string]int
	// Skipped counts the records left out, by reason.
	Skipped map[string]int
	// ByCategory holds records, correct, uncoded and extra by record
	// category, as validation.py tabulates them.
	ByCategory map[string]*[4]int
}

// NewCAMEOTotals returns empty totals.
func NewCAMEOTotals() *CAMEOTotals {
	return &CAMEOTotals{RootExpected: map[string]int{}, RootPredicted: map[string]int{},
		RootMatched: map[string]int{}, Skipped: map[string]int{}, ByCategory: map[string]*[4]int{}}
}

// Add adds one record's score.
func (t *CAMEOTotals) Add(s CAMEORecordScore) {
	t.Records++
	t.Correct += s.Correct
	t.Uncoded += s.Uncoded
	t.Extra += s.Extra
	t.Predicted += len(s.Predicted)
	c := t.ByCategory[s.Record.Category]
	if c == nil {
		c = &[4]int{}
		t.ByCategory[s.Record.Category] = c
	}
	c[0]++
	c[1] += s.Correct
	c[2] += s.Uncoded
	c[3] += s.Extra
	if s.Record.NoEvents && len(s.Record.Expected) == 0 {
		t.NoEvents++
		if len(s.Predicted) == 0 {
			t.NoEventsRight++
		}
	}
	for r, n := range s.RootExpected {
		t.RootExpected[r] += n
		t.Expected += n
	}
	for r, n := range s.RootPredicted {
		t.RootPredicted[r] += n
	}
	for r, n := range s.RootMatched {
		t.RootMatched[r] += n
	}
}

// Skip counts a record left out.
func (t *CAMEOTotals) Skip(reason string) { t.Skipped[reason]++ }

// RootPRF is root-code precision, recall and F1 over all counted records:
// roots matched one to one within each record, over roots predicted and
// roots expected.
func (t *CAMEOTotals) RootPRF() (p, r, f float64) {
	m := 0
	for _, n := range t.RootMatched {
		m += n
	}
	return prf(m, t.Predicted, t.Expected)
}

func prf(tp, predicted, expected int) (p, r, f float64) {
	if predicted > 0 {
		p = float64(tp) / float64(predicted)
	}
	if expected > 0 {
		r = float64(tp) / float64(expected)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Write prints the totals: validation.py's summary, root-code scores and a
// table by root.
func (t *CAMEOTotals) Write(w io.Writer) error {
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	skipped := 0
	reasons := make([]string, 0, len(t.Skipped))
	for k, n := range t.Skipped {
		skipped += n
		reasons = append(reasons, k)
	}
	sort.Strings(reasons)
	var b strings.Builder
	fmt.Fprintf(&b, "records: %d counted, %d left out\n", t.Records, skipped)
	for _, k := range reasons {
		fmt.Fprintf(&b, "  left out: %d %s\n", t.Skipped[k], k)
	}
	fmt.Fprintf(&b, "triples (validation.py): correct %d, uncoded %d, extra %d; TP %.2f%% = correct/(correct+uncoded), FP %.2f%% = extra/records\n",
		t.Correct, t.Uncoded, t.Extra, pct(t.Correct, t.Correct+t.Uncoded), pct(t.Extra, t.Records))
	fmt.Fprintf(&b, "expected triples %d, coded triples %d, extra = %.1f%% of expected; no-event records %d, left empty %d\n",
		t.Expected, t.Predicted, pct(t.Extra, t.Expected), t.NoEvents, t.NoEventsRight)
	cats := make([]string, 0, len(t.ByCategory))
	for k := range t.ByCategory {
		cats = append(cats, k)
	}
	sort.Strings(cats)
	fmt.Fprintf(&b, "by category: records correct uncoded extra\n")
	for _, k := range cats {
		c := t.ByCategory[k]
		fmt.Fprintf(&b, "  %-10s %4d %4d %4d %4d\n", k, c[0], c[1], c[2], c[3])
	}
	p, r, f := t.RootPRF()
	m := 0
	for _, n := range t.RootMatched {
		m += n
	}
	fmt.Fprintf(&b, "root code: precision %.3f (%d/%d), recall %.3f (%d/%d), F1 %.3f\n", p, m, t.Predicted, r, m, t.Expected, f)
	fmt.Fprintf(&b, "by root: root expected coded matched\n")
	roots := map[string]bool{}
	for k := range t.RootExpected {
		roots[k] = true
	}
	for k := range t.RootPredicted {
		roots[k] = true
	}
	keys := make([]string, 0, len(roots))
	for k := range roots {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s %4d %4d %4d\n", k, t.RootExpected[k], t.RootPredicted[k], t.RootMatched[k])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

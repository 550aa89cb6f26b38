package timex

import (
	"strings"
	"sync"
	"time"

	"sitrep/internal/lex"
	"sitrep/internal/model"
)

// Expr is a date expression found in a text.
type Expr struct {
	// Start and End are the byte offsets of the expression in the text, End
	// exclusive. The span takes in the words that shape the date ("last",
	// "early", "since", "night") and a time of day next to a day ("5 p.m. on
	// Monday", "Monday at dawn"), but not a bare "on" or "in" before it.
	Start, End int
	// Text is the expression, text[Start:End].
	Text string
	// Date is the expression resolved to a range of days. Its Text is Text.
	// Start and End are nil, and Precision is model.DateUnknown, when the
	// expression needs a reference date that was not given, or when it is
	// anaphoric.
	Date model.Date
	// Anaphoric is set for an expression that dates something from another
	// event of the text: "the same day", "that night", "the day before",
	// "two days later". Its Date is unresolved; the caller resolves it from
	// the date of the event it refers to, shifted by Offset days.
	Anaphoric bool
	// Offset is, for an anaphoric expression, its shift in days from the
	// date it refers to: -1 for "the day before", 2 for "two days later", 0
	// for "the same day".
	Offset int
	// Background is set for an expression that gives a time of reference
	// rather than the date of an event: "since February", "since 2014",
	// "than last year", "compared with last year", "as of Monday". The caller
	// does not date an event to it.
	Background bool
}

// res is an expression while it is being read.
type res struct {
	s, e       int // token range
	start, end time.Time
	prec       string
	ok         bool // resolved to a range of days
	ana        bool // anaphoric
	off        int  // the anaphoric shift in days
	bg         bool // background
	day        bool // a single day: a time of day may be taken in
}

// parser holds one text while the patterns run over it.
type parser struct {
	lex.Doc
	ref    time.Time // midnight UTC of the reference day
	hasRef bool
}

var pool = sync.Pool{New: func() any { return &parser{Doc: lex.Doc{Toks: make([]lex.Token, 0, 96)}} }}

// Find returns the date expressions of text, in text order, resolved
// against ref, the publication date of the text; the zero time means the
// date is unknown, and then only expressions that give a full date resolve.
//
// Bare weekdays ("Monday", "on Monday", "early Monday", "Monday night") are
// the latest such day on or before ref, the day of ref included; "last
// Wednesday" is the latest Wednesday strictly before ref, and "next Friday"
// or "this coming Friday" the first one after it. A day and month without a
// year ("Sept. 21") is the latest such day on or before ref, unless the
// next one is at most 60 days ahead; a month alone ("in February") is the
// latest such month on or before ref.
func Find(text string, ref time.Time) []Expr {
	p := pool.Get().(*parser)
	defer func() {
		p.Text, p.Lower = "", ""
		if cap(p.Toks) > 1<<12 {
			p.Toks = nil
		}
		pool.Put(p)
	}()
	p.Text = text
	p.Lower = lex.LowerASCII(text)
	p.Toks = lex.Scan(text, p.Toks[:0])
	p.hasRef = !ref.IsZero()
	if p.hasRef {
		y, m, d := ref.Date()
		p.ref = civil(y, m, d)
	}
	var out []Expr
	last := 0 // the token after the previous expression
	for i := 0; i < len(p.Toks); {
		r, ok := p.match(i)
		if !ok {
			i++
			continue
		}
		p.extend(&r, last)
		out = append(out, p.expr(r))
		last = r.e
		i = max(r.e, i+1)
	}
	return p.joinRanges(out)
}

// match reads an expression that starts at token i.
func (p *parser) match(i int) (res, bool) {
	if p.Toks[i].K == lex.Punct {
		return res{}, false
	}
	if r, ok := p.weekday(i); ok {
		return r, true
	}
	if r, ok := p.absolute(i); ok {
		return r, true
	}
	if r, ok := p.relative(i); ok {
		return r, true
	}
	// "struck Kyiv overnight": the night before the report, its two
	// days. ("overnight on Sunday" is a weekday's, read above.)
	if p.hasRef && p.Word(i) == "overnight" && p.Word(i+1) != "on" {
		return res{s: i, e: i + 1, start: p.ref.AddDate(0, 0, -1), end: p.ref, prec: model.DateDay, ok: true}, true
	}
	return p.anaphoric(i)
}

// rangeWords join two days into one range: "from late on Monday until
// dawn on Tuesday".
var rangeWords = map[string]bool{"until": true, "till": true, "through": true, "to": true}

// joinRanges merges two day expressions joined by a word of range into
// one expression that spans both, when the second day is after the first
// and within a week of it.
func (p *parser) joinRanges(out []Expr) []Expr {
	for i := 0; i+1 < len(out); i++ {
		a, b := &out[i], &out[i+1]
		if a.Anaphoric || b.Anaphoric || a.Background || b.Background || a.Date.Precision != model.DateDay ||
			b.Date.Precision != model.DateDay || a.Date.Start == nil || b.Date.End == nil {
			continue
		}
		between := strings.Fields(strings.ToLower(p.Text[a.End:b.Start]))
		if len(between) != 1 || !rangeWords[between[0]] {
			continue
		}
		s, err1 := time.Parse(time.DateOnly, *a.Date.Start)
		e, err2 := time.Parse(time.DateOnly, *b.Date.End)
		if err1 != nil || err2 != nil || !e.After(s) || e.Sub(s) > 7*24*time.Hour {
			continue
		}
		a.End, a.Text = b.End, p.Text[a.Start:b.End]
		a.Date.Text, a.Date.End = a.Text, b.Date.End
		out = append(out[:i+1], out[i+2:]...)
	}
	return out
}

// expr converts r to an Expr.
func (p *parser) expr(r res) Expr {
	s, e := p.Toks[r.s].S, p.Toks[r.e-1].E
	x := Expr{Start: s, End: e, Text: p.Text[s:e], Anaphoric: r.ana, Offset: r.off, Background: r.bg}
	x.Date.Text = x.Text
	if r.ok {
		x.Date.Start, x.Date.End = fmtDay(r.start), fmtDay(r.end)
		x.Date.Precision = r.prec
	} else {
		x.Date.Precision = model.DateUnknown
	}
	return x
}

// fmtDay formats t as YYYY-MM-DD.
func fmtDay(t time.Time) *string {
	y, m, d := t.Date()
	var s string
	if y >= 1000 && y <= 9999 {
		b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
			byte('0' + int(m)/10), byte('0' + int(m)%10), '-', byte('0' + d/10), byte('0' + d%10)}
		s = string(b[:])
	} else {
		s = t.Format(time.DateOnly)
	}
	return &s
}

// civil returns midnight UTC of a day; out-of-range values normalise.
func civil(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// valid reports whether y-m-d is a day of the calendar.
func valid(y, m, d int) bool {
	return y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= civil(y, time.Month(m)+1, 0).Day()
}

// mondayOf returns the Monday of t's week (weeks run Monday to Sunday).
func mondayOf(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// span builders.

func dayRes(s, e int, t time.Time) res {
	return res{s: s, e: e, start: t, end: t, prec: model.DateDay, ok: true, day: true}
}

func rangeRes(s, e int, a, b time.Time, prec string) res {
	return res{s: s, e: e, start: a, end: b, prec: prec, ok: true}
}

func yearRes(s, e, y int) res {
	return rangeRes(s, e, civil(y, 1, 1), civil(y, 12, 31), model.DateYear)
}

func monthRes(s, e, y, m int) res {
	return rangeRes(s, e, civil(y, time.Month(m), 1), civil(y, time.Month(m)+1, 0), model.DateMonth)
}

func weekRes(s, e int, t time.Time) res {
	mon := mondayOf(t)
	return rangeRes(s, e, mon, mon.AddDate(0, 0, 6), model.DateWeek)
}

// unresolved is an expression that needs the reference date.
func unresolved(s, e int, day bool) res {
	return res{s: s, e: e, prec: model.DateUnknown, day: day}
}

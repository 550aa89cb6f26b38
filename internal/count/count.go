package count

import (
	"math"
	"strings"

	"sitrep/internal/lex"
)

// Quantity is a phrase that gives a number of things: "at least 13 people",
// "tens of thousands of protesters", "a dozen", "between 10 and 15".
type Quantity struct {
	// Start and End are the byte offsets of the phrase in the text, End
	// exclusive.
	Start, End int
	// Text is the phrase, text[Start:End]: its modifier, its number and the
	// noun it counts.
	Text string
	// Min is the least number the phrase allows.
	Min int
	// Max is the greatest number the phrase allows, or nil when the phrase
	// sets no upper bound ("at least 13", "dozens").
	Max *int
	// Head is the lower-case noun counted ("people", "soldiers"), or "" when
	// no noun follows the number ("wounded 21") or it is a pronoun ("three of
	// them").
	Head string
	// Approx is set when the text hedges the figure: "about 30", "some 30",
	// "nearly 30", "an estimated 30", "30 or so".
	Approx bool
}

// Find returns every numeric quantity phrase in text, in text order. It
// leaves out numbers that are not counts: years ("in 2021"), dates
// ("Sept. 21"), times ("5 p.m."), ages ("25-year-old", "aged 25"), ordinals
// ("21st"), codes ("MH17", "COVID-19") and names ("Article 5").
func Find(text string) []Quantity {
	p := getParser(text)
	defer p.release()
	p.quantities()
	if len(p.qs) == 0 {
		return nil
	}
	out := make([]Quantity, len(p.qs))
	for i := range p.qs {
		out[i] = p.quantity(&p.qs[i])
	}
	return out
}

// quantity converts an internal quantity to the exported form.
func (p *parser) quantity(q *qty) Quantity {
	s, e := p.span(q.s, q.e)
	out := Quantity{Start: s, End: e, Text: p.Text[s:e], Min: q.min, Approx: q.approx, Head: q.headWord}
	if q.max >= 0 {
		out.Max = intPtr(q.max)
	}
	return out
}

func intPtr(v int) *int { return &v }

// qty is a quantity found in the token stream.
type qty struct {
	s, e     int    // token range of the whole phrase
	min, max int    // max is -1 when open
	approx   bool   // a hedged figure
	head     int    // token index of the head noun, -1 when none
	headWord string // the head noun, lower-case
	premod   int    // a casualty word before the noun ("13 wounded soldiers"), -1 when none
	strong   int    // the token "strong" of "5,000-strong", -1 when none
	unit     bool   // a measure, a sum of money or a share
	pronoun  bool   // "three of them"
	role     string // set by Tolls once the quantity is a toll
	toll     int    // the index of that toll in Tolls' result
}

// modifier kinds: the words before a number that bound or hedge it.
type modKind uint8

const (
	modNone    modKind = iota
	modMin             // "at least 13": 13..
	modOver            // "more than 13": 14..
	modUpTo            // "up to 13": 1..13
	modUnder           // "fewer than 13": 1..12
	modApprox          // "about 13": 13..13, approximate
	modBetween         // "between 10 and 15": 10..15
)

// core is a bare number phrase: "13", "50,000", "twenty-one", "a dozen",
// "hundreds of thousands", "several".
type core struct {
	e      int     // the token after the phrase
	v      float64 // the figure, for an exact number
	min    int
	max    int  // -1 when open
	exact  bool // a definite figure: 13, fifty, a dozen
	takeOf bool // a vague or collective figure that takes "of": "hundreds of people"
	approx bool
	unit   string // a unit given by the number itself: "10km", "30%", "$5"
	strong int    // the token "strong" of "5,000-strong", -1 when none
	year   bool   // a bare four-digit number that reads as a year
	one    bool   // the word "one"
	skip   int    // when not a quantity: the token to resume at, 0 for the next
}

// quantities fills p.qs with the quantities of the text.
func (p *parser) quantities() {
	for i := 0; i < len(p.Toks); {
		q, next, ok := p.quantityAt(i)
		if ok {
			p.qs = append(p.qs, q)
		}
		if next <= i {
			next = i + 1
		}
		i = next
	}
}

// quantityAt reads a quantity phrase starting at token i. It returns the
// token to go on from.
func (p *parser) quantityAt(i int) (q qty, next int, ok bool) {
	t := p.Toks[i]
	if t.K == lex.Punct && !isCurrency(p.Punct(i)) {
		return q, i + 1, false
	}
	mod, j := p.modifier(i)
	j = p.prefix(j)
	c, ok := p.core(j)
	if !ok {
		if c.skip > j {
			return q, c.skip, false
		}
		return q, i + 1, false
	}
	q = qty{s: i, min: c.min, max: c.max, approx: c.approx, head: -1, premod: -1, strong: c.strong}
	e := c.e
	// Ranges: "between 10 and 15", "two or three", "10 to 15", "10 - 15".
	if c.exact && !c.year {
		switch {
		case mod == modBetween && p.Word(e) == "and":
			if d, ok := p.core(e + 1); ok && d.exact && d.min > c.min {
				q.max, e = d.max, d.e
				if d.unit != "" {
					c.unit = d.unit
				}
			} else {
				mod, q.s = modNone, j // "between 13 people" is no range
			}
		case p.Word(e) == "or" && p.Word(e+1) == "more":
			q.max, e = -1, e+2
		case p.Word(e) == "or" && p.Word(e+1) == "so":
			q.approx, e = true, e+2
		case p.Word(e) == "or" || (p.Word(e) == "to" && p.Word(j-1) != "from") ||
			(lex.IsDash(p.Punct(e)) && !p.Glued(e)):
			if d, ok := p.core(e + 1); ok && d.exact && !d.year && d.min > c.min && mod == modNone {
				q.max, e = d.max, d.e
				if d.unit != "" {
					c.unit = d.unit
				}
			}
		}
	}
	if mod == modBetween && q.max == c.max {
		mod, q.s = modNone, j
	}
	switch mod {
	case modMin:
		q.max = -1
	case modOver:
		if c.exact {
			q.min++
		}
		q.max = -1
	case modUpTo:
		if q.max < 0 && c.exact {
			q.max = q.min
		}
		q.min = min(1, q.max)
		if q.max < 0 {
			q.min = 1
		}
	case modUnder:
		if c.exact {
			q.max = q.min - 1
			q.min = min(1, q.max)
		}
	case modApprox:
		q.approx = true
	}
	if q.max >= 0 && q.min > q.max {
		q.min = q.max
	}
	if q.min < 0 {
		q.min = 0
	}
	// The noun counted.
	if c.unit != "" {
		q.unit, q.headWord = true, c.unit
	} else {
		e = p.headPhrase(e, c.takeOf, &q)
	}
	q.e = e
	if q.head >= 0 && is(q.headWord, cThing) {
		q.unit = true
	}
	if c.year && mod == modNone && (q.head < 0 || !p.personHead(&q)) {
		return q, c.e, false
	}
	if c.one && mod == modNone && !p.oneIsCount(j, c.e) {
		return q, c.e, false
	}
	if p.IsNum(j) && j > 0 && isCurrency(p.Punct(j-1)) && p.Glued(j) {
		q.s = min(q.s, j-1)
	}
	return q, e, true
}

// oneIsCount reports whether the word "one" at token j counts something:
// not "no one", "one another", "the one".
func (p *parser) oneIsCount(j, e int) bool {
	switch p.Word(j - 1) {
	case "no", "any", "every", "each", "the", "this", "that", "which", "someone", "everyone":
		return false
	}
	switch p.Word(e) {
	case "another", "day", "time", "way", "thing", "side", "hand", "point", "such":
		return false
	}
	if lex.IsDash(p.Punct(j-1)) && p.Word(j-2) == "no" {
		return false
	}
	return true
}

// modifier reads the words at i that bound or hedge a number and returns
// their kind and the token after them.
func (p *parser) modifier(i int) (modKind, int) {
	w1 := p.Word(i + 1)
	switch p.Word(i) {
	case "at":
		switch w1 {
		case "least":
			return modMin, i + 2
		case "most":
			return modUpTo, i + 2
		}
	case "no", "not":
		if (w1 == "fewer" || w1 == "less") && p.Word(i+2) == "than" {
			return modMin, i + 3
		}
		if w1 == "more" && p.Word(i+2) == "than" {
			return modUpTo, i + 3
		}
	case "more", "greater":
		if w1 == "than" {
			return modOver, i + 2
		}
	case "over", "above":
		return modOver, i + 1
	case "upwards":
		if w1 == "of" {
			return modOver, i + 2
		}
	case "well", "just":
		switch w1 {
		case "over", "above":
			return modOver, i + 2
		case "under", "below":
			return modUnder, i + 2
		}
	case "in":
		if w1 == "excess" && p.Word(i+2) == "of" {
			return modOver, i + 3
		}
	case "a":
		if (w1 == "minimum") && p.Word(i+2) == "of" {
			return modMin, i + 3
		}
		if (w1 == "maximum") && p.Word(i+2) == "of" {
			return modUpTo, i + 3
		}
	case "up":
		if w1 == "to" {
			return modUpTo, i + 2
		}
	case "as":
		if w1 == "many" && p.Word(i+2) == "as" {
			return modUpTo, i + 3
		}
	case "fewer", "less":
		if w1 == "than" {
			return modUnder, i + 2
		}
	case "under", "below":
		return modUnder, i + 1
	case "about", "around", "some", "nearly", "almost", "approximately", "roughly",
		"circa", "estimated", "approx", "approximate":
		return modApprox, i + 1
	case "an":
		if w1 == "estimated" || w1 == "approximate" {
			return modApprox, i + 2
		}
	case "close":
		if w1 == "to" {
			return modApprox, i + 2
		}
	case "between":
		return modBetween, i + 1
	}
	return modNone, i
}

// prefix skips the neutral words that may come before a number: "another
// 13", "a further 13", "an additional 13", "a total of 13".
func (p *parser) prefix(j int) int {
	switch p.Word(j) {
	case "another":
		return j + 1
	case "a", "an":
		switch p.Word(j + 1) {
		case "further", "additional", "extra":
			return j + 2
		case "total":
			if p.Word(j+2) == "of" {
				return j + 3
			}
		}
	}
	return j
}

// core reads a bare number phrase at token i.
func (p *parser) core(i int) (core, bool) {
	if i >= len(p.Toks) {
		return core{strong: -1}, false
	}
	if isCurrency(p.Punct(i)) && p.IsNum(i+1) && p.Glued(i+1) {
		c, ok := p.digitCore(i + 1)
		if ok && c.unit == "" {
			c.unit = currencyName(p.Punct(i))
			c.year = false
		}
		return c, ok
	}
	switch p.Toks[i].K {
	case lex.Num:
		return p.digitCore(i)
	case lex.Word:
		return p.wordCore(i)
	}
	return core{strong: -1}, false
}

// digits reads "13", "50,000" or "1.5" at token i: the value, the token
// after it, and whether it had thousands separators or a decimal part.
func (p *parser) digits(i int) (v float64, e int, commas, dec bool) {
	v = float64(p.Toks[i].N)
	e = i + 1
	for e+1 < len(p.Toks) && p.Punct(e) == "," && p.Glued(e) && p.IsNum(e+1) && p.Glued(e+1) &&
		p.Toks[e+1].E-p.Toks[e+1].S == 3 && p.Toks[e+1].N >= 0 {
		v = v*1000 + float64(p.Toks[e+1].N)
		e += 2
		commas = true
	}
	if !commas && p.Punct(e) == "." && p.Glued(e) && p.IsNum(e+1) && p.Glued(e+1) && p.Toks[e+1].N >= 0 &&
		!(p.Punct(e+2) == "." && p.Glued(e+2) && p.IsNum(e+3) && p.Glued(e+3)) {
		f := p.Toks[e+1]
		v += float64(f.N) / math.Pow10(f.E-f.S)
		e += 2
		dec = true
	}
	return v, e, commas, dec
}

// scales are the words that multiply a number: "1.5 million".
var scales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}

// digitCore reads a number written in digits at token i.
func (p *parser) digitCore(i int) (c core, ok bool) {
	c.strong = -1
	t := p.Toks[i]
	skip := func() (core, bool) { c.skip = p.runEnd(i); return c, false }
	if t.N < 0 {
		return skip()
	}
	// A number glued to a word is a code or a name: "MH17", "COVID-19", "G7".
	if t.Glued && i > 0 {
		pr := p.Toks[i-1]
		if pr.K == lex.Word || p.Punct(i-1) == "#" ||
			(lex.IsDash(p.Punct(i-1)) && pr.Glued && i > 1 && p.Toks[i-2].K == lex.Word) {
			return skip()
		}
	}
	v, e, commas, dec := p.digits(i)
	currency := i > 0 && isCurrency(p.Punct(i-1)) && t.Glued
	ndig := t.E - t.S
	scaled := false
	if p.Glued(e) {
		f := p.Punct(e)
		switch {
		case (f == ":" || f == "/" || f == "." || f == "\\") && p.IsNum(e+1) && p.Glued(e+1):
			return skip() // a time, a date, a fraction, a score
		case lex.IsDash(f) && p.IsNum(e+1) && p.Glued(e+1):
			if lex.IsDash(p.Punct(e+2)) && p.Glued(e+2) {
				return skip() // 2022-09-21
			}
			w, e2, _, _ := p.digits(e + 1)
			if w <= v || (ndig == 4 && !commas && v >= 1800 && v <= 2100) {
				return skip() // a score (3-1) or years (2014-15)
			}
			c.min, c.max, c.exact, c.v, c.e = int(v), int(w), true, v, e2
			return c, true
		case lex.IsDash(f) && p.Word(e+1) != "" && p.Glued(e+1):
			switch p.Word(e + 1) {
			case "strong":
				c.strong = e + 1
				e += 2
			case "odd":
				c.approx = true
				e += 2
			case "plus":
				e += 2
				c.min, c.max, c.exact, c.v, c.e = int(v), -1, false, v, e
				return c, true
			default:
				return skip() // "10-day", "25-year-old", "15-member"
			}
		case f == "%":
			c.unit = "percent"
			e++
		case f == "+":
			c.min, c.max, c.v, c.e = int(v), -1, v, e+1
			return c, true
		case p.Toks[e].K == lex.Word:
			switch w := p.Word(e); w {
			case "st", "nd", "rd", "th", "am", "pm", "s", "h", "hrs":
				return skip() // 21st, 5pm, 1990s, 1400h
			case "k":
				v *= 1e3
				scaled = true
			case "bn":
				v *= 1e9
				scaled = true
			case "m", "mn":
				if currency {
					v *= 1e6
					scaled = true
				} else {
					c.unit = w
				}
			default:
				c.unit = w // "10km", "5kg"
			}
			e++
		}
	}
	if c.unit == "" && !scaled {
		for {
			s, ok := scales[p.Word(e)]
			if !ok {
				break
			}
			v *= s
			e++
			scaled = true
		}
		if !scaled && p.Word(e) == "dozen" {
			v *= 12
			e++
			scaled = true
		}
	}
	if v > 1e15 {
		return skip()
	}
	if !scaled && c.unit == "" && c.strong < 0 {
		// Times: "5 p.m.", "5 pm", "5 o'clock", "1400 GMT".
		w := p.Word(e)
		if (v <= 24 && (w == "am" || w == "pm" || w == "o" && p.Word(e+2) == "clock" ||
			(w == "a" || w == "p") && p.Punct(e+1) == "." && p.Word(e+2) == "m")) ||
			w == "gmt" || w == "utc" {
			c.skip = e + 1
			return c, false
		}
		// Ages: "25 years old", "aged 25", "Ruslan Zinin, 25,".
		if (w == "years" || w == "year" || w == "months" || w == "weeks" || w == "days") && p.Word(e+1) == "old" {
			c.skip = e + 2
			return c, false
		}
		switch p.Word(i - 1) {
		case "aged", "age", "ages":
			return skip()
		}
		if !commas && !dec && v < 120 && (p.Punct(i-1) == "," || p.Punct(i-1) == "(") && p.IsUpper(i-2) &&
			(p.Punct(e) == "," || p.Punct(e) == ")") {
			return skip()
		}
		// Names: "Article 5", "Flight 17", "No. 5".
		if is(p.Word(i-1), cLabel) && !is(p.Word(i-1), cStop) || p.Punct(i-1) == "." && p.Word(i-2) == "no" {
			return skip()
		}
		// Days of a date: "Sept. 21", "21 September", "the 21st of".
		if !commas && !dec && v >= 1 && v <= 31 && ndig <= 2 && (p.monthBefore(i) || p.monthAt(e) ||
			p.Word(e) == "of" && p.monthAt(e+1)) {
			c.skip = e
			return c, false
		}
		if ndig == 4 && !commas && !dec && v >= 1800 && v <= 2100 {
			c.year = true
		}
	}
	if dec && !scaled {
		c.min, c.max, c.approx = int(math.Floor(v)), int(math.Ceil(v)), true
	} else {
		c.min, c.max = int(math.Round(v)), int(math.Round(v))
	}
	c.v, c.e, c.exact = v, e, true
	if c.approx {
		c.exact = false
	}
	return c, true
}

// monthAt reports whether token i is a capitalised month name.
func (p *parser) monthAt(i int) bool {
	return p.IsUpper(i) && is(p.Word(i), cMonth)
}

// monthBefore reports whether a month name ends just before token i:
// "Sept 21", "Sept. 21".
func (p *parser) monthBefore(i int) bool {
	if p.monthAt(i - 1) {
		return true
	}
	return p.Punct(i-1) == "." && p.Glued(i-1) && p.monthAt(i-2)
}

// units and tens are the number words.
var units = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19,
}

var tens = map[string]int{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

// vague are the plural figures without a number: "dozens" is 24 or more,
// "hundreds" 200 to 999. unitOf gives the size of one of them, for "hundreds
// of thousands".
var vague = map[string][2]int{
	"dozens": {24, -1}, "scores": {40, -1}, "tens": {20, 99}, "hundreds": {200, 999},
	"thousands": {2000, 9999}, "millions": {2_000_000, 9_999_999},
	"billions": {2_000_000_000, 9_999_999_999},
}

var unitOf = map[string]int{"thousands": 1000, "millions": 1_000_000, "billions": 1_000_000_000}

// wordCore reads a number written in words at token i.
func (p *parser) wordCore(i int) (c core, ok bool) {
	c.strong = -1
	w := p.Word(i)
	switch w {
	case "a", "an":
		w1 := p.Word(i + 1)
		switch w1 {
		case "dozen":
			return p.exact(c, 12, i+2), true
		case "hundred", "thousand", "million", "billion":
			v, e := p.scaleChain(1, i+1)
			return p.exact(c, v, e), true
		case "score":
			if p.Word(i+2) == "of" {
				c = p.exact(c, 20, i+2)
				c.takeOf = true
				return c, true
			}
		case "handful":
			c.min, c.max, c.approx, c.e, c.takeOf = 2, 5, true, i+2, true
			return c, true
		case "couple":
			c = p.exact(c, 2, i+2)
			c.takeOf = true
			if s, ok := scales[p.Word(i+2)]; ok {
				c = p.exact(c, 2*s, i+3)
				c.approx = true
			}
			return c, true
		case "few":
			return p.vagueTimes(c, 2, i+2), true
		}
		return c, false
	case "half":
		if p.Word(i+1) == "a" {
			switch w2 := p.Word(i + 2); w2 {
			case "dozen":
				return p.exact(c, 6, i+3), true
			case "hundred", "thousand", "million", "billion":
				return p.exact(c, scales[w2]/2, i+3), true
			}
		}
		return c, false
	case "several":
		return p.vagueTimes(c, 3, i+1), true
	case "scores", "dozens", "hundreds", "thousands", "millions", "billions", "tens":
		if w == "scores" && is(p.Word(i-1), cDet) {
			return c, false // "the scores"
		}
		r := vague[w]
		c.min, c.max, c.e, c.takeOf = r[0], r[1], i+1, true
		if p.Word(i+1) == "of" {
			if u := unitOf[p.Word(i+2)]; u > 0 && c.max >= 0 && c.max < u {
				c.min, c.max, c.e = c.min*u, c.max*u+u-1, i+3
			}
		}
		if w == "tens" && c.e == i+1 {
			return c, false
		}
		return c, true
	}
	v, e, ok := p.cardinal(i)
	if !ok {
		return c, false
	}
	c.one = w == "one" && e == i+1
	// "three-year-old", "five-day", "two-thirds": a compound adjective.
	if lex.IsDash(p.Punct(e)) && p.Glued(e) && p.Glued(e+1) && e+1 < len(p.Toks) && p.Toks[e+1].K == lex.Word {
		switch p.Word(e + 1) {
		case "strong":
			c.strong = e + 1
			e += 2
		case "odd":
			c.approx = true
			e += 2
		default:
			c.skip = p.runEnd(i)
			return c, false
		}
	}
	if p.Word(e) == "dozen" {
		v *= 12
		e++
	}
	c = p.exact(c, v, e)
	return c, true
}

// exact sets c to the definite figure v ending before token e.
func (p *parser) exact(c core, v float64, e int) core {
	c.v, c.min, c.max, c.exact, c.e = v, int(v), int(v), true, e
	return c
}

// scaleChain multiplies v by the scale words from token e on: "a hundred
// thousand".
func (p *parser) scaleChain(v float64, e int) (float64, int) {
	for {
		s, ok := scales[p.Word(e)]
		if !ok {
			return v, e
		}
		v *= s
		e++
	}
}

// vagueTimes reads "several", "a few" and the like, with an optional scale
// after them: "several hundred" is 200 to 999, like "hundreds", and "a few
// dozen" 24 or more, like "dozens".
func (p *parser) vagueTimes(c core, least int, e int) core {
	c.min, c.max, c.e, c.takeOf = least, -1, e, true
	switch w := p.Word(e); w {
	case "dozen":
		c.min, c.e = 24, e+1 // "several dozen" reads as "dozens"
	case "hundred", "thousand", "million", "billion":
		// "several hundred" reads as "hundreds": 200 to 999.
		s := int(scales[w])
		c.min, c.max, c.e = 2*s, 10*s-1, e+1
		if w == "hundred" {
			if u, ok := scales[p.Word(e+1)]; ok && u >= 1000 {
				c.min, c.max, c.e = c.min*int(u), c.max*int(u)+int(u)-1, e+2
			}
		}
	}
	return c
}

// cardinal reads a cardinal number in words at token i: "three", "twenty-one",
// "three hundred and fifty", "two thousand five hundred".
func (p *parser) cardinal(i int) (float64, int, bool) {
	const (
		none = iota
		unit
		ten
		hundred
		big
	)
	total, cur := 0.0, 0.0
	last, j := none, i
	for j < len(p.Toks) {
		w := p.Word(j)
		if u, ok := units[w]; ok {
			if last == unit || last == ten && (u == 0 || u >= 10) || last != none && u == 0 {
				break
			}
			cur += float64(u)
			last = unit
			j++
			continue
		}
		if t, ok := tens[w]; ok {
			if last == unit || last == ten {
				break
			}
			cur += float64(t)
			last = ten
			j++
			continue
		}
		if w == "hundred" && last == unit {
			cur *= 100
			last = hundred
			j++
			continue
		}
		if s, ok := scales[w]; ok && s >= 1000 && (last == unit || last == ten || last == hundred) {
			total += cur * s
			cur = 0
			last = big
			j++
			continue
		}
		if w == "and" && (last == hundred || last == big) {
			if _, ok := units[p.Word(j+1)]; ok {
				j++
				continue
			}
			if _, ok := tens[p.Word(j+1)]; ok {
				j++
				continue
			}
		}
		if last == ten && lex.IsDash(p.Punct(j)) && p.Glued(j) && p.Glued(j+1) {
			if u, ok := units[p.Word(j+1)]; ok && u > 0 && u < 10 {
				j++
				continue
			}
		}
		break
	}
	if last == none {
		return 0, i, false
	}
	return total + cur, j, true
}

// headPhrase reads the noun phrase a number counts, from token j, into q, and
// returns the token after it. It takes up to four words ("50 pro-Russian
// separatist fighters") and stops at a function word, a verb, punctuation or
// a plural noun.
func (p *parser) headPhrase(j int, takeOf bool, q *qty) int {
	k := j
	if p.Word(k) == "per" && p.Word(k+1) == "cent" {
		q.unit, q.headWord = true, "percent"
		return k + 2
	}
	if p.Word(k) == "of" {
		switch w := p.Word(k + 1); w {
		case "them", "whom", "us", "you", "which":
			q.pronoun = true
			return k + 2
		case "the", "their", "its", "his", "her", "our", "these", "those", "my", "your":
			if p.IsNum(k+2) || p.numberWord(k+2) {
				return j // "13 of the 20 passengers"
			}
			if w == "those" || w == "these" {
				if _, ok := afterWords[p.Word(k+2)]; ok || p.Word(k+2) == "who" {
					q.pronoun = true
					return k + 2
				}
			}
			k += 2
		default:
			if !takeOf || w == "" {
				return j
			}
			k++
		}
	}
	n, end := 0, j
	for n < 4 && k < len(p.Toks) && p.Toks[k].K == lex.Word {
		// A hyphenated compound is one word: "pro-Russian", "ex-soldiers".
		ke := k + 1
		for ke+1 < len(p.Toks) && lex.IsDash(p.Punct(ke)) && p.Glued(ke) && p.Glued(ke+1) && p.Toks[ke+1].K == lex.Word {
			ke += 2
		}
		w := p.Lower[p.Toks[k].S:p.Toks[ke-1].E]
		if is(w, cStop) && !(p.Toks[k].Upper && n > 0) || is(w, cMonth) && p.Toks[k].Upper {
			break
		}
		next := p.Word(ke)
		if _, role := afterWords[w]; (role || beforeWords[w] != "") && headRoles[w] == "" {
			if n == 0 && q.premod < 0 && p.personPlural(ke) {
				q.premod = k
				k = ke
				n++
				continue
			}
			break
		}
		upper := p.Toks[k].Upper
		if !upper && !is(w, cPersonSg|cPersonPl) {
			if strings.HasSuffix(w, "ly") && w != "elderly" && w != "family" {
				break
			}
			if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
				if next == "" || is(next, cStop) || p.Toks[ke].K != lex.Word {
					break
				}
				if _, role := afterWords[next]; role {
					break
				}
			}
		}
		if p.numberWord(k) {
			break
		}
		q.head, q.headWord = k, w
		end = ke
		n++
		k = ke
		if plural(w) || w == "people" || w == "men" || w == "women" || w == "children" {
			break
		}
	}
	return end
}

// numberWord reports whether token i starts a number in words.
func (p *parser) numberWord(i int) bool {
	w := p.Word(i)
	if _, ok := units[w]; ok {
		return true
	}
	if _, ok := tens[w]; ok {
		return true
	}
	_, ok := vague[w]
	return ok || w == "several" || w == "dozen"
}

// plural reports whether w looks like a regular plural noun.
func plural(w string) bool {
	n := len(w)
	return n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i'
}

// personPlural reports whether token i is a plural noun for people.
func (p *parser) personPlural(i int) bool {
	w := p.Word(i)
	return w != "" && p.personWord(w, p.Toks[i].Upper, true)
}

// personWord reports whether w names people: a listed noun, a capitalised
// plural ("Russians", "Kurds"), or a plural of the usual agent endings
// ("-ers", "-ists", "-ians").
func (p *parser) personWord(w string, upper, pluralOnly bool) bool {
	if is(w, cThing) {
		return false
	}
	if is(w, cPersonPl|cProtester) {
		return true
	}
	if !pluralOnly && is(w, cPersonSg) {
		return true
	}
	n := len(w)
	if n > 3 && w[n-1] == 's' {
		if is(w[:n-1], cPersonSg) {
			return true
		}
		if strings.HasSuffix(w, "ies") && is(w[:n-3]+"y", cPersonSg) {
			return true
		}
		if strings.HasSuffix(w, "men") {
			return true
		}
		if upper && plural(w) {
			return true
		}
		for _, suf := range [...]string{"ers", "ists", "ians", "ors", "ees"} {
			if strings.HasSuffix(w, suf) {
				return true
			}
		}
	}
	if strings.HasSuffix(w, "men") && n > 4 {
		return true
	}
	return false
}

// personHead reports whether q counts people, or counts nothing named and
// so may be a toll: "13 people", "21 others", "wounded 21", "three of them".
func (p *parser) personHead(q *qty) bool {
	if q.unit {
		return false
	}
	if q.head < 0 {
		return true
	}
	return p.personWord(q.headWord, p.Toks[q.head].Upper, false)
}

func isCurrency(s string) bool {
	switch s {
	case "$", "€", "£", "¥", "₽", "₴", "₹":
		return true
	}
	return false
}

func currencyName(s string) string {
	switch s {
	case "$":
		return "dollars"
	case "€":
		return "euros"
	case "£":
		return "pounds"
	case "¥":
		return "yen"
	case "₽":
		return "rubles"
	case "₴":
		return "hryvnias"
	case "₹":
		return "rupees"
	}
	return s
}

package timex

import (
	"time"

	"sitrep/internal/lex"
	"sitrep/internal/model"
)

// months maps month names and abbreviations to their numbers.
var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// weekdays maps weekday names to weekdays; weekdayAbbr the abbreviations,
// read only before a date ("Mon., Sept. 26"), never alone: "Sun" and "Sat"
// are also a newspaper and a verb.
var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	"sunday": time.Sunday,
}

var weekdayAbbr = map[string]time.Weekday{
	"mon": time.Monday, "tue": time.Tuesday, "tues": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "fri": time.Friday,
	"sat": time.Saturday, "sun": time.Sunday,
}

// smallNumbers are the counts of "two days ago", "three weeks later".
var smallNumbers = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
}

// monthCtx are the words after which a month name alone is a date: "in
// February", "since March", "by June". monthCtxStrict is the subset trusted
// before "May" and "March", which are also a modal verb, a verb and a name.
var monthCtx = map[string]bool{
	"in": true, "since": true, "by": true, "until": true, "till": true, "during": true,
	"from": true, "before": true, "after": true, "throughout": true, "through": true,
	"early": true, "late": true, "mid": true, "last": true, "this": true, "next": true,
	"between": true, "around": true,
}

var monthCtxStrict = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "during": true,
	"throughout": true, "early": true, "late": true, "mid": true, "last": true,
	"this": true, "next": true,
}

// monthAt reads a capitalised month name at token i and returns its number
// and the token after it ("Sept." takes its full stop).
func (p *parser) monthAt(i int) (m, e int, ok bool) {
	w := p.Word(i)
	m, ok = months[w]
	if !ok || !p.IsUpper(i) {
		return 0, i, false
	}
	e = i + 1
	if len(w) <= 4 && w != "may" && w != "june" && w != "july" {
		if p.Punct(e) == "." && p.Glued(e) {
			e++
		}
	}
	return m, e, true
}

// dayNum reads a day of the month at token i: "21", "21st", "3rd".
func (p *parser) dayNum(i int) (d, e int, ok bool) {
	if !p.IsNum(i) || p.Toks[i].E-p.Toks[i].S > 2 {
		return 0, i, false
	}
	d = p.Toks[i].N
	if d < 1 || d > 31 {
		return 0, i, false
	}
	e = i + 1
	switch p.Word(e) {
	case "st", "nd", "rd", "th":
		if p.Glued(e) {
			e++
		}
	}
	// "21:30", "21/09", "21.5" are no days.
	if c := p.Punct(e); p.Glued(e) && (c == ":" || c == "/" || c == ".") && p.IsNum(e+1) && p.Glued(e+1) {
		return 0, i, false
	}
	if p.Glued(e) && p.Word(e) != "" {
		return 0, i, false // "21km"
	}
	return d, e, true
}

// yearAt reads a four-digit year at token i.
func (p *parser) yearAt(i int) (y, e int, ok bool) {
	if !p.IsNum(i) || p.Toks[i].E-p.Toks[i].S != 4 {
		return 0, i, false
	}
	y = p.Toks[i].N
	if y < 1000 || y > 2999 {
		return 0, i, false
	}
	e = i + 1
	// "2022-23", "2,000", "2021.5", "2022:" are no plain years here.
	if p.Glued(e) {
		if c := p.Punct(e); c == "," || c == "." || c == ":" || c == "/" {
			if p.IsNum(e+1) && p.Glued(e+1) {
				return 0, i, false
			}
		}
		if e < len(p.Toks) && p.Toks[e].K == lex.Word {
			return 0, i, false // "1990s" is read as a decade elsewhere
		}
	}
	return y, e, true
}

// weekday reads a weekday with its modifiers: "Monday", "last Wednesday",
// "this coming Friday", "early Monday", "late on Sunday", "Monday, Sept. 26".
func (p *parser) weekday(i int) (res, bool) {
	type mode int
	const (
		onOrBefore mode = iota
		before
		after
		sameWeek
	)
	md, j := onOrBefore, i
	switch p.Word(j) {
	case "last", "past":
		md, j = before, j+1
	case "next", "coming":
		md, j = after, j+1
	case "this":
		switch p.Word(j + 1) {
		case "past":
			md, j = before, j+2
		case "coming":
			md, j = after, j+2
		default:
			md, j = sameWeek, j+1
		}
	}
	switch p.Word(j) {
	case "early", "late", "overnight":
		j++
		if p.Word(j) == "on" {
			j++
		}
	}
	w := p.Word(j)
	wd, full := weekdays[w]
	if !full {
		abbr, ok := weekdayAbbr[w]
		if !ok || !p.IsUpper(j) {
			return res{}, false
		}
		wd = abbr
	}
	e := j + 1
	// A date next to the weekday wins: "Monday, Sept. 26", "Mon. 26 Sept.".
	k := e
	if !full && p.Punct(k) == "." && p.Glued(k) {
		k++
	}
	paren := false
	switch p.Punct(k) {
	case ",":
		k++
	case "(":
		k, paren = k+1, true
	}
	if r, ok := p.dayDate(k, int(wd)); ok {
		r.s = i
		if paren && p.Punct(r.e) == ")" {
			r.e++
		}
		return r, true
	}
	if !full {
		return res{}, false
	}
	if !p.hasRef {
		return unresolved(i, e, true), true
	}
	ref := p.ref
	diff := 0
	switch md {
	case onOrBefore:
		diff = -((int(ref.Weekday()) - int(wd) + 7) % 7)
	case before:
		diff = -((int(ref.Weekday()) - int(wd) + 7) % 7)
		if diff == 0 {
			diff = -7
		}
	case after:
		diff = (int(wd) - int(ref.Weekday()) + 7) % 7
		if diff == 0 {
			diff = 7
		}
	case sameWeek:
		t := mondayOf(ref).AddDate(0, 0, (int(wd)+6)%7)
		return dayRes(i, e, t), true
	}
	return dayRes(i, e, ref.AddDate(0, 0, diff)), true
}

// dayDate reads a date that names a day, at token i: "Sept. 21",
// "September 21, 2022", "21 September 2022", "the 21st of September",
// "Sept. 21-22", "2022-09-21", "21/09/2022". wd is the weekday said with it,
// or -1; it picks the year when none is given.
func (p *parser) dayDate(i, wd int) (res, bool) {
	if r, ok := p.numeric(i); ok {
		return r, true
	}
	j := i
	if p.Word(j) == "the" {
		j++
	}
	var m, d, d2, e int
	var ok bool
	if m, e, ok = p.monthAt(j); ok && j == i {
		// Month first: "Sept. 21", "September 21st, 2022", "Sept. 21-22".
		if p.Glued(e) && p.Punct(e-1) != "." {
			return res{}, false // "Sep1"
		}
		if d, e, ok = p.dayNum(e); !ok {
			return res{}, false
		}
		if lex.IsDash(p.Punct(e)) {
			if d2, e2, ok := p.dayNum(e + 1); ok && d2 > d {
				return p.finishDay(i, e2, m, d, d2, wd, true)
			}
		}
		return p.finishDay(i, e, m, d, d, wd, true)
	}
	// Day first: "21 September 2022", "21st of September", "the 21st".
	if d, e, ok = p.dayNum(j); !ok {
		return res{}, false
	}
	d2 = d
	if lex.IsDash(p.Punct(e)) {
		if x, e2, ok := p.dayNum(e + 1); ok && x > d {
			if _, _, ok := p.monthAt(e2); ok {
				d2, e = x, e2
			}
		}
	}
	if p.Word(e) == "of" {
		e++
	}
	if m, e, ok = p.monthAt(e); !ok {
		return res{}, false
	}
	return p.finishDay(i, e, m, d, d2, wd, false)
}

// finishDay reads the optional year after a day and month and resolves
// the date.
func (p *parser) finishDay(s, e, m, d, d2, wd int, comma bool) (res, bool) {
	k := e
	if comma && p.Punct(k) == "," {
		k++
	}
	if y, ye, ok := p.yearAt(k); ok {
		if !valid(y, m, d) || !valid(y, m, d2) {
			return res{}, false
		}
		r := rangeRes(s, ye, civil(y, time.Month(m), d), civil(y, time.Month(m), d2), model.DateDay)
		r.day = d == d2
		return r, true
	}
	if !valid(2000, m, d) || !valid(2000, m, d2) {
		return res{}, false
	}
	if !p.hasRef {
		return unresolved(s, e, d == d2), true
	}
	y := p.yearOf(m, d, wd)
	r := rangeRes(s, e, civil(y, time.Month(m), d), civil(y, time.Month(m), d2), model.DateDay)
	r.day = d == d2
	return r, true
}

// yearOf picks the year of a day and month given without one. With a
// weekday, the year nearest the reference in which the day falls on it;
// else the latest such day on or before the reference, unless the next one
// is at most 60 days ahead.
func (p *parser) yearOf(m, d, wd int) int {
	ry := p.ref.Year()
	if wd >= 0 {
		best, bestDist := 0, 1<<30
		for y := ry - 6; y <= ry+6; y++ {
			if !valid(y, m, d) {
				continue
			}
			t := civil(y, time.Month(m), d)
			if int(t.Weekday()) != wd {
				continue
			}
			dist := int(t.Sub(p.ref).Hours() / 24)
			if dist > 0 {
				dist = dist*2 + 1 // prefer the past
			} else {
				dist = -dist * 2
			}
			if dist < bestDist {
				best, bestDist = y, dist
			}
		}
		if best > 0 {
			return best
		}
	}
	for y := ry; y <= ry+8; y++ {
		if valid(y, m, d) {
			t := civil(y, time.Month(m), d)
			if t.After(p.ref) {
				if t.Sub(p.ref) <= 60*24*time.Hour {
					return y
				}
				break
			}
		}
	}
	for y := ry; y >= ry-8; y-- {
		if valid(y, m, d) && !civil(y, time.Month(m), d).After(p.ref) {
			return y
		}
	}
	return ry
}

// numeric reads an all-digit date: "2022-09-21", "2022/09/21", "21/09/2022",
// "21.09.2022", "09/21/2022" (month first only when the day-first reading
// is impossible), "21/09/22".
func (p *parser) numeric(i int) (res, bool) {
	if !p.IsNum(i) || !p.IsNum(i+2) || !p.IsNum(i+4) || !p.Glued(i+1) || !p.Glued(i+2) || !p.Glued(i+3) || !p.Glued(i+4) {
		return res{}, false
	}
	sep := p.Punct(i + 1)
	if sep != p.Punct(i+3) || (sep != "-" && sep != "/" && sep != ".") {
		return res{}, false
	}
	if i > 0 && p.Glued(i) && p.Toks[i-1].K != lex.Punct || p.Glued(i+5) && (p.Punct(i+5) == sep || p.IsNum(i+6) && p.Glued(i+6) && p.Punct(i+5) != ",") {
		return res{}, false // part of a longer code: an address, a version, a phone number
	}
	l := func(k int) int { return p.Toks[k].E - p.Toks[k].S }
	a, b, c := p.Toks[i].N, p.Toks[i+2].N, p.Toks[i+4].N
	var y, m, d int
	switch {
	case l(i) == 4 && l(i+2) <= 2 && l(i+4) <= 2:
		y, m, d = a, b, c
	case l(i) <= 2 && l(i+2) <= 2 && (l(i+4) == 4 || l(i+4) == 2) && sep != "-" || l(i+4) == 4:
		y = c
		if l(i+4) == 2 {
			y += 2000
			if p.hasRef && y > p.ref.Year()+1 {
				y -= 100
			}
		}
		d, m = a, b
		if m > 12 && d <= 12 {
			d, m = m, d
		}
	default:
		return res{}, false
	}
	if !valid(y, m, d) || y < 1000 {
		return res{}, false
	}
	return dayRes(i, i+5, civil(y, time.Month(m), d)), true
}

// absolute reads a date with a calendar name or number: a day date, a
// month ("in February", "February 2022", "mid-March"), a year ("in 2021",
// "since 2014", "late 2021", "2014-2016") or a decade ("the 1990s").
func (p *parser) absolute(i int) (res, bool) {
	if r, ok := p.dayDate(i, -1); ok {
		return r, true
	}
	j := i
	mod := false
	switch p.Word(j) {
	case "early", "late", "mid", "middle":
		mod = true
		j++
		if lex.IsDash(p.Punct(j)) && p.Glued(j) {
			j++
		}
	}
	prev := p.Word(i - 1)
	// "last February", "next March", "this May".
	rel := ""
	if !mod {
		switch p.Word(j) {
		case "last", "next", "this":
			if _, _, ok := p.monthAt(j + 1); ok {
				rel = p.Word(j)
				prev = rel
				j++
			}
		}
	}
	if m, e, ok := p.monthAt(j); ok {
		// "February 2022", "Feb. 2022", "February of 2022".
		k := e
		if p.Punct(k) == "," {
			k++
		}
		if p.Word(k) == "of" {
			k++
		}
		if y, ye, ok := p.yearAt(k); ok && (k == e || p.Punct(e) == "," || p.Word(e) == "of") {
			return monthRes(i, ye, y, m), true
		}
		// "March last year", "June of this year".
		if rel := p.Word(k); (rel == "last" || rel == "this" || rel == "next") && p.Word(k+1) == "year" && (k == e || p.Word(e) == "of") {
			if !p.hasRef {
				return unresolved(i, k+2, false), true
			}
			y := p.ref.Year()
			switch rel {
			case "last":
				y--
			case "next":
				y++
			}
			return monthRes(i, k+2, y, m), true
		}
		// A month alone, where the words around it make it one.
		w := p.Word(j)
		strict := w == "may" || w == "march" || w == "mar"
		ctx := mod || rel != "" || (strict && monthCtxStrict[prev]) || (!strict && monthCtx[prev]) ||
			!strict && p.Word(i-1) == "of" && isPeriodWord(p.Word(i-2))
		if len(w) <= 4 && w != "may" && w != "june" && w != "july" {
			ctx = false // "Jan", "Aug" alone are names or words
		}
		if !ctx {
			return res{}, false
		}
		if !p.hasRef {
			return unresolved(i, e, false), true
		}
		ry, rm := p.ref.Year(), int(p.ref.Month())
		y := ry
		switch rel {
		case "last":
			if m >= rm {
				y--
			}
		case "next":
			if m <= rm {
				y++
			}
		case "this":
		default:
			if m > rm {
				y--
			}
		}
		return monthRes(i, e, y, m), true
	}
	// Decades: "the 1990s", "1990s".
	if p.IsNum(j) && p.Toks[j].E-p.Toks[j].S == 4 && p.Word(j+1) == "s" && p.Glued(j+1) {
		y := p.Toks[j].N
		if y%10 == 0 && y >= 1000 && y <= 2990 {
			s := i
			if p.Word(i-1) == "the" && !mod {
				s = i - 1
			}
			return rangeRes(s, j+2, civil(y, 1, 1), civil(y+9, 12, 31), model.DateYear), true
		}
	}
	if y, e, ok := p.yearAt(j); ok && y >= 1900 && y <= 2100 {
		ctx := mod
		switch prev {
		case "in", "since", "by", "until", "till", "during", "from", "before", "after",
			"throughout", "through", "circa", "between", "around":
			ctx = true
		case "of":
			ctx = isPeriodWord(p.Word(i - 2))
		case "the":
			// "the 2014 annexation", but not "the 2000 protesters".
			n := p.Word(e)
			ctx = n != "" && !p.Toks[e].Upper && n[len(n)-1] != 's'
		}
		if !ctx {
			return res{}, false
		}
		// Ranges: "2014-2016", "2014 to 2016", "between 2014 and 2016", "2014-16".
		y2, e2 := y, e
		if c, w := p.Punct(e), p.Word(e); lex.IsDash(c) || w == "to" || w == "and" || w == "through" {
			if z, ze, ok := p.yearAt(e + 1); ok && z > y && z <= 2100 {
				y2, e2 = z, ze
			} else if lex.IsDash(c) && p.IsNum(e+1) && p.Glued(e+1) && p.Toks[e+1].E-p.Toks[e+1].S == 2 {
				if z := y/100*100 + p.Toks[e+1].N; z > y {
					y2, e2 = z, e+2
				}
			}
		}
		return rangeRes(i, e2, civil(y, 1, 1), civil(y2, 12, 31), model.DateYear), true
	}
	return res{}, false
}

// isPeriodWord reports whether w names a part of a period: "the end of
// 2021", "the summer of 2022".
func isPeriodWord(w string) bool {
	switch w {
	case "end", "start", "beginning", "middle", "summer", "winter", "spring", "autumn",
		"fall", "half", "part", "rest", "month", "year", "course":
		return true
	}
	return false
}

// periods are the units of relative expressions.
var periods = map[string]string{
	"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
	"months": "month", "year": "year", "years": "year", "decade": "decade", "decades": "decade",
}

// relative reads an expression dated from the reference day: "yesterday",
// "today", "tonight", "last night", "this morning", "the day before
// yesterday", "two days ago", "last week", "earlier this month", "this
// year", "over the weekend".
func (p *parser) relative(i int) (res, bool) {
	w := p.Word(i)
	r := res{s: i}
	shift := func(days, e int) (res, bool) {
		if !p.hasRef {
			return unresolved(i, e, true), true
		}
		return dayRes(i, e, p.ref.AddDate(0, 0, days)), true
	}
	switch w {
	case "today", "tonight":
		return shift(0, i+1)
	case "yesterday":
		return shift(-1, i+1)
	case "tomorrow":
		return shift(1, i+1)
	case "earlier", "later":
		if p.Word(i+1) == "today" || p.Word(i+1) == "tonight" {
			return shift(0, i+2)
		}
	case "the":
		if p.Word(i+1) == "day" {
			switch {
			case p.Word(i+2) == "before" && p.Word(i+3) == "yesterday":
				return shift(-2, i+4)
			case p.Word(i+2) == "after" && p.Word(i+3) == "tomorrow":
				return shift(2, i+4)
			}
		}
		if p.Word(i+1) == "weekend" {
			return p.weekend(i, i+2, false)
		}
		if p.Word(i+1) == "past" || p.Word(i+1) == "last" {
			if u := periods[p.Word(i+2)]; u != "" && u != "decade" && p.Word(i+2) == u {
				return p.past(i, i+3, u)
			}
		}
	case "last":
		switch p.Word(i + 1) {
		case "night":
			return shift(-1, i+2)
		case "weekend":
			return p.weekend(i, i+2, true)
		}
	case "this":
		switch p.Word(i + 1) {
		case "morning", "afternoon", "evening":
			return shift(0, i+2)
		case "weekend":
			return p.weekend(i, i+2, false)
		}
	}
	// "last week", "this month", "next year", "earlier this month", "late
	// last year", "later this week".
	j := i
	part := ""
	switch w {
	case "earlier", "later", "early", "late":
		part = w
		j++
	}
	if rel := p.Word(j); rel == "last" || rel == "this" || rel == "next" || rel == "past" {
		if u := periods[p.Word(j+1)]; u != "" && u != "day" && u != "decade" && p.Word(j+1) == u {
			e := j + 2
			if rel == "past" {
				return p.past(i, e, u)
			}
			if !p.hasRef {
				return unresolved(i, e, false), true
			}
			n := 0
			switch rel {
			case "last":
				n = -1
			case "next":
				n = 1
			}
			ref := p.ref
			switch u {
			case "week":
				r = weekRes(i, e, ref.AddDate(0, 0, 7*n))
			case "month":
				t := civil(ref.Year(), ref.Month()+time.Month(n), 1)
				r = monthRes(i, e, t.Year(), int(t.Month()))
			case "year":
				r = yearRes(i, e, ref.Year()+n)
			}
			if n == 0 {
				switch part {
				case "earlier":
					r.end = ref
				case "later":
					r.start = ref
				}
			}
			return r, true
		}
	}
	// "two days ago", "a week ago", "three years ago".
	if n, k, ok := p.count(i); ok {
		if u := periods[p.Word(k)]; u != "" && p.Word(k+1) == "ago" {
			e := k + 2
			if !p.hasRef {
				return unresolved(i, e, u == "day"), true
			}
			ref := p.ref
			switch u {
			case "day":
				return dayRes(i, e, ref.AddDate(0, 0, -n)), true
			case "week":
				return weekRes(i, e, ref.AddDate(0, 0, -7*n)), true
			case "month":
				t := civil(ref.Year(), ref.Month()-time.Month(n), 1)
				return monthRes(i, e, t.Year(), int(t.Month())), true
			case "year":
				return yearRes(i, e, ref.Year()-n), true
			case "decade":
				return yearRes(i, e, ref.Year()-10*n), true
			}
		}
	}
	return res{}, false
}

// past reads "the past week", "the last month": the period that ends on
// the reference day.
func (p *parser) past(s, e int, u string) (res, bool) {
	if !p.hasRef {
		return unresolved(s, e, false), true
	}
	ref := p.ref
	var a time.Time
	prec := model.DateWeek
	switch u {
	case "day":
		a = ref.AddDate(0, 0, -1)
		prec = model.DateDay
	case "week":
		a = ref.AddDate(0, 0, -6)
	case "month":
		a, prec = ref.AddDate(0, -1, 0), model.DateMonth
	case "year":
		a, prec = ref.AddDate(-1, 0, 0), model.DateYear
	}
	return rangeRes(s, e, a, ref, prec), true
}

// weekend reads "the weekend", "this weekend" and "last weekend": the
// latest Saturday and Sunday on or before the reference day, or, for "last
// weekend" said on a weekend, the one before.
func (p *parser) weekend(s, e int, last bool) (res, bool) {
	if !p.hasRef {
		return unresolved(s, e, false), true
	}
	ref := p.ref
	sat := ref.AddDate(0, 0, -((int(ref.Weekday()) - int(time.Saturday) + 7) % 7))
	if last && (ref.Weekday() == time.Saturday || ref.Weekday() == time.Sunday) {
		sat = sat.AddDate(0, 0, -7)
	}
	return rangeRes(s, e, sat, sat.AddDate(0, 0, 1), model.DateWeek), true
}

// count reads a small count at token i: "two", "a", "3".
func (p *parser) count(i int) (n, e int, ok bool) {
	if p.IsNum(i) && p.Toks[i].N >= 0 && p.Toks[i].N < 1000 && !p.Glued(i+1) {
		return p.Toks[i].N, i + 1, true
	}
	if n, ok := smallNumbers[p.Word(i)]; ok {
		return n, i + 1, true
	}
	return 0, i, false
}

// anaphoric reads an expression that dates from another event: "the same
// day", "that night", "the day before", "the next day", "two days later".
func (p *parser) anaphoric(i int) (res, bool) {
	w, w1, w2 := p.Word(i), p.Word(i+1), p.Word(i+2)
	ana := func(e, off int) (res, bool) {
		return res{s: i, e: e, prec: model.DateUnknown, ana: true, off: off, day: true}, true
	}
	partOfDay := func(w string) bool {
		switch w {
		case "day", "night", "morning", "afternoon", "evening":
			return true
		}
		return false
	}
	switch w {
	case "the":
		switch {
		case w1 == "same" && partOfDay(w2):
			return ana(i+3, 0)
		case w1 == "day" && (w2 == "before" || w2 == "prior"):
			return ana(i+3, -1)
		case w1 == "night" && w2 == "before":
			return ana(i+3, -1)
		case w1 == "day" && w2 == "after":
			return ana(i+3, 1)
		case w1 == "previous" && partOfDay(w2):
			return ana(i+3, -1)
		case (w1 == "next" || w1 == "following") && partOfDay(w2):
			return ana(i+3, 1)
		}
	case "that":
		switch {
		case w1 == "same" && partOfDay(w2):
			return ana(i+3, 0)
		case partOfDay(w1) && p.Punct(i+2) != "'" && p.Punct(i+2) != "\u2019":
			return ana(i+2, 0)
		}
	case "earlier", "later":
		if w1 == "that" && partOfDay(w2) {
			return ana(i+3, 0)
		}
		if w1 == "the" && w2 == "same" && partOfDay(p.Word(i+3)) {
			return ana(i+4, 0)
		}
	case "hours", "minutes", "moments":
		if w1 == "later" || w1 == "earlier" {
			return ana(i+2, 0)
		}
	}
	// "a day later", "two days earlier", "a week later".
	if n, k, ok := p.count(i); ok {
		u := periods[p.Word(k)]
		if u == "day" || u == "week" {
			if u == "week" {
				n *= 7
			}
			switch p.Word(k + 1) {
			case "later", "after":
				if p.Word(k+1) == "after" && p.Word(k+2) != "" {
					break // "two days after the attack": the anchor follows
				}
				return ana(k+2, n)
			case "earlier", "before":
				if p.Word(k+1) == "before" && p.Word(k+2) != "" {
					break
				}
				return ana(k+2, -n)
			}
		}
	}
	return res{}, false
}

// timeWords are times of day that may stand alone: "at dawn", "at noon".
var timeWords = map[string]bool{
	"dawn": true, "dusk": true, "noon": true, "midday": true, "midnight": true,
	"daybreak": true, "sunrise": true, "sunset": true, "nightfall": true,
}

// timeAt reads a time of day at token i: "5 p.m.", "5pm", "17:30",
// "10:30 a.m. local time", "1400 GMT", "noon". It returns the token after.
func (p *parser) timeAt(i int) (int, bool) {
	if timeWords[p.Word(i)] {
		return i + 1, true
	}
	if !p.IsNum(i) {
		return i, false
	}
	h := p.Toks[i].N
	e := i + 1
	clock := false
	if p.Punct(e) == ":" && p.Glued(e) && p.IsNum(e+1) && p.Glued(e+1) && p.Toks[e+1].E-p.Toks[e+1].S == 2 {
		e += 2
		clock = true
	} else if p.Punct(e) == "." && p.Glued(e) && p.IsNum(e+1) && p.Glued(e+1) && p.Toks[e+1].E-p.Toks[e+1].S == 2 {
		e += 2 // "5.30pm"
	}
	ampm := false
	switch w := p.Word(e); {
	case w == "am" || w == "pm":
		e++
		ampm = true
	case (w == "a" || w == "p") && p.Punct(e+1) == "." && p.Glued(e+1) && p.Word(e+2) == "m" && p.Glued(e+2):
		e += 3
		if p.Punct(e) == "." && p.Glued(e) {
			e++
		}
		ampm = true
	}
	switch {
	case ampm && h >= 1 && h <= 12:
	case clock && h <= 24:
	case p.Toks[i].E-p.Toks[i].S == 4 && h%100 < 60 && h <= 2400 && (p.Word(e) == "gmt" || p.Word(e) == "utc" || p.Word(e) == "hours" || p.Word(e) == "hrs"):
		e++
		return e, true
	default:
		return i, false
	}
	switch w := p.Word(e); {
	case w == "gmt" || w == "utc" || w == "cet" || w == "msk":
		e++
	case w == "local" && p.Word(e+1) == "time":
		e += 2
	}
	return e, true
}

// extend takes the words around r that shape it: "since", a time of day, a
// part of the day; and marks background use. last is the token after the
// previous expression, which r may not reach back over.
func (p *parser) extend(r *res, last int) {
	s := r.s
	// Background: "since February", "ever since 2014", "since the start of
	// 2022", "than last year", "compared with last year", "as of Monday".
	j := s - 1
	for n := 0; n < 5 && j >= last; n++ {
		switch p.Word(j) {
		case "the", "start", "beginning", "end", "middle", "outbreak", "early", "late", "mid", "of":
			j--
			continue
		}
		if lex.IsDash(p.Punct(j)) {
			j--
			continue
		}
		break
	}
	switch p.Word(j) {
	case "since":
		r.bg = true
		if j == s-1 {
			r.s = j
			if p.Word(j-1) == "ever" && j-1 >= last {
				r.s = j - 1
			}
		}
	}
	switch w := p.Word(s - 1); {
	case w == "than":
		r.bg = true
	case (w == "with" || w == "to") && p.Word(s-2) == "compared":
		r.bg = true
	case w == "of" && p.Word(s-2) == "as":
		r.bg = true
	case p.Word(s-1) == "period" || p.Word(s-2) == "period" || p.Word(s-3) == "period":
		r.bg = true
	}
	if !r.day {
		return
	}
	// A part of the day or a time after it: "Monday night", "Monday at 5
	// p.m.", "yesterday, at around noon".
	e := r.e
	switch p.Word(e) {
	case "morning", "afternoon", "evening", "night", "overnight":
		if p.Word(r.e-1) != "night" && p.Word(r.e-1) != "tonight" {
			e++
		}
	}
	k := e
	if p.Punct(k) == "," {
		k++
	}
	switch p.Word(k) {
	case "shortly", "just":
		if w := p.Word(k + 1); w == "after" || w == "before" {
			k++
		}
	}
	switch p.Word(k) {
	case "at", "around", "about", "after", "before", "from":
		k2 := k + 1
		if p.Word(k2) == "around" || p.Word(k2) == "about" || p.Word(k2) == "approximately" {
			k2++
		}
		if te, ok := p.timeAt(k2); ok {
			e = te
		}
	}
	r.e = e
	// A time before it: "at 5 p.m. on Monday", "at dawn on Monday", "in the
	// early hours of Monday", "on the night of Sept. 21".
	s = r.s
	switch p.Word(s - 1) {
	case "on":
		if b, ok := p.timeBefore(s - 2); ok && b >= last {
			r.s = b
		}
	case "of":
		switch p.Word(s - 2) {
		case "hours", "morning", "night", "evening", "afternoon":
			b := s - 2
			for b-1 >= last && (p.Word(b-1) == "early" || p.Word(b-1) == "small" || p.Word(b-1) == "late") {
				b--
			}
			if p.Word(b-1) == "the" && b-1 >= last {
				r.s = b - 1
			}
		}
	}
}

// timeBefore reads backwards a time of day that ends at token j and returns
// its first token.
func (p *parser) timeBefore(j int) (int, bool) {
	if j < 0 {
		return 0, false
	}
	if timeWords[p.Word(j)] {
		return j, true
	}
	for b := j; b >= j-7 && b >= 0; b-- {
		if !p.IsNum(b) {
			continue
		}
		if e, ok := p.timeAt(b); ok && e == j+1 {
			return b, true
		}
	}
	return 0, false
}

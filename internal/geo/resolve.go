package geo

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/geo/fold"
	"sitrep/internal/model"
)

// Context weights, in the same units as prior.
const (
	wCountry   = 4.0  // the candidate's country is named elsewhere in the document
	wAdmin1    = 5.0  // its admin1 unit is named elsewhere
	wQualifier = 10.0 // "Bangor, Maine": the qualifier names its admin1 unit or country
	wWithin    = 5.0  // "Ust-Ilimsk in Irkutsk Oblast"
	wNear25    = 3.0  // within 25 km of another place of the document
	wNear100   = 2.0
	wNear300   = 1.0
	wSupport   = 2.0 // other names of the document may name places in its admin1 unit
	wSupport2  = 2.0 // or in its admin2 unit
	wFocus     = 2.0 // the candidate lies in the country the document is mostly about
	wShadow    = 5.0 // a small town that shares the name of its country's admin1 unit
)

// focusMin is the least context weight that makes a country the
// document's focus: a country named twice, or a few of its places.
const focusMin = 1.5

// group is the mentions of one name in a document: one sense per
// discourse.
type group struct {
	members []int
	cands   []Candidate
	quals   []int // mentions that qualify a member ("X, Y")
	withins []int // mentions that contain a member ("X in Y")
	nat     string
	chosen  int // index into cands, -1 none
	compass bool
	a1      map[int32]float64 // admin1 unit → how plausible the group's best candidate in it is
	a2      map[int32]float64 // the same for admin2 units
}

// contribution is what a group's chosen candidate adds to the document's
// context.
type contribution struct {
	countries map[string]float64
	admin1    map[int32]float64
	lat, lon  float64
	anchor    bool
	focus     string // in a sum: the country that outweighs all others, or ""
}

// Resolve picks one place per mention, nil where the gazetteer has none.
// It reads the document as a whole: the countries and admin1 units it
// names (including through demonyms and the places it resolves), its
// focus country (one that outweighs all others), the admin1 and admin2
// units that the readings of its other names lie in ("Lebanon" beside
// "Boone County"), "X, Y" and "X in Y" patterns, distance to the
// document's other places, and one sense per discourse (every mention of
// a name gets the same place). A small town that shares its name with an
// admin1 unit of its country ("Florida", New York) needs the document's
// word against the unit. Where the document says nothing, the kind of
// entry and its population decide.
// Mentions may come from Recognize or from elsewhere; those from elsewhere
// are looked up by their Text.
func (g *Gazetteer) Resolve(text string, mentions []Mention) []*model.Place {
	out := make([]*model.Place, len(mentions))
	if len(mentions) == 0 {
		return out
	}
	ms := make([]Mention, len(mentions))
	copy(ms, mentions)
	for i := range ms {
		g.prepare(&ms[i])
	}

	// Groups by name. A bare name that the document also gives with its
	// generic word ("Enga province" ... "Enga") is that unit: one sense
	// per discourse.
	// A town of that name inside the unit is the unit's seat, and keeps
	// its own sense ("Irkutsk" beside "the Irkutsk region").
	unitNames := map[string]map[string]bool{}
	for i := range ms {
		if ms[i].generic != 0 && ms[i].iso2 == "" && ms[i].compass == nil {
			units := unitNames[ms[i].key]
			if units == nil {
				units = map[string]bool{}
				unitNames[ms[i].key] = units
			}
			for _, c := range ms[i].cands {
				units[c.Country+"\x00"+c.Name] = true
			}
		}
	}
	isUnit := func(m *Mention) bool {
		units, ok := unitNames[m.key]
		if !ok || m.generic != 0 {
			return false
		}
		for _, c := range m.cands {
			if c.Precision == model.PrecCity && units[c.Country+"\x00"+c.Admin1] {
				return false
			}
		}
		return true
	}
	byKey := map[string]int{}
	var groups []*group
	gi := make([]int, len(ms))
	dateline := map[int]bool{} // groups named in a dateline
	for i := range ms {
		m := &ms[i]
		k := m.key
		switch {
		case m.iso2 != "":
			k = "\x00nat " + m.iso2
		case m.compass != nil:
			k = "\x00compass " + fold.Key(m.Text)
		case m.generic != 0 || isUnit(m):
			k = "\x00generic " + k
		}
		j, ok := byKey[k]
		if !ok {
			j = len(groups)
			byKey[k] = j
			groups = append(groups, &group{cands: m.cands, nat: m.iso2, chosen: -1, compass: m.compass != nil})
		}
		groups[j].members = append(groups[j].members, i)
		gi[i] = j
		if inDateline(text, m) {
			dateline[j] = true
		}
	}
	// Qualifiers: "X, Y" and "X in Y" where Y follows X directly.
	for i := 0; i+1 < len(ms); i++ {
		if ms[i].End > ms[i+1].Start || ms[i].End > len(text) || ms[i+1].Start > len(text) {
			continue
		}
		between := strings.TrimSpace(text[ms[i].End:ms[i+1].Start])
		switch between {
		case ",":
			groups[gi[i]].quals = append(groups[gi[i]].quals, i+1)
		case "in", "near", "outside", ", in", ", near":
			groups[gi[i]].withins = append(groups[gi[i]].withins, i+1)
		}
	}

	// Soft support: every reading of every name, weighted by its prior
	// against the name's best reading, votes for its admin1 and admin2
	// units. "Lebanon" and "Boone County" are each ambiguous, but only in
	// a few states do both have a reading.
	votes := adminVoteSums{a1: map[int32]float64{}, a2: map[int32]float64{}}
	for _, gr := range groups {
		gr.a1, gr.a2 = adminVotes(gr.cands)
		for k, v := range gr.a1 {
			votes.a1[k] += v
		}
		for k, v := range gr.a2 {
			votes.a2[k] += v
		}
	}
	contribs := make([]contribution, len(groups))
	// Round 0: nationalities and names with one clear reading.
	for j, gr := range groups {
		if gr.nat != "" {
			contribs[j] = contribution{countries: map[string]float64{gr.nat: 0.7}}
			continue
		}
		if len(gr.cands) == 0 {
			continue
		}
		best, second := -1, -1
		for k := range gr.cands {
			p := prior(&gr.cands[k])
			if best < 0 || p > prior(&gr.cands[best]) {
				best, second = k, best
			} else if second < 0 || p > prior(&gr.cands[second]) {
				second = k
			}
		}
		if second < 0 || prior(&gr.cands[best])-prior(&gr.cands[second]) >= 3 {
			gr.chosen = best
			contribs[j] = contribute(&gr.cands[best], len(gr.members), dateline[j])
		}
	}
	// Rounds 1 and 2: every name in the light of the others.
	for round := 0; round < 2; round++ {
		total := sumContribs(contribs)
		next := make([]contribution, len(groups))
		for j, gr := range groups {
			if gr.nat != "" {
				next[j] = contribs[j]
				continue
			}
			if len(gr.cands) == 0 {
				continue
			}
			best, bestScore := -1, math.Inf(-1)
			for k := range gr.cands {
				c := &gr.cands[k]
				ctx := g.contextScore(c, &total, &contribs[j], contribs, gr, &votes, ms)
				if dateline[j] {
					// A wire dateline names the bureau's city, nearly
					// always a big one: what else the report names weighs
					// less against its size ("CAIRO, June 19 (Reuters) -"
					// in a report on Sudan that mentions New York).
					ctx *= wDatelineOwn
				}
				s := prior(c) + ctx
				if shadowed(c, gr.cands) {
					s -= wShadow
				}
				if s > bestScore {
					best, bestScore = k, s
				}
			}
			gr.chosen = best
			next[j] = contribute(&gr.cands[best], len(gr.members), dateline[j])
		}
		contribs = next
	}

	// A small town abroad that nothing else in a report about another
	// country points to is likelier a place the gazetteer lacks ("El
	// Alto" in a report from La Paz, read as a village in Peru): left
	// unresolved rather than guessed.
	total := sumContribs(contribs)
	for j, gr := range groups {
		if gr.chosen < 0 || gr.nat != "" || total.focus == "" {
			continue
		}
		c := &gr.cands[gr.chosen]
		if c.Precision != model.PrecCity || c.Country == total.focus || c.Population >= strayMaxPop {
			continue
		}
		if total.countries[c.Country]-contribs[j].countries[c.Country] > 1e-9 || total.countries[total.focus] < strayFocusMin {
			continue
		}
		gr.chosen = -1
	}

	for _, gr := range groups {
		for _, i := range gr.members {
			m := &ms[i]
			switch {
			case gr.nat != "":
				if k, ok := g.byISO[gr.nat]; ok {
					c := g.candidate(k.ref)
					out[i] = c.place(m.Text)
				}
			case gr.chosen >= 0:
				out[i] = gr.cands[gr.chosen].place(m.Text)
				if gr.compass {
					// "Central Russia" at the start of a sentence is
					// still "central Russia".
					r, n := utf8.DecodeRuneInString(m.Text)
					out[i].Name = string(unicode.ToLower(r)) + m.Text[n:]
				}
			}
		}
	}
	return out
}

// strayMaxPop and strayFocusMin bound the towns abroad left unresolved
// (see Resolve): fewer people than this, in a report whose focus country
// weighs at least this much.
const (
	strayMaxPop   = 50_000
	strayFocusMin = 3.0
)

// wDatelineOwn multiplies the context a dateline's own name takes from
// the rest of the report.
const wDatelineOwn = 0.5

// wDatelineContext multiplies the context a dateline's place gives the
// other names of a report ("LA PAZ, Bolivia — ...").
const wDatelineContext = 3

// inDateline reports whether mention m is in a dateline: at the start of
// a line, in capitals or after a name in capitals and a comma, and
// followed, after at most one more name, by a dash ("LA PAZ, Bolivia —",
// "MIDDLETOWN - ").
func inDateline(text string, m *Mention) bool {
	if m.Start > len(text) || m.End > len(text) {
		return false
	}
	line := strings.LastIndexByte(text[:m.Start], '\n') + 1
	before := text[line:m.Start]
	if m.Start-line > 40 || strings.ToUpper(before) != before {
		return false
	}
	if b := strings.TrimSpace(before); b != "" && !strings.HasSuffix(b, ",") {
		return false
	}
	rest := text[m.End:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	if len(rest) > 60 {
		rest = rest[:60]
	}
	if strings.HasPrefix(rest, ",") {
		// "LA PAZ, Bolivia —": a qualifier before the dash;
		// "BHILWARA, April 13:": a date before a colon.
		k := strings.IndexAny(rest, "—–-:")
		if k < 0 || strings.ContainsAny(rest[1:k], ",.") {
			return false
		}
		rest = rest[k:]
	}
	rest = strings.TrimLeft(rest, " \u00a0")
	return strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "- ") || strings.HasPrefix(rest, "-- ") ||
		strings.HasPrefix(rest, ": ")
}

// prepare fills in what Resolve needs of a mention that did not come from
// Recognize.
func (g *Gazetteer) prepare(m *Mention) {
	if m.cands != nil || m.iso2 != "" {
		return
	}
	key := stripThe(fold.Key(m.Text))
	m.key = key
	if iso, ok := g.demonyms[key]; ok && (m.Kind == model.KindNationality || len(g.overlay[key]) == 0) {
		m.iso2 = iso
		m.Kind = model.KindNationality
		return
	}
	m.cands, m.generic, m.compass = g.lookup(key)
	markExact(m.cands, m.Text)
	if m.cands == nil {
		m.cands = []Candidate{}
	}
	if m.generic != 0 {
		m.key = key[:strings.LastIndexByte(key, ' ')]
	}
}

func contribute(c *Candidate, n int, dateline bool) contribution {
	w := 1.0
	if n > 1 {
		w = 1.3
	}
	// Where a report is filed from is what it is most likely about.
	if dateline {
		w *= wDatelineContext
	}
	ct := contribution{countries: map[string]float64{}}
	switch {
	case c.Precision == model.PrecCountry:
		ct.countries[c.Country] = w
	case c.Precision == model.PrecRegion:
		if c.Country != "" {
			ct.countries[c.Country] = w
		}
		for _, cc := range c.within {
			ct.countries[cc] = math.Max(ct.countries[cc], 0.5*w)
		}
	case c.Feature == "ADM1":
		ct.countries[c.Country] = w
		ct.admin1 = map[int32]float64{c.a1: w}
	default:
		ct.countries[c.Country] = 0.5 * w
		if c.a1 >= 0 {
			ct.admin1 = map[int32]float64{c.a1: 0.5 * w}
		}
		ct.lat, ct.lon, ct.anchor = c.Lat, c.Lon, true
	}
	return ct
}

func sumContribs(cs []contribution) contribution {
	t := contribution{countries: map[string]float64{}, admin1: map[int32]float64{}}
	for _, c := range cs {
		for k, v := range c.countries {
			t.countries[k] += v
		}
		for k, v := range c.admin1 {
			t.admin1[k] += v
		}
	}
	// The focus country: at least twice the weight of any other.
	first, second := "", 0.0
	for k, v := range t.countries {
		switch {
		case first == "" || v > t.countries[first] || v == t.countries[first] && k < first:
			if first != "" {
				second = math.Max(second, t.countries[first])
			}
			first = k
		default:
			second = math.Max(second, v)
		}
	}
	if first != "" && t.countries[first] >= 2*second {
		t.focus = first
	}
	return t
}

// contextScore is the evidence the document gives for candidate c of a
// group, leaving out what the group itself contributed.
func (g *Gazetteer) contextScore(c *Candidate, total, own *contribution, all []contribution, gr *group, votes *adminVoteSums, ms []Mention) float64 {
	s := 0.0
	if c.Country != "" {
		if w := total.countries[c.Country] - own.countries[c.Country]; w > 1e-9 {
			s += wCountry * (1 - math.Exp(-w))
		}
	} else {
		for _, cc := range c.within {
			if w := total.countries[cc] - own.countries[cc]; w > 1e-9 {
				s += wCountry * (1 - math.Exp(-w)) / 2
				break
			}
		}
	}
	if c.Country != "" && c.Country == total.focus && total.countries[c.Country]-own.countries[c.Country] >= focusMin {
		s += wFocus
	}
	if c.a1 >= 0 {
		if w := total.admin1[c.a1] - own.admin1[c.a1]; w > 1e-9 {
			s += wAdmin1 * (1 - math.Exp(-w))
		}
	}
	if c.a1 >= 0 && c.Precision != model.PrecAdmin1 {
		if sup := votes.a1[c.a1] - gr.a1[c.a1]; sup > 1e-9 {
			s += wSupport * (1 - math.Exp(-sup))
		}
	}
	if c.a2 >= 0 {
		if sup := votes.a2[c.a2] - gr.a2[c.a2]; sup > 1e-9 {
			s += wSupport2 * (1 - math.Exp(-sup))
		}
	}
	if c.Precision == model.PrecCity || c.Precision == model.PrecAdmin2 {
		best := math.Inf(1)
		for k := range all {
			a := &all[k]
			if !a.anchor || a == own {
				continue
			}
			best = math.Min(best, haversine(c.Lat, c.Lon, a.lat, a.lon))
		}
		switch {
		case best < 25:
			s += wNear25
		case best < 100:
			s += wNear100
		case best < 300:
			s += wNear300
		}
	}
	if qualified(c, gr.quals, ms) {
		s += wQualifier
	}
	if qualified(c, gr.withins, ms) {
		s += wWithin
	}
	return s
}

// shadowed reports whether c is a town in the shadow of a namesake admin1
// unit of its own country: "Florida" the village in New York beside the
// state, "Delaware" the Ohio city beside the state. The unit is what a
// bare name means, unless the document says otherwise (a qualifier, the
// town's neighbours). A town of a twentieth of the unit's people or more
// (a seat the unit is named after) is not shadowed.
func shadowed(c *Candidate, cands []Candidate) bool {
	if c.Precision != model.PrecCity || c.Feature == "PPLC" {
		return false
	}
	for k := range cands {
		u := &cands[k]
		if u.Feature == "ADM1" && !u.alt && !u.core && !u.seat && u.Country == c.Country &&
			int64(c.Population)*20 < int64(u.Population) {
			return true
		}
	}
	return false
}

// adminVoteSums adds up the votes of all groups.
type adminVoteSums struct{ a1, a2 map[int32]float64 }

// adminVotes weighs the admin1 and admin2 units that a name's readings
// lie in: each unit gets exp((prior − best prior)/4) of its likeliest
// reading, so the best reading's unit gets 1 and that of a place ten times
// smaller about 0.8. A name with one reading votes too: a town votes for
// its county ("Huntsville" for Walker County, Texas).
func adminVotes(cands []Candidate) (a1, a2 map[int32]float64) {
	if len(cands) == 0 {
		return nil, nil
	}
	best := math.Inf(-1)
	for k := range cands {
		best = math.Max(best, prior(&cands[k]))
	}
	a1, a2 = map[int32]float64{}, map[int32]float64{}
	for k := range cands {
		c := &cands[k]
		w := math.Exp((prior(c) - best) / 4)
		if w < 0.02 {
			continue
		}
		if c.a1 >= 0 {
			a1[c.a1] = math.Max(a1[c.a1], w)
		}
		if c.a2 >= 0 {
			a2[c.a2] = math.Max(a2[c.a2], w)
		}
	}
	return a1, a2
}

// qualified reports whether one of the qualifying mentions may name the
// admin1 unit or country that c lies in.
func qualified(c *Candidate, quals []int, ms []Mention) bool {
	for _, q := range quals {
		m := &ms[q]
		if m.iso2 != "" && m.iso2 == c.Country {
			return true
		}
		for k := range m.cands {
			qc := &m.cands[k]
			switch {
			case qc.Feature == "ADM1" && qc.a1 == c.a1 && c.ref != qc.ref:
				return true
			case qc.Precision == model.PrecCountry && qc.Country == c.Country:
				return true
			}
		}
	}
	return false
}

// haversine returns the great-circle distance in km.
func haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp := p2 - p1
	dl := (lon2 - lon1) * math.Pi / 180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

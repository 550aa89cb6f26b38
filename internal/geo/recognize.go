package geo

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/geo/fold"
	"sitrep/internal/model"
)

// Mention is a place or nationality named in a text.
type Mention struct {
	// Text is the mention as written, Text == text[Start:End].
	Text string
	// Start and End are byte offsets into the text, End exclusive.
	Start, End int
	// Kind is model.KindPlace or model.KindNationality.
	Kind string
	// Score is how sure the recogniser is that the words name a place or a
	// nationality: the sum of the evidence for and against. It is at least
	// 2 for a mention accepted on its own, and may be lower for a name
	// accepted because the same name was accepted elsewhere in the text.
	Score float64

	key     string      // folded name, without compass or generic words
	generic int         // 1 or 2 when a generic word follows (Irkutsk region), else 0
	compass *[2]float64 // set for "central Russia"
	iso2    string      // for nationalities
	cands   []Candidate // what Recognize found; Resolve re-derives it when nil
}

// acceptScore is the recogniser's threshold: a match whose evidence sums
// to less is not a place. The evidence is in nats-like units: a city of
// 10,000 people with no context scores 2, one of 1,000 people needs a
// preposition such as "in" before it.
const acceptScore = 2.0

// maxNameTokens bounds the length of a name in tokens.
const maxNameTokens = 8

// token is a word of the text.
type token struct {
	start, end int    // byte offsets of the word, without a possessive 's
	key        string // folded word, abbreviations spelt out (St → saint)
	word       string // folded word as written (St → st)
	sep        byte   // how it joins the previous token: ' ', '-', or '|' for anything else
	cap        bool   // starts with an upper-case letter
	upper      bool   // two or more letters, all upper case
	sent       bool   // first word of a sentence, line or quotation
	dot        bool   // a full stop follows or ends it
	initialism bool   // letters with full stops between them (U.S., S.C.)
	comma      bool   // a comma follows
	poss       bool   // a possessive 's follows (Russia's)
	dash       bool   // a dash set off by spaces follows (MIDDLETOWN — ...)
}

func decodeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// tokenize splits text into words. A word may hold apostrophes between
// letters (O'Brien, Sana'a) and full stops in initialisms (U.S., D.C.); a
// hyphen splits words but is remembered (Ust'-Ilimsk, Moscow-based); a
// possessive 's is left out of the word.
func tokenize(text string, toks []token) []token {
	prevEnd := 0
	first := true
	for i := 0; i < len(text); {
		r, n := decodeAt(text, i)
		if !isWordRune(r) || unicode.Is(unicode.Mn, r) {
			i += n
			continue
		}
		start := i
		seg := 0 // letters since the last inner full stop
		inner := false
		j := i
	scan:
		for j < len(text) {
			r, n := decodeAt(text, j)
			switch {
			case isWordRune(r):
				j += n
				seg++
			case fold.IsApostrophe(r):
				r2, n2 := decodeAt(text, j+n)
				if !isLetter(r2) {
					break scan
				}
				if r2 == 's' || r2 == 'S' {
					if r3, _ := decodeAt(text, j+n+n2); !isWordRune(r3) {
						break scan // possessive
					}
				}
				j += n
			case r == '.' && seg <= 2:
				r2, _ := decodeAt(text, j+1)
				if !unicode.IsUpper(r2) {
					break scan
				}
				j++
				seg = 0
				inner = true
			default:
				break scan
			}
		}
		end := j
		dot := false
		if end < len(text) && text[end] == '.' {
			dot = true
			if inner {
				end++ // U.S.
			}
		}
		surface := text[start:end]
		t := token{start: start, end: end, dot: dot, initialism: inner}
		t.word = fold.Word(surface)
		t.key = t.word
		switch t.word {
		case "st":
			t.key = "saint"
		case "ste":
			t.key = "sainte"
		case "mt":
			t.key = "mount"
		case "ft":
			t.key = "fort"
		}
		r0, _ := decodeAt(surface, 0)
		t.cap = unicode.IsUpper(r0)
		if t.cap {
			t.upper = true
			letters := 0
			for _, r := range surface {
				if unicode.IsLetter(r) {
					letters++
					if !unicode.IsUpper(r) {
						t.upper = false
						break
					}
				}
			}
			if letters < 2 {
				t.upper = false
			}
		}
		// The separator from the previous token.
		sep := text[prevEnd:start]
		switch {
		case first:
			t.sep = '|'
			t.sent = true
		case toks[len(toks)-1].poss && strings.Trim(sep, " \t\u00a0") == "":
			t.sep = '|' // "Russia's Vladimir Putin": no name runs over a possessive
		case sep == "-" || sep == "‐":
			t.sep = '-'
		case strings.Trim(sep, " \t\u00a0") == "" && !strings.ContainsAny(sep, "\n\r"):
			t.sep = ' '
		default:
			t.sep = '|'
			prev := &toks[len(toks)-1]
			if strings.ContainsAny(sep, "\n\r!?:;\"“”") ||
				strings.Contains(sep, ".") && !(abbrevDot[prev.word] || len(prev.word) == 1) {
				t.sent = true
			}
		}
		// A possessive 's is skipped; the next separator starts after it.
		prevEnd = end
		if end < len(text) {
			if r, n := decodeAt(text, end); fold.IsApostrophe(r) {
				if r2, n2 := decodeAt(text, end+n); r2 == 's' || r2 == 'S' {
					prevEnd = end + n + n2
					t.poss = true
				} else {
					prevEnd = end + n
				}
			}
		}
		k := prevEnd
		for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		t.comma = k < len(text) && text[k] == ','
		if k > prevEnd && k < len(text) {
			rest := text[k:min(len(text), k+3)]
			t.dash = strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") ||
				strings.HasPrefix(rest, "--") || strings.HasPrefix(rest, "- ")
		}
		toks = append(toks, t)
		first = false
		i = max(prevEnd, start+1)
	}
	return toks
}

// match is a candidate name found at tokens [i, j).
type match struct {
	i, j    int
	key     string
	cands   []Candidate
	iso2    string // a nationality
	generic int
	compass *[2]float64
	cStart  int // first token of a compass phrase
	score   float64
	person  bool    // rejected as part of a person's name
	listed  bool    // accepted later as an item of a list
	ofEv    float64 // evidence of "the province of", "parts of" before it
}

// Recognize finds the places and nationalities named in text: capitalised
// words that name gazetteer entries (longest match first), admin units
// with their generic word ("the Irkutsk region", "Irkutsk Oblast"),
// compass regions ("central Russia"), the project's regions ("Siberia"),
// countries, and demonyms ("Syrian", "Russians").
//
// Each match is weighed: the kind and size of the best entry it may name,
// against the odds that the word is common English ("Man", "Police"), part
// of a person's name ("Vladimir Putin", a surname met before), a title, a
// day or month, or the first word of a sentence; a preposition such as
// "in" or a qualifier ("Bangor, Maine") counts for it, and so do the
// patterns of place: "the province of X", "the town of X", "parts of X",
// "the outskirts of X", a list with an accepted place ("from Todos
// Santos, Chiantla and Cuilco"), a plural generic word after a list
// ("Walton and Oconee counties"), a dateline ("MIDDLETOWN — "), and the
// words that use a name as a place ("Dunbar police", "a Williston man").
// A speech verb next to a small town's name ("Nelson said") counts
// against it. Mentions are returned in text order and do not overlap.
func (g *Gazetteer) Recognize(text string) []Mention {
	toks := tokenize(text, make([]token, 0, len(text)/5))
	surnames := g.surnames(toks)
	var out []Mention
	var outTok [][2]int // the tokens of each mention of out
	var rejected []match
	accepted := map[string]bool{}
	kb := make([]byte, 0, 64)
	add := func(m Mention, i, j int) {
		out = append(out, m)
		outTok = append(outTok, [2]int{i, j})
	}
	for i := 0; i < len(toks); {
		t := &toks[i]
		if !t.cap {
			i++
			continue
		}
		// "S.C.", "N.Y.": a dotted state initialism is one anywhere.
		if t.initialism {
			if am, ok := g.abbreviation(text, toks, i); ok {
				add(am.Mention, i, am.toks)
				i = am.toks
				continue
			}
		}
		m, ok := g.longest(toks, i, kb)
		if !ok {
			// "Kelleyland, La.": an abbreviation with full stops after a
			// capitalised word and a comma is a state even when the town
			// is not in the gazetteer.
			if t.comma && i+1 < len(toks) && toks[i+1].dot {
				if am, ok := g.abbreviation(text, toks, i+1); ok {
					add(am.Mention, i+1, am.toks)
					i = am.toks
					continue
				}
			}
			i++
			continue
		}
		g.extend(toks, &m)
		g.unitOf(toks, &m)
		if m.iso2 != "" {
			m.score = g.scoreNationality(toks, &m)
		} else {
			m.score = g.scorePlace(toks, &m, surnames)
		}
		if m.score < acceptScore {
			rejected = append(rejected, m)
			i++
			continue
		}
		if len(out) > 0 && toks[m.start()].start < out[len(out)-1].End {
			// A compass word already inside the previous mention.
			i++
			continue
		}
		add(g.mention(text, toks, &m), m.start(), m.j)
		accepted[m.key] = true
		i = m.j
		// "Alexandria, Va.": a state abbreviation after a place.
		if m.iso2 == "" && toks[m.j-1].comma {
			if am, ok := g.abbreviation(text, toks, m.j); ok {
				add(am.Mention, m.j, am.toks)
				i = am.toks
			}
		}
	}
	// "Wamena in Papua", "Fortul, Arauca": a small place named with the
	// region or country that holds it is a place.
	for k := range rejected {
		m := &rejected[k]
		if m.person || m.iso2 != "" || m.score < acceptScore-containedBonus {
			continue
		}
		if c, ok := g.containedBy(toks, m, out, outTok); ok {
			m.cands = []Candidate{c}
			m.listed = true
			add(g.mention(text, toks, m), m.start(), m.j)
			accepted[m.key] = true
		}
	}
	if len(outTok) > 1 {
		sortByStart(out, outTok)
	}
	// Lists: "from Todos Santos, Chiantla and Cuilco", "Walton and Oconee
	// counties".
	if len(rejected) > 0 {
		var listed []Mention
		out, listed = g.coordinate(text, toks, out, outTok, rejected)
		for _, m := range listed {
			accepted[m.key] = true
		}
	}
	// One sense per discourse: a name accepted once is a place wherever it
	// is not plainly a person's name.
	var more []Mention
	for k := range rejected {
		m := &rejected[k]
		if m.listed || m.person || m.iso2 != "" || !accepted[m.key] || m.score < acceptScore-3 {
			continue
		}
		start, end := toks[m.start()].start, toks[m.j-1].end
		if overlaps(out, start, end) || overlaps(more, start, end) {
			continue
		}
		more = append(more, g.mention(text, toks, m))
	}
	if len(more) > 0 {
		out = mergeMentions(out, more)
	}
	return out
}

// containedBonus is how far below acceptScore a name may score and still
// be accepted when the next words name the region or country holding it.
const containedBonus = 1.5

// containedBy finds the candidate of m that lies in the place accepted
// right after it, across "in" or a comma: "Wamena in Papua".
func (g *Gazetteer) containedBy(toks []token, m *match, out []Mention, outTok [][2]int) (Candidate, bool) {
	next := -1
	switch {
	case toks[m.j-1].comma:
		next = m.j
	case m.j+1 < len(toks) && toks[m.j].word == "in" && !toks[m.j].cap:
		next = m.j + 1
	}
	if next < 0 {
		return Candidate{}, false
	}
	for k, span := range outTok {
		if span[0] != next || out[k].Kind != model.KindPlace {
			continue
		}
		for _, outer := range out[k].cands {
			for _, c := range m.cands {
				if c.Precision != model.PrecCity || c.Country != outer.Country {
					continue
				}
				switch outer.Precision {
				case model.PrecCountry:
					return c, true
				case model.PrecAdmin1:
					if c.a1 >= 0 && c.a1 == outer.a1 {
						return c, true
					}
				}
			}
		}
	}
	return Candidate{}, false
}

// sortByStart orders mentions and their token spans by position.
func sortByStart(out []Mention, outTok [][2]int) {
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
			outTok[j], outTok[j-1] = outTok[j-1], outTok[j]
		}
	}
}

func (m *match) start() int {
	if m.compass != nil {
		return m.cStart
	}
	return m.i
}

func overlaps(ms []Mention, start, end int) bool {
	for _, m := range ms {
		if m.Start < end && start < m.End {
			return true
		}
	}
	return false
}

func mergeMentions(a, b []Mention) []Mention {
	out := make([]Mention, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		if j >= len(b) || i < len(a) && a[i].Start < b[j].Start {
			out = append(out, a[i])
			i++
		} else {
			out = append(out, b[j])
			j++
		}
	}
	return out
}

// longest finds the longest name starting at token i.
func (g *Gazetteer) longest(toks []token, i int, kb []byte) (match, bool) {
	var best match
	found := false
	kb = kb[:0]
	for j := i; j < len(toks) && j < i+maxNameTokens; j++ {
		t := &toks[j]
		if j > i {
			if t.sep == '|' && !(toks[j-1].dot && placeAbbrev[toks[j-1].word]) {
				break
			}
			if !t.cap && !connectors[t.word] && !isDigits(t.word) {
				break
			}
			kb = append(kb, ' ')
		}
		kb = append(kb, t.key...)
		key := string(kb)
		hasKey, longer := g.probe(key)
		ov := g.overlay[key]
		iso2, dem := g.demonyms[key]
		if hasKey || len(ov) > 0 || dem {
			m := match{i: i, j: j + 1, key: key}
			switch {
			case len(ov) > 0:
				m.cands = g.lookupOverlay(key)
				if hasKey {
					m.cands = append(m.cands, g.lookupIndex(key, false)...)
				}
			case dem:
				m.iso2 = iso2
			default:
				m.cands = g.lookupIndex(key, false)
			}
			m.cands = pruneAlt(m.cands)
			best, found = m, true
		}
		if !longer && !g.prefixes[key] {
			break
		}
	}
	// A name cannot end on a connector ("Isle of").
	return best, found && !connectors[toks[best.j-1].word]
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// extend widens a match over a generic word that follows it ("Irkutsk
// region") or a compass word before it ("central Russia").
func (g *Gazetteer) extend(toks []token, m *match) {
	if m.iso2 != "" {
		return
	}
	if m.j < len(toks) {
		t := &toks[m.j]
		if lv, ok := genericLevel[t.word]; ok && t.sep == ' ' &&
			!(m.j+1 < len(toks) && toks[m.j+1].cap && toks[m.j+1].sep == ' ') {
			if admin := g.adminCandidates(m.key, lv); len(admin) > 0 {
				m.cands = admin
				m.generic = max(lv, 1)
				m.j++
				return
			}
		}
	}
	// A compass word before a country or admin1 unit.
	if m.i == 0 || toks[m.i].sep == '|' {
		return
	}
	p := m.i - 1
	phrase := toks[p].word
	if p > 0 && (toks[p].sep == '-' || toks[p].sep == ' ') {
		if _, ok := compassDirs[toks[p-1].word+" "+phrase]; ok {
			p--
			phrase = toks[p].word + " " + phrase
		}
	}
	dir, ok := compassDirs[phrase]
	if !ok {
		return
	}
	var regs []Candidate
	for _, c := range m.cands {
		if c.Precision != model.PrecCountry && c.Feature != "ADM1" {
			continue
		}
		if r, ok := g.compassCandidate(dir, c); ok {
			regs = append(regs, r)
		}
	}
	if len(regs) > 0 {
		m.cands = regs
		m.compass = &dir
		m.cStart = p
	}
}

// Kinds of strong candidates, which outweigh the doubt that a capitalised
// common word raises.
const (
	strongAdmin1  = 1
	strongCountry = 2 // a country or a named region
)

// recPrior is the evidence that a name is a place before its context: the
// best of its candidates by kind and size.
func recPrior(cands []Candidate) (best float64, strong int) {
	best = math.Inf(-1)
	for k := range cands {
		c := &cands[k]
		var p float64
		switch c.Feature {
		case "PCLI", "PCLD":
			p, strong = 4.5, strongCountry
		case "CONT", "RGN", "ISL":
			p, strong = 4, strongCountry
		case "ADM1":
			if c.core {
				p = 1.5
			} else {
				p = 3.5
				if strong == 0 {
					strong = strongAdmin1
				}
			}
		case "ADM2":
			p = 2
			if c.core {
				p = 0.5
			}
		default:
			p = math.Log10(float64(max(c.Population, 1))) - 2
			p = min(max(p, 0.3), 5)
			switch c.Feature {
			case "PPLC":
				p += 1
			case "PPLA":
				p += 0.5
			}
			if c.alt {
				p -= altDoubt(c)
			}
		}
		best = max(best, p)
	}
	return best, strong
}

// altDoubt is the evidence against a name that is only an alternate name
// of the place. A spelling variant of its own name (Avdiivka for
// Avdiyivka) costs little; another language's name for it (Hamas for
// Hamm) is seldom what English text means, unless the place is a big city
// (Kiev, Bombay).
func altDoubt(c *Candidate) float64 {
	if c.Population >= 1_000_000 {
		return 0.3
	}
	if c.altKey != "" {
		own := fold.Key(c.Name)
		if d := fold.Distance(c.altKey, own); float64(d) <= 0.25*float64(max(len(own), len(c.altKey))) {
			return 0.3
		}
	}
	return 1.5
}

// commonPenalty is the evidence against a capitalised word being a name
// because it is common English, by SCOWL level (10 the most common).
func commonPenalty(level uint8) float64 {
	switch {
	case level == 0:
		return 0
	case level <= 10:
		return 5
	case level <= 20:
		return 4
	case level <= 35:
		return 2.5
	case level <= 40:
		return 2
	case level <= 50:
		return 1.5
	case level <= 55:
		return 1
	}
	return 0.5
}

// nameLike reports whether a token looks like part of a person's or an
// organisation's name: capitalised, not common English, not a title,
// month, demonym or country.
func (g *Gazetteer) nameLike(t *token) bool {
	if !t.cap || t.upper || g.words[t.word] != 0 || titles[t.word] || calendar[t.word] ||
		connectors[t.word] || streetWords[t.word] {
		return false
	}
	if _, ok := g.demonyms[t.key]; ok {
		return false
	}
	_, ok := g.overlay[t.key]
	return !ok
}

// surnames collects the words of people's names: a pair of name-like
// words that is no place ("Igor Kobzev", "Chiquita Raquel Henry") or a
// name-like word after a title ("President Obama", "Gov. Sanford"). A
// later "Henry" or "Obama" alone is more likely the person than a place.
func (g *Gazetteer) surnames(toks []token) map[string]bool {
	var s map[string]bool
	add := func(w string) {
		if s == nil {
			s = map[string]bool{}
		}
		s[w] = true
	}
	for i := 1; i < len(toks); i++ {
		a, b := &toks[i-1], &toks[i]
		if b.sep == '|' && !(a.dot && abbrevDot[a.word]) || b.sep == '-' || !g.nameLike(b) {
			continue
		}
		if a.cap && titles[a.word] {
			add(b.word)
			continue
		}
		if b.sep != ' ' || !g.nameLike(a) {
			continue
		}
		if has, _ := g.probe(a.key + " " + b.key); has || g.isRegion(b.key) || g.isRegion(a.key) {
			continue
		}
		add(a.word)
		add(b.word)
	}
	return s
}

// isRegion reports whether key names a country or an admin1 unit.
func (g *Gazetteer) isRegion(key string) bool {
	if len(g.overlay[key]) > 0 {
		return true
	}
	if has, _ := g.probe(key); !has {
		return false
	}
	for _, c := range g.lookupIndex(key, false) {
		if c.Feature == "ADM1" {
			return true
		}
	}
	return false
}

// scorePlace weighs the evidence that a match names a place.
func (g *Gazetteer) scorePlace(toks []token, m *match, surnames map[string]bool) float64 {
	if len(m.cands) == 0 {
		return math.Inf(-1)
	}
	first := &toks[m.i]
	words := 0
	level := uint8(255)
	for k := m.i; k < m.j; k++ {
		if connectors[toks[k].word] && k > m.i {
			continue
		}
		words++
		if _, ok := genericLevel[toks[k].word]; ok && k == m.j-1 && k > m.i {
			continue
		}
		level = min(level, g.words[toks[k].word])
	}
	if words == 1 && m.generic == 0 && (calendar[first.word] || ethnonyms[first.word] ||
		placeAbbrev[first.word] || titles[first.word] || featureWords[first.word]) {
		return math.Inf(-1)
	}
	if m.compass == nil && m.generic == 0 {
		if _, ok := compassDirs[m.key]; ok {
			return math.Inf(-1) // "North", "South East": a direction
		}
	}
	s, strong := recPrior(m.cands)
	if words >= 2 {
		s++
	}
	if m.generic != 0 {
		s += 2
	} else if _, ok := genericLevel[toks[m.j-1].word]; ok && words >= 2 && hasAdmin(m.cands) {
		s += 2 // "Butler County", "Irkutsk Oblast": the generic word is part of the name
	}
	if m.compass != nil {
		s += 1.5
	}
	if level != 0 && m.compass == nil {
		pen := commonPenalty(level)
		if words >= 2 {
			pen = min(pen, 2)
		}
		// "the town of Sake": the unit noun says what the word is.
		if m.ofEv >= wUnitOf {
			pen = min(pen, 1)
		}
		switch {
		case strong == strongCountry && first.sent:
			pen /= 2
		case strong == strongCountry:
			pen = 0 // Turkey, Chad: a country is what the capital means
		case strong == strongAdmin1 && !first.sent:
			pen /= 2
		case first.sent:
			pen++
		}
		s -= pen
	}
	if words == 1 && first.upper {
		// All capitals: a headline, a dateline or an acronym, the shorter
		// the likelier an acronym.
		if _, ok := g.overlay[m.key]; !ok {
			if utf8.RuneCountInString(first.word) <= 4 {
				s -= 3
			} else {
				s -= 1.5
			}
		}
	}
	// Before the name.
	if m.start() > 0 && m.compass == nil {
		p := &toks[m.i-1]
		switch {
		case first.sep != ' ':
		case !p.cap:
			w := locatives[p.word]
			if p.word == "the" && m.i >= 2 && toks[m.i-2].sep == ' ' {
				w = locatives[toks[m.i-2].word]
			}
			if m.ofEv > 0 {
				w = m.ofEv
			}
			s += w
		case !first.sent && titles[p.word], p.dot && placeAbbrev[p.word], p.word == "saint":
			// "President Obama", "St. Patrick": a person.
			s -= 6
			m.person = true
		case !first.sent && g.nameLike(p):
			s -= 4
			m.person = true
		case !first.sent && !p.sent && p.word != "the" && g.words[p.word] != 0:
			if _, ok := compassDirs[p.word]; !ok {
				// "National Forest", "Point Cruz": the end of a longer
				// name that is not the place's.
				s -= 2.5
			}
		}
	}
	// After the name.
	last := &toks[m.j-1]
	if m.j < len(toks) {
		n := &toks[m.j]
		w, after := afterPlace[n.word]
		after = after && n.sep == ' ' && !last.poss && (!n.cap || afterPlaceCap[n.word]) && !n.upper
		switch {
		case after:
			s += w
		case n.cap && streetWords[n.word] && (n.sep == ' ' || last.poss):
			// "Memphis Street", "St. Mark's Cathedral".
			s -= 4
		case last.poss:
			// "Russia's Vladimir Putin": the next word is not part of
			// the name.
		case n.sep == ' ' && n.cap && streetWords[n.word]:
			s -= 4
		case n.sep == ' ' && n.cap && g.nameLike(n):
			s -= 4
			m.person = true
		case n.sep == ' ' && n.cap && !n.upper && m.generic == 0:
			s--
		case n.sep == '-' && (n.word == "based" || n.word == "born" || n.word == "bound" || n.word == "area"):
			s++
		case n.sep == '-' && !n.cap && !hyphenAfterPlace[n.word]:
			// "Pag-asa Island": the start of a longer hyphenated name.
			s -= 4
		}
		if toks[m.j-1].comma && g.qualifierAt(toks, m.j) {
			s += 2
		}
		// "the San Francisco church", "St. George's cathedral": a
		// church named after its saint, not the town of that name.
		if saintly[first.word] && n.sep == ' ' && churchWords[n.word] {
			s -= 6
		}
	}
	// "Nelson said", "said Nelson": a person speaks, a town seldom does
	// (a country or a capital may: "Russia said", "Washington said").
	if words == 1 && strong == 0 && !hasFeature(m.cands, "PPLC") {
		spoke := m.j < len(toks) && toks[m.j].sep == ' ' && speechVerbs[toks[m.j].word]
		if m.i > 0 && first.sep == ' ' && speechVerbs[toks[m.i-1].word] && !toks[m.i-1].cap {
			spoke = true
		}
		if spoke {
			s -= 2.5
			m.person = true
		}
	}
	// A dateline: "MIDDLETOWN — ", "HURRICANE, W.Va. - ".
	if first.sent && first.upper && (last.dash || last.comma && g.qualifierAt(toks, m.j) && datelineAfter(toks, m.j)) {
		s += wDateline
	}
	if words == 1 && surnames[first.word] {
		s -= 3
		m.person = true
	}
	return s
}

// scoreNationality weighs the evidence that a demonym is one.
func (g *Gazetteer) scoreNationality(toks []token, m *match) float64 {
	first := &toks[m.i]
	s := 4.0
	if lv := g.words[first.word]; lv != 0 && first.sent && m.j == m.i+1 {
		s -= commonPenalty(lv)
	}
	return s
}

// qualifierAt reports whether tokens from k name a state, province or
// country, as in "Bangor, Maine" or "Alexandria, Va.".
func (g *Gazetteer) qualifierAt(toks []token, k int) bool {
	if k >= len(toks) || !toks[k].cap {
		return false
	}
	if _, _, ok := g.abbrAt(toks, k); ok {
		return true
	}
	key := toks[k].key
	for j := k; j < len(toks) && j < k+4; j++ {
		if j > k {
			if toks[j].sep != ' ' || !toks[j].cap && !connectors[toks[j].word] {
				break
			}
			key += " " + toks[j].key
		}
		if len(g.overlay[key]) > 0 {
			return true
		}
		for _, c := range g.lookupIndex(key, false) {
			if c.Feature == "ADM1" {
				return true
			}
		}
	}
	return false
}

// abbrAt finds a state or province abbreviation at token k ("Va.",
// "N.Y.", "W. Va.", "TX"), returning the admin1 index and the token after
// it.
func (g *Gazetteer) abbrAt(toks []token, k int) (int32, int, bool) {
	t := &toks[k]
	if !t.cap || !(t.dot || t.upper && len(t.word) == 2) {
		return 0, 0, false
	}
	if k+1 < len(toks) && len(t.word) == 1 && t.dot {
		// "W. Va."
		u := &toks[k+1]
		if u.cap && u.dot {
			if a, ok := g.abbrs[t.word+u.word]; ok {
				return a, k + 2, true
			}
		}
	}
	if len(t.word) < 2 {
		return 0, 0, false
	}
	a, ok := g.abbrs[t.word]
	return a, k + 1, ok
}

// abbreviationMention is the mention of a state abbreviation and the index
// of the token after it.
type abbreviationMention struct {
	Mention
	toks int
}

func (g *Gazetteer) abbreviation(text string, toks []token, k int) (abbreviationMention, bool) {
	if k >= len(toks) {
		return abbreviationMention{}, false
	}
	a, next, ok := g.abbrAt(toks, k)
	if !ok || g.admin1[a].entry < 0 {
		return abbreviationMention{}, false
	}
	c := g.candidate(g.admin1[a].entry)
	start, end := toks[k].start, toks[next-1].end
	if end < len(text) && text[end] == '.' {
		end++
	}
	return abbreviationMention{Mention: Mention{Text: text[start:end], Start: start, End: end,
		Kind: model.KindPlace, Score: 4, key: fold.Key(c.Name), cands: []Candidate{c}}, toks: next}, true
}

// mention turns an accepted match into a Mention.
func (g *Gazetteer) mention(text string, toks []token, m *match) Mention {
	start, end := toks[m.start()].start, toks[m.j-1].end
	mm := Mention{Text: text[start:end], Start: start, End: end, Kind: model.KindPlace,
		Score: m.score, key: m.key, generic: m.generic, compass: m.compass, cands: m.cands}
	markExact(mm.cands, mm.Text)
	if m.iso2 != "" {
		mm.Kind = model.KindNationality
		mm.iso2 = m.iso2
	}
	return mm
}

// datelineAfter reports whether a dash follows the qualifier at token k
// ("HURRICANE, W.Va. - ").
func datelineAfter(toks []token, k int) bool {
	for j := k; j < len(toks) && j < k+4; j++ {
		if toks[j].dash {
			return true
		}
		if j > k && toks[j].sep == '|' && !toks[j-1].dot {
			return false
		}
	}
	return false
}

func hasFeature(cands []Candidate, f string) bool {
	for k := range cands {
		if cands[k].Feature == f {
			return true
		}
	}
	return false
}

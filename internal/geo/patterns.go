package geo

import (
	"sort"
	"strings"

	"sitrep/internal/model"
)

// Evidence of the place patterns, in the units of acceptScore.
const (
	// wUnitOf is "the province of X", "the town of X": the text says
	// what X is.
	wUnitOf = 3.5
	// wPartOf is "parts of X", "the outskirts of X", "north of X".
	wPartOf = 2.5
	// wList is what an item gains from a list that holds an accepted
	// place, beside the evidence of the word that opens the list.
	wList = 1.0
	// wListGeneric is "Walton and Oconee counties": a plural generic word
	// after a list makes each item an admin unit.
	wListGeneric = 4.0
	// wDateline is a name in capitals that opens a line before a dash
	// ("MIDDLETOWN — ", "HURRICANE, W.Va. - ").
	wDateline = 2.5
)

// hintPopulated is the unit level of "the town of", "the village of": a
// populated place rather than an admin unit.
const hintPopulated = 3

// unitOf looks for "the <unit> of X" and "<part> of X" before a match and
// records their evidence; a unit word also narrows the candidates to the
// kind it names ("the province of Bukidnon" is the province, "the town of
// Bangor" a town).
func (g *Gazetteer) unitOf(toks []token, m *match) {
	if m.iso2 != "" || m.compass != nil || m.generic != 0 || m.i < 2 {
		return
	}
	of, noun := &toks[m.i-1], &toks[m.i-2]
	if toks[m.i].sep != ' ' || of.word != "of" || of.cap || of.sep != ' ' || noun.cap {
		return
	}
	if lv, ok := unitNouns[noun.word]; ok {
		m.ofEv = wUnitOf
		switch lv {
		case hintPopulated:
			var pp []Candidate
			for _, c := range m.cands {
				if c.Precision == model.PrecCity {
					pp = append(pp, c)
				}
			}
			if len(pp) > 0 {
				m.cands = pp
			}
		default:
			if admin := g.adminCandidates(m.key, lv); len(admin) > 0 {
				m.cands = admin
				m.generic = max(lv, 1)
			}
		}
		return
	}
	if partNouns[noun.word] {
		m.ofEv = wPartOf
	}
}

// listItem is a name in the text that may stand in a list: an accepted
// mention (out[k], k ≥ 0) or a rejected match (rej).
type listItem struct {
	i, j       int // tokens
	start, end int // bytes
	k          int // index into out, or -1
	rej        *match
}

// coordinate gives the names of a list the evidence of the list. An item
// of a list that holds an accepted place gains wList and the evidence of
// the word before the list ("Farmers from Todos Santos Cuchumatán,
// Chiantla and Cuilco", "in Ciudad Guayana and Tumeremo"); a plural
// generic word after a list ("Walton and Oconee counties") makes every
// item an admin unit of that level. It returns out with the newly accepted
// items merged in, and those items.
func (g *Gazetteer) coordinate(text string, toks []token, out []Mention, outTok [][2]int, rejected []match) ([]Mention, []Mention) {
	items := make([]listItem, 0, len(out)+len(rejected))
	for k := range out {
		if out[k].Kind != model.KindPlace {
			continue
		}
		items = append(items, listItem{i: outTok[k][0], j: outTok[k][1], start: out[k].Start, end: out[k].End, k: k})
	}
	for r := range rejected {
		m := &rejected[r]
		if m.person || m.iso2 != "" || len(m.cands) == 0 || m.compass != nil {
			continue
		}
		start, end := toks[m.i].start, toks[m.j-1].end
		if overlaps(out, start, end) {
			continue
		}
		items = append(items, listItem{i: m.i, j: m.j, start: start, end: end, k: -1, rej: m})
	}
	sort.SliceStable(items, func(a, b int) bool {
		if items[a].start != items[b].start {
			return items[a].start < items[b].start
		}
		return items[a].end > items[b].end
	})
	// Drop items inside an earlier one ("Tail" of "Otter Tail").
	kept := items[:0]
	for _, it := range items {
		if len(kept) > 0 && it.start < kept[len(kept)-1].end {
			continue
		}
		kept = append(kept, it)
	}
	items = kept

	var listed []Mention
	for a := 0; a < len(items); {
		b := a + 1
		for b < len(items) && joined(text, &items[b-1], &items[b]) {
			b++
		}
		if b-a >= 2 {
			listed = g.acceptList(text, toks, out, items[a:b], listed)
		}
		a = b
	}
	if len(listed) == 0 {
		return out, nil
	}
	sort.Slice(listed, func(a, b int) bool { return listed[a].Start < listed[b].Start })
	return mergeMentions(out, listed), listed
}

// joined reports whether two names stand in one list: only a comma, "and",
// "or" or "&" between them.
func joined(text string, a, b *listItem) bool {
	if a.end > b.start {
		return false
	}
	switch strings.TrimSpace(text[a.end:b.start]) {
	case ",", "and", "or", "&", ", and", ", or":
		return true
	}
	return false
}

// acceptList weighs the rejected items of one list and appends those now
// accepted to listed. Accepted items of out may have their candidates
// narrowed by a plural generic word.
func (g *Gazetteer) acceptList(text string, toks []token, out []Mention, list []listItem, listed []Mention) []Mention {
	last := list[len(list)-1].j
	lv, plural := -1, false
	if last < len(toks) && toks[last].sep == ' ' && !toks[last].cap {
		lv, plural = pluralGeneric[toks[last].word]
	}
	hasPlace := false
	for _, it := range list {
		if it.k >= 0 {
			hasPlace = true
		}
	}
	if !hasPlace && !plural {
		return listed
	}
	// The evidence of the word that opens the list ("from", "in").
	head := 0.0
	if f := list[0].i; f > 0 && toks[f].sep == ' ' && !toks[f-1].cap {
		head = locatives[toks[f-1].word]
		if toks[f-1].word == "the" && f >= 2 && toks[f-1].sep == ' ' {
			head = locatives[toks[f-2].word]
		}
		if f >= 2 && toks[f-1].word == "of" {
			if _, ok := unitNouns[toks[f-2].word]; ok {
				head = wUnitOf
			} else if partNouns[toks[f-2].word] {
				head = wPartOf
			}
		}
		head = min(head, wUnitOf)
	}
	for _, it := range list {
		if plural {
			var cands []Candidate
			key := ""
			if it.k >= 0 {
				key = out[it.k].key
			} else {
				key = it.rej.key
			}
			cands = g.adminCandidates(key, lv)
			if len(cands) == 0 {
				continue
			}
			if it.k >= 0 {
				m := &out[it.k]
				if m.generic == 0 && m.compass == nil {
					m.cands, m.generic = cands, max(lv, 1)
				}
				continue
			}
			it.rej.cands, it.rej.generic = cands, max(lv, 1)
			it.rej.score += wListGeneric
		}
		if it.k >= 0 {
			continue
		}
		m := it.rej
		if !plural {
			m.score += wList + head
		}
		if m.score < acceptScore {
			continue
		}
		m.listed = true
		listed = append(listed, g.mention(text, toks, m))
	}
	return listed
}

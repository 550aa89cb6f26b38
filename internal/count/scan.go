package count

import (
	"sync"

	"sitrep/internal/lex"
)

// parser holds one text's tokens while the patterns run over them. Parsers
// are pooled: Find and Tolls allocate little besides their results.
type parser struct {
	lex.Doc
	qs   []qty
	at   []int32 // at[token] is 1 + the index of the quantity starting there
	used []bool  // used[token] is set for the casualty words of a toll
}

var pool = sync.Pool{New: func() any {
	return &parser{Doc: lex.Doc{Toks: make([]lex.Token, 0, 96)}, qs: make([]qty, 0, 8)}
}}

func getParser(text string) *parser {
	p := pool.Get().(*parser)
	p.Text = text
	p.Lower = lex.LowerASCII(text)
	p.Toks = lex.Scan(text, p.Toks[:0])
	p.qs = p.qs[:0]
	return p
}

func (p *parser) release() {
	p.Text, p.Lower = "", ""
	if cap(p.Toks) > 1<<12 {
		p.Toks, p.at, p.used = nil, nil, nil
	}
	pool.Put(p)
}

// runEnd returns the index after the run of glued tokens that starts at i.
func (p *parser) runEnd(i int) int {
	j := i + 1
	for j < len(p.Toks) && p.Toks[j].Glued {
		j++
	}
	return j
}

// span returns the byte range of tokens [s, e).
func (p *parser) span(s, e int) (int, int) {
	return p.Toks[s].S, p.Toks[e-1].E
}

package count

import (
	"sync"

	"sitrep/internal/lex"
)

// parser holds one text's tokens while the patterns run over them. Parsers
// are pooled: Find and Tolls allocate little besides their results.
type parser struct {
	text  string
	lower string
	toks  []lex.Token
	qs    []qty
	at    []int32 // at[token] is 1 + the index of the quantity starting there
	used  []bool  // used[token] is set for the casualty words of a toll
}

var pool = sync.Pool{New: func() any {
	return &parser{toks: make([]lex.Token, 0, 96), qs: make([]qty, 0, 8)}
}}

func getParser(text string) *parser {
	p := pool.Get().(*parser)
	p.text = text
	p.lower = lex.LowerASCII(text)
	p.toks = lex.Scan(text, p.toks[:0])
	p.qs = p.qs[:0]
	return p
}

func (p *parser) release() {
	p.text, p.lower = "", ""
	if cap(p.toks) > 1<<12 {
		p.toks, p.at, p.used = nil, nil, nil
	}
	pool.Put(p)
}

// word returns token i lower-cased when it is a word, else "".
func (p *parser) word(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].K != lex.Word {
		return ""
	}
	t := p.toks[i]
	return p.lower[t.S:t.E]
}

// punct returns token i when it is punctuation, else "".
func (p *parser) punct(i int) string {
	if i < 0 || i >= len(p.toks) || p.toks[i].K != lex.Punct {
		return ""
	}
	t := p.toks[i]
	return p.text[t.S:t.E]
}

// glued reports whether token i exists and touches the token before it.
func (p *parser) glued(i int) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].Glued
}

// isNum reports whether token i is a run of digits.
func (p *parser) isNum(i int) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].K == lex.Num
}

// isUpper reports whether token i is a capitalised word.
func (p *parser) isUpper(i int) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].K == lex.Word && p.toks[i].Upper
}

// runEnd returns the index after the run of glued tokens that starts at i.
func (p *parser) runEnd(i int) int {
	j := i + 1
	for j < len(p.toks) && p.toks[j].Glued {
		j++
	}
	return j
}

// span returns the byte range of tokens [s, e).
func (p *parser) span(s, e int) (int, int) {
	return p.toks[s].S, p.toks[e-1].E
}

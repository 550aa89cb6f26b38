package timex

import "sitrep/internal/lex"

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

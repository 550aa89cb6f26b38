package article

import (
	"html"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxDepth caps element nesting when a page is too deep for the HTML
// parser, whose stack of open elements stops at 512. Real pages stay far
// below it.
const maxDepth = 256

// parseHTML parses a decoded page. A page nested too deep for the parser
// is flattened (elements below maxDepth lose their tags, keep their text)
// and parsed again; if even that fails, its text alone is parsed.
func parseHTML(s string) (*xhtml.Node, error) {
	doc, err := xhtml.Parse(strings.NewReader(s))
	if err == nil {
		return doc, nil
	}
	doc, err = xhtml.Parse(strings.NewReader(flatten(s, maxDepth)))
	if err == nil {
		return doc, nil
	}
	return xhtml.Parse(strings.NewReader(textOnly(s)))
}

// optionalEnd lists elements whose end tag may be left out: a new one (or a
// block) closes the open one, so they do not stack up.
var optionalEnd = map[atom.Atom]bool{
	atom.P: true, atom.Li: true, atom.Dt: true, atom.Dd: true, atom.Option: true,
	atom.Optgroup: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Rb: true,
	atom.Rt: true, atom.Rp: true, atom.Colgroup: true, atom.Caption: true,
}

// rawText lists elements whose content the tokenizer reads as raw text.
var rawText = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Textarea: true, atom.Title: true,
	atom.Xmp: true, atom.Iframe: true, atom.Noembed: true, atom.Noframes: true,
	atom.Noscript: true, atom.Plaintext: true,
}

// flatten rewrites s so that no element nests deeper than limit: start
// tags that would open an element deeper are dropped with their matching
// end tags, and their text is kept. Elements with optional end tags are
// treated as closed by the next one of their kind, as the parser does.
func flatten(s string, limit int) string {
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var out strings.Builder
	out.Grow(len(s))
	var stack []string
	dropped := map[string]int{}
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return out.String()
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if voidElement(a) || rawText[a] {
				out.Write(z.Raw())
				continue
			}
			if optionalEnd[a] {
				// A new <p>, <li>, <td>... closes an open one close by.
				for i := len(stack) - 1; i >= 0 && len(stack)-i <= 4; i-- {
					if stack[i] == string(name) {
						stack = stack[:i]
						break
					}
				}
			}
			if len(stack) >= limit {
				dropped[string(name)]++
				continue
			}
			stack = append(stack, string(name))
			out.Write(z.Raw())
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			if dropped[string(name)] > 0 {
				dropped[string(name)]--
				continue
			}
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == string(name) {
					stack = stack[:i]
					break
				}
			}
			out.Write(z.Raw())
		default:
			out.Write(z.Raw())
		}
	}
}

// textOnly keeps the text of s, each run of text as one paragraph of a new
// flat page. It is the last resort for pages the parser cannot take.
func textOnly(s string) string {
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var out strings.Builder
	out.WriteString("<!DOCTYPE html><html><body>")
	skip := 0
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			out.WriteString("</body></html>")
			return out.String()
		case xhtml.StartTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); a == atom.Script || a == atom.Style {
				skip++
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			if a := atom.Lookup(name); (a == atom.Script || a == atom.Style) && skip > 0 {
				skip--
			}
		case xhtml.TextToken:
			if skip > 0 {
				continue
			}
			if t := strings.TrimSpace(string(z.Text())); t != "" {
				out.WriteString("<p>")
				out.WriteString(html.EscapeString(t))
				out.WriteString("</p>")
			}
		}
	}
}

// voidElement reports whether a is an element without content.
func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img,
		atom.Input, atom.Keygen, atom.Link, atom.Meta, atom.Param, atom.Source,
		atom.Track, atom.Wbr:
		return true
	}
	return false
}

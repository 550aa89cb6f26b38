package article

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockElement reports whether a starts a new block of text.
func blockElement(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Dt, atom.Dd, atom.Ul, atom.Ol, atom.Dl, atom.Blockquote,
		atom.Pre, atom.Table, atom.Tr, atom.Td, atom.Th, atom.Thead, atom.Tbody,
		atom.Tfoot, atom.Caption, atom.Section, atom.Article, atom.Aside,
		atom.Header, atom.Footer, atom.Main, atom.Nav, atom.Figure,
		atom.Figcaption, atom.Details, atom.Summary, atom.Address, atom.Hr,
		atom.Br, atom.Form, atom.Fieldset, atom.Legend, atom.Body, atom.Html,
		atom.Center, atom.Menu:
		return true
	}
	return false
}

// blocks walks the content tree that trafilatura returns and gives its
// paragraphs: each block element, and each line of a <br>-broken block,
// is one paragraph, so that paragraph boundaries survive.
func blocks(root *html.Node) []para {
	w := walker{}
	w.walk(root, 0)
	w.flush()
	return w.out
}

// walker accumulates the inline text of the block being read.
type walker struct {
	out     []para
	buf     strings.Builder
	heading int // depth inside headings
	item    int // depth inside list items, cells and captions
}

// flush ends the current paragraph.
func (w *walker) flush() {
	t := cleanLine(w.buf.String())
	w.buf.Reset()
	if t == "" {
		return
	}
	w.out = append(w.out, para{text: t, heading: w.heading > 0, item: w.item > 0, block: len(w.out)})
}

// maxWalkDepth bounds the recursion; parseHTML already keeps trees
// shallower than this.
const maxWalkDepth = 1024

func (w *walker) walk(n *html.Node, depth int) {
	switch n.Type {
	case html.TextNode:
		w.buf.WriteString(n.Data)
		return
	case html.ElementNode:
		switch tagAtom(n) {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head:
			return
		}
	case html.DocumentNode:
	default:
		return
	}
	if depth > maxWalkDepth {
		w.buf.WriteString(textOf(n))
		return
	}
	a := tagAtom(n)
	block := n.Type == html.ElementNode && blockElement(a)
	heading, item := false, false
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Summary:
		heading = true
	case atom.Li, atom.Dt, atom.Dd, atom.Caption, atom.Figcaption, atom.Blockquote:
		item = true
	}
	if block {
		w.flush()
	}
	if heading {
		w.heading++
	}
	if item {
		w.item++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, depth+1)
	}
	if block {
		w.flush()
	}
	if heading {
		w.heading--
	}
	if item {
		w.item--
	}
}

// tagAtom returns the atom of an element; trafilatura builds elements
// with only their name set.
func tagAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 || n.Type != html.ElementNode {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}

package article

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a page says about itself in its markup.
type pageMeta struct {
	lang      string   // <html lang>, primary subtag
	canonical string   // <link rel=canonical>
	ogURL     string   // og:url
	titleTag  string   // <title>
	ogTitle   string   // og:title
	twTitle   string   // twitter:title
	h1        []string // <h1> texts that are not the site's name
	h1Home    []string // <h1> and logo texts that link to the home page
	itemprop  string   // an element with itemprop=headline
	subheads  []string // sub-headlines: itemprop=alternativeHeadline, .standfirst, .subtitle...
	siteNames []string // og:site_name, application-name, publisher and website names
	leads     []lead   // elements marked as the lead or teaser paragraph
	h1Order   int      // document order of the first headline <h1>, or -1
	ld        ldInfo
	published string   // YYYY-MM-DD from meta tags and <time> elements
	metaDates []string // candidate dates in order of trust
}

// ldInfo is what the page's JSON-LD says.
type ldInfo struct {
	headline    string
	altHeadline string
	published   string
	publisher   string
	website     string
	lang        string
}

// metaDateKeys are the <meta> names and properties that carry the
// publication date, most trusted first.
var metaDateKeys = []string{
	"article:published_time", "og:article:published_time", "og:published_time",
	"datepublished", "publishdate", "publish-date", "publish_date", "pubdate",
	"parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
	"dc.date", "dcterms.date", "dcterms.created", "date", "article.published",
	"cxenseparse:recs:publishtime",
}

// lead is a paragraph the page marks as its lead ("teaser", "intro"),
// with its place in document order.
type lead struct {
	text  string
	order int
}

// rxLead matches the classes of lead paragraphs, which go-trafilatura
// sometimes drops as teasers or leaves outside the body it picks.
var rxLead = regexp.MustCompile(`(?i)(^|[\s_-])(teaser|intro|lead|lede|standfirst|summary|dek|deck|excerpt|abstract|chapeau|chapo|sapo|vorspann|anriss)($|[\s_-])`)

// rxSubhead matches the classes of sub-headline elements.
var rxSubhead = regexp.MustCompile(`(?i)(^|[\s_-])(sub-?headline|sub-?head|sub-?title|standfirst|dek|deck|strapline|post-subtitle|article-summary|summary-headline)($|[\s_-])`)

// readMeta walks the parsed page once and collects its metadata.
func readMeta(doc *html.Node) *pageMeta {
	m := &pageMeta{h1Order: -1}
	metas := map[string]string{}
	order := 0
	var ldScripts []string
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			order++
			switch n.DataAtom {
			case atom.Html:
				if l := attr(n, "lang"); l != "" {
					m.lang = primaryLang(l)
				}
			case atom.Title:
				if m.titleTag == "" {
					m.titleTag = cleanLine(textOf(n))
				}
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
				if v := attr(n, "content"); key != "" && v != "" {
					if _, ok := metas[key]; !ok {
						metas[key] = v
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Script:
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
					ldScripts = append(ldScripts, textOf(n))
				}
				continue
			case atom.Style, atom.Noscript, atom.Template:
				continue
			case atom.H1:
				t := cleanLine(textOf(n))
				if t != "" {
					if linksHome(n) {
						m.h1Home = append(m.h1Home, t)
					} else {
						m.h1 = append(m.h1, t)
						if m.h1Order < 0 {
							m.h1Order = order
						}
					}
				}
			case atom.Time:
				if d := attr(n, "datetime"); d != "" && isPublishedTime(n) {
					m.metaDates = append(m.metaDates, d)
				}
			case atom.A:
				if isHomeLink(attr(n, "href")) {
					if t := cleanLine(textOf(n)); t != "" && wordCount(t) <= 8 {
						m.h1Home = append(m.h1Home, t)
					}
					for _, img := range findAll(n, atom.Img) {
						if alt := cleanLine(attr(img, "alt")); alt != "" && wordCount(alt) <= 8 {
							m.h1Home = append(m.h1Home, alt)
						}
					}
				}
			}
			switch strings.ToLower(attr(n, "itemprop")) {
			case "headline":
				if m.itemprop == "" && n.DataAtom != atom.Meta {
					m.itemprop = cleanLine(textOf(n))
				}
			case "alternativeheadline":
				if n.DataAtom != atom.Meta {
					m.subheads = append(m.subheads, cleanLine(textOf(n)))
				}
			case "datepublished":
				if n.DataAtom != atom.Meta && n.DataAtom != atom.Time {
					m.metaDates = append(m.metaDates, firstNonEmpty(attr(n, "content"), attr(n, "datetime"), textOf(n)))
				}
			}
			if c := attr(n, "class"); c != "" && n.DataAtom != atom.Body && n.DataAtom != atom.Article && n.DataAtom != atom.Html {
				sub, ld := rxSubhead.MatchString(c), rxLead.MatchString(c)
				if sub || ld {
					t := cleanLine(textOf(n))
					switch {
					case t == "" || wordCount(t) > 120:
					case endsSentence(t):
						if len(findAll(n, atom.Img)) == 0 && n.DataAtom != atom.Figure && n.DataAtom != atom.Figcaption {
							m.leads = append(m.leads, lead{t, order})
						}
					case sub && wordCount(t) <= 50:
						m.subheads = append(m.subheads, t)
					}
				}
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	m.ogTitle = cleanLine(metas["og:title"])
	m.twTitle = cleanLine(firstNonEmpty(metas["twitter:title"], metas["twitter:text:title"]))
	m.ogURL = strings.TrimSpace(metas["og:url"])
	for _, k := range []string{"og:site_name", "application-name", "publisher", "twitter:app:name:iphone"} {
		if v := cleanLine(metas[k]); v != "" {
			m.siteNames = append(m.siteNames, v)
		}
	}
	for _, s := range ldScripts {
		m.ld.read(s)
	}
	if m.ld.publisher != "" {
		m.siteNames = append(m.siteNames, m.ld.publisher)
	}
	if m.ld.website != "" {
		m.siteNames = append(m.siteNames, m.ld.website)
	}
	if m.lang == "" {
		m.lang = primaryLang(firstNonEmpty(m.ld.lang, metas["og:locale"], metas["content-language"], metas["language"]))
	}
	dates := []string{m.ld.published}
	for _, k := range metaDateKeys {
		dates = append(dates, metas[k])
	}
	dates = append(dates, m.metaDates...)
	for _, d := range dates {
		if p := metaDate(d); p != "" {
			m.published = p
			break
		}
	}
	return m
}

// orderOf returns the document order of the element whose text starts
// the paragraph p, or -1. It counts elements as readMeta does.
func orderOf(doc *html.Node, p string) int {
	order := 0
	stack := []*html.Node{doc}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch n.Type {
		case html.ElementNode:
			order++
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				continue
			}
		case html.TextNode:
			if t := cleanLine(n.Data); len(t) >= 12 && strings.HasPrefix(p, t[:min(len(t), 40)]) {
				return order
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return -1
}

// isPublishedTime reports whether a <time> element marks the publication,
// not a modification or a comment.
func isPublishedTime(n *html.Node) bool {
	if strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate") {
		return true
	}
	c := strings.ToLower(attr(n, "class"))
	return strings.Contains(c, "published") || strings.Contains(c, "entry-date") || strings.Contains(c, "pubdate")
}

// linksHome reports whether n contains a link to the site's home page, as
// a blog's <h1> with its name does.
func linksHome(n *html.Node) bool {
	for _, a := range findAll(n, atom.A) {
		if isHomeLink(attr(a, "href")) {
			return true
		}
	}
	c := strings.ToLower(attr(n, "class"))
	return strings.Contains(c, "site-title") || strings.Contains(c, "blog-title") || strings.Contains(c, "logo")
}

// isHomeLink reports whether href points at a site's home page.
func isHomeLink(href string) bool {
	href = strings.TrimSpace(href)
	if href == "/" || href == "./" || href == "index.html" || href == "/index.html" {
		return true
	}
	u, err := url.Parse(href)
	return err == nil && u.IsAbs() && (u.Path == "" || u.Path == "/") && u.RawQuery == "" && u.Fragment == ""
}

// articleTypes are the JSON-LD types whose headline is the page's.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "backgroundnewsarticle": true,
	"opinionnewsarticle": true, "reviewnewsarticle": true, "blogposting": true,
	"liveblogposting": true, "report": true, "scholarlyarticle": true,
	"socialmediaposting": true, "techarticle": true, "posting": true,
	"pressrelease": true,
}

// rxLDField recovers fields from JSON-LD too broken to decode.
var rxLDField = regexp.MustCompile(`"(headline|datePublished)"\s*:\s*"((?:[^"\\]|\\.)*)"`)

// read takes what it can from one JSON-LD script; broken JSON still gives
// its headline and date by pattern.
func (ld *ldInfo) read(src string) {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(src)), &v); err != nil {
		for _, m := range rxLDField.FindAllStringSubmatch(src, -1) {
			var s string
			if json.Unmarshal([]byte(`"`+m[2]+`"`), &s) != nil {
				continue
			}
			switch m[1] {
			case "headline":
				if ld.headline == "" {
					ld.headline = cleanLine(s)
				}
			case "datePublished":
				if ld.published == "" {
					ld.published = s
				}
			}
		}
		return
	}
	var objs []map[string]any
	var collect func(any, int)
	collect = func(v any, depth int) {
		if depth > 8 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				collect(e, depth+1)
			}
		case map[string]any:
			objs = append(objs, t)
			if g, ok := t["@graph"]; ok {
				collect(g, depth+1)
			}
		}
	}
	collect(v, 0)
	byID := map[string]map[string]any{}
	for _, o := range objs {
		if id, ok := o["@id"].(string); ok {
			byID[id] = o
		}
	}
	for _, o := range objs {
		types := ldTypes(o)
		switch {
		case anyType(types, articleTypes):
			if ld.headline == "" {
				ld.headline = cleanLine(ldString(o["headline"]))
			}
			if ld.altHeadline == "" {
				ld.altHeadline = cleanLine(ldString(o["alternativeHeadline"]))
			}
			if ld.published == "" {
				ld.published = firstNonEmpty(ldString(o["datePublished"]), ldString(o["dateCreated"]))
			}
			if ld.publisher == "" {
				ld.publisher = ldName(o["publisher"], byID)
			}
			if ld.lang == "" {
				ld.lang = ldString(o["inLanguage"])
			}
		case anyType(types, map[string]bool{"website": true}):
			if ld.website == "" {
				ld.website = cleanLine(ldString(o["name"]))
			}
		}
	}
	// A page that marks itself up only as a WebPage still has a date.
	if ld.published == "" {
		for _, o := range objs {
			if d := ldString(o["datePublished"]); d != "" {
				ld.published = d
				break
			}
		}
	}
}

// ldTypes returns the lower-cased @type values of o.
func ldTypes(o map[string]any) []string {
	var out []string
	switch t := o["@type"].(type) {
	case string:
		out = append(out, strings.ToLower(t))
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, strings.ToLower(s))
			}
		}
	}
	return out
}

// anyType reports whether one of types is in set.
func anyType(types []string, set map[string]bool) bool {
	for _, t := range types {
		if set[t] {
			return true
		}
	}
	return false
}

// ldString returns v as a string: itself, the first of a list, or the
// @value of an object.
func ldString(v any) string {
	switch t := v.(type) {
	case string:
		return strings.TrimSpace(t)
	case []any:
		if len(t) > 0 {
			return ldString(t[0])
		}
	case map[string]any:
		return ldString(t["@value"])
	}
	return ""
}

// ldName returns the name of an organisation given inline or by @id.
func ldName(v any, byID map[string]map[string]any) string {
	switch t := v.(type) {
	case []any:
		if len(t) > 0 {
			return ldName(t[0], byID)
		}
	case map[string]any:
		if n := ldString(t["name"]); n != "" {
			return cleanLine(n)
		}
		if id, ok := t["@id"].(string); ok {
			if o, ok := byID[id]; ok {
				return cleanLine(ldString(o["name"]))
			}
		}
	case string:
		return cleanLine(t)
	}
	return ""
}

// primaryLang returns the primary subtag of a language tag ("en-GB" →
// "en"), or "" for something that is not one.
func primaryLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	tag, _, _ = strings.Cut(tag, "-")
	tag, _, _ = strings.Cut(tag, "_")
	if len(tag) < 2 || len(tag) > 3 {
		return ""
	}
	for _, r := range tag {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	return tag
}

// attr returns the value of n's attribute key.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether n has the attribute key.
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// textOf returns the text under n.
func textOf(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
			continue
		case html.ElementNode:
			if c != n && (c.DataAtom == atom.Script || c.DataAtom == atom.Style) {
				continue
			}
			if c.DataAtom == atom.Br || blockElement(c.DataAtom) {
				b.WriteByte(' ')
			}
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	return b.String()
}

// findAll returns the elements of type a under n.
func findAll(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Type == html.ElementNode && c.DataAtom == a && c != n {
			out = append(out, c)
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	return out
}

// firstNonEmpty returns the first of vs that is not blank.
func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

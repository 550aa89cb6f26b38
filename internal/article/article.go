package article

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"sitrep/internal/model"
)

// MaxInputSize is the largest input FromHTML and FromText accept, in bytes.
const MaxInputSize = 16 << 20

// DefaultLanguage is the language given to a report whose language can be
// told neither from its text nor from its markup.
const DefaultLanguage = "en"

// Errors returned for input that cannot be made into an article. They are
// wrapped; test for them with errors.Is.
var (
	// ErrEmpty is returned for input that is empty or only white space.
	ErrEmpty = errors.New("empty input")
	// ErrTooLarge is returned for input longer than MaxInputSize.
	ErrTooLarge = errors.New("input too large")
	// ErrBinary is returned for input that is not text: an image, an
	// archive, a PDF, or anything with NUL bytes in it.
	ErrBinary = errors.New("binary input, not text")
	// ErrNoText is returned when no body text is left once markup, page
	// chrome and headlines are taken out.
	ErrNoText = errors.New("no body text found")
)

// checkInput rejects empty and oversized input.
func checkInput(raw []byte) error {
	if len(raw) > MaxInputSize {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(raw), MaxInputSize)
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return ErrEmpty
	}
	return nil
}

// rxHTMLStart matches the opening of an HTML document or fragment.
var rxHTMLStart = regexp.MustCompile(`(?i)^(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<!--|<\?xml[^>]*>\s*(<!doctype\s+html|<html)|<(p|div|span|a|h[1-6]|table|ul|ol|article|section|script|style|title|meta|link|br|b|i|em|strong|font|iframe|main|header|nav)[\s/>])`)

// rxHTMLTag matches a well-known HTML tag anywhere.
var rxHTMLTag = regexp.MustCompile(`(?i)</?(p|div|span|a|br|html|head|body|title|meta|script|style|table|tr|td|ul|ol|li|h[1-6]|article|section|img|b|i|em|strong|link|header|footer|nav|main|figure|time)(\s[^<>]*)?/?>`)

// IsHTML reports whether raw is HTML rather than plain text, judged by its
// content, not by any name: an HTML opening (doctype, <html>, a common
// tag) after white space and any byte-order mark, or at least three common
// HTML tags in its first kilobytes. UTF-16 input is read as such.
func IsHTML(raw []byte) bool {
	head := raw[:min(len(raw), 8192)]
	var s string
	switch {
	case bytes.HasPrefix(head, bomUTF16LE), bytes.HasPrefix(head, bomUTF16BE), sniffUTF16(head) != nil:
		d, err := decode(head, false)
		if err != nil {
			return false
		}
		s = d
	default:
		s = string(bytes.TrimPrefix(head, bomUTF8))
	}
	s = strings.TrimLeftFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' })
	if rxHTMLStart.MatchString(s) {
		return true
	}
	return len(rxHTMLTag.FindAllStringIndex(s, 3)) >= 3
}

// FromHTML makes an article of an HTML page. pageURL, which may be empty,
// is where the page came from; it resolves relative links and stands in
// for a missing canonical URL.
//
// The body is go-trafilatura's (comments excluded), read paragraph by
// paragraph; leftover chrome is dropped, and short headline-like lines
// standing alone go to Titles. Title is the main headline (JSON-LD
// headline, else the page's <h1>, og:title or <title>); Titles holds every
// other variant found (og:title, twitter:title, <title> without its
// " | Outlet" parts, <h1>, JSON-LD headline and alternativeHeadline,
// sub-headlines). Published comes from metadata (JSON-LD datePublished,
// article:published_time, <time> and the like), else from a time stamp
// over the body, else from go-htmldate's search of the page.
func FromHTML(raw []byte, pageURL string) (*model.Article, error) {
	if err := checkInput(raw); err != nil {
		return nil, fmt.Errorf("read HTML: %w", err)
	}
	s, err := decode(raw, true)
	if err != nil {
		return nil, fmt.Errorf("read HTML: %w", err)
	}
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("read HTML: %w", ErrEmpty)
	}
	doc, err := parseHTML(s)
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	meta := readMeta(doc)
	base := parseBase(pageURL)
	opts := trafilaturaOptions()
	opts.OriginalURL = base
	if meta.published != "" {
		// The date is known: spare go-htmldate its search.
		opts.HtmlDateOverride = &htmldate.Result{}
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return nil, fmt.Errorf("extract text from HTML: %w (%v)", ErrNoText, err)
	}

	pageU := pickURL(meta, base)
	host := ""
	if pageU != nil {
		host = pageU.Hostname()
	}
	sites := siteNames(meta)
	cleanedTag := cleanTitleTag(meta.titleTag, sites, host, append([]string{meta.ld.headline, meta.ogTitle, meta.itemprop}, meta.h1...))
	main := pickTitle(meta, cleanedTag, sites, res.Metadata.Title)

	var known titleSet
	for _, t := range []string{meta.ogTitle, meta.twTitle, cleanedTag} {
		if !isSite(t, sites, host) {
			known.add(t)
		}
	}
	for _, t := range meta.h1 {
		known.add(t)
	}
	known.add(meta.itemprop)
	known.add(meta.ld.headline)
	known.add(meta.ld.altHeadline)
	for _, t := range meta.subheads {
		known.add(t)
	}
	known.add(main)

	a := arrange(blocks(res.ContentNode), false, &known)
	if len(a.body) == 0 {
		return nil, fmt.Errorf("extract text from HTML: %w", ErrNoText)
	}
	a.body = rescueLeads(doc, meta, a.body, &known)
	for _, t := range a.titles {
		known.add(t)
	}
	if main == "" && len(known.list) > 0 {
		main = known.list[0]
	}

	art := &model.Article{
		Title:    main,
		Titles:   known.without(main),
		Text:     strings.Join(a.body, "\n\n"),
		Language: pickLanguage(strings.Join(a.body, " "), meta.lang),
	}
	art.ID = contentID(art.Text)
	if pageU != nil {
		u := pageU.String()
		art.URL = &u
	}
	if o := pickOutlet(meta, res.Metadata.Sitename, host); o != "" {
		art.Outlet = &o
	}
	published := meta.published
	if published == "" {
		published = a.published
	}
	if published == "" && !res.Metadata.Date.IsZero() {
		published = res.Metadata.Date.Format("2006-01-02")
	}
	if published != "" {
		art.Published = &published
	}
	return art, nil
}

// rescueLeads puts back the lead paragraph that go-trafilatura may drop
// (as a "teaser") or leave outside the container it picks: an element the
// page marks as lead, intro or teaser, holding whole sentences, placed
// after the headline and before the first body paragraph, and not already
// in the body or among the headlines.
func rescueLeads(doc *html.Node, m *pageMeta, body []string, known *titleSet) []string {
	if len(m.leads) == 0 {
		return body
	}
	first := orderOf(doc, body[0])
	if first < 0 {
		return body
	}
	all := strings.Join(body, "\n\n")
	var add []string
	for _, l := range m.leads {
		if l.order <= m.h1Order || l.order >= first || wordCount(l.text) < 8 ||
			known.has(l.text) || isChrome(l.text) || strings.Contains(all, l.text[:min(len(l.text), 80)]) {
			continue
		}
		// An intro <div> and the <p> inside it give the same text.
		if len(add) > 0 && strings.Contains(add[len(add)-1], l.text) {
			continue
		}
		add = append(add, l.text)
	}
	return append(add, body...)
}

// commentSections selects readers' comment sections. go-trafilatura
// only prunes them in its precision mode; on a page with a short body its
// fallback would otherwise take them in.
const commentSections = `#comments, #comment-section, #respond, #disqus_thread, #coral_thread, ` +
	`.comments, .comments-area, .comment-list, .commentlist, .comment-respond, ` +
	`.comments-section, .comment-section, .fb-comments, .disqus, [data-component="comments"]`

// minExtracted is the body length, in characters, below which
// go-trafilatura gives up its own extraction for its crude fallback, which
// flattens the whole <article> into one paragraph, chrome included. Its
// default, 250, is longer than a short news brief.
const minExtracted = 80

// TrafilaturaOptions returns the options FromHTML runs go-trafilatura
// with, so benchmarks can time go-trafilatura alone on equal terms.
func TrafilaturaOptions() trafilatura.Options { return trafilaturaOptions() }

// trafilaturaOptions are the options FromHTML runs go-trafilatura with.
func trafilaturaOptions() trafilatura.Options {
	cfg := trafilatura.DefaultConfig()
	cfg.MinExtractedSize = minExtracted
	return trafilatura.Options{
		Config:          cfg,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Extensive,
		PruneSelector:   commentSections,
	}
}

// FromText makes an article of plain text. A first line that is short,
// stands alone and has no final full stop is the headline (Title); further
// headline-like lines at the top, or standing alone between paragraphs,
// are other variants (Titles). Page chrome copied along with a report
// ("Share this Story:", "Advertisement", "Read more: …", bylines, time
// stamps, copyright lines) is dropped, and labels such as "Watch:" or
// "(video)" are stripped from headlines. A one-line input, or one whose
// first line is a sentence, is all body. A date in a time stamp above the
// body ("Published 27 September 2022") gives Published.
func FromText(raw []byte) (*model.Article, error) {
	if err := checkInput(raw); err != nil {
		return nil, fmt.Errorf("read text: %w", err)
	}
	s, err := decode(raw, false)
	if err != nil {
		return nil, fmt.Errorf("read text: %w", err)
	}
	ps := splitText(s)
	if len(ps) == 0 {
		return nil, fmt.Errorf("read text: %w", ErrEmpty)
	}
	a := arrange(ps, true, nil)
	if len(a.body) == 0 {
		return nil, fmt.Errorf("read text: %w", ErrNoText)
	}
	var ts titleSet
	for _, t := range a.titles {
		ts.add(t)
	}
	art := &model.Article{
		Title:    a.title,
		Titles:   ts.without(a.title),
		Text:     strings.Join(a.body, "\n\n"),
		Language: pickLanguage(strings.Join(a.body, " "), ""),
	}
	art.ID = contentID(art.Text)
	if a.published != "" {
		art.Published = &a.published
	}
	return art, nil
}

// contentID is the stable identity of a text: the first 16 bytes of its
// SHA-256, in hex.
func contentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:16])
}

// langSample is how much text the language detector reads.
const langSample = 2000

// pickLanguage returns the ISO 639-1 code of text: what the detector says
// when it is sure, else the language the markup declares, else the
// detector's guess, else DefaultLanguage.
func pickLanguage(text, declared string) string {
	// English, the common case, is told by its function words at a
	// fraction of the detector's cost (the detector's trigram maps were
	// a third of the whole extract path's time).
	if englishByFunctionWords(text) && (declared == "" || declared == "en") {
		return "en"
	}
	if len(text) > langSample {
		cut := langSample
		for cut > 0 && !utf8RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	info := whatlanggo.Detect(text)
	guess := ""
	if info.Lang >= 0 {
		guess = info.Lang.Iso6391()
	}
	switch {
	case guess != "" && info.IsReliable():
		return guess
	case declared != "":
		return declared
	case guess != "":
		return guess
	}
	return DefaultLanguage
}

// englishFunctionWords are among the most frequent English words and rare
// as words of other languages written in Latin script.
var englishFunctionWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "in": true, "was": true, "that": true,
	"said": true, "for": true, "on": true, "with": true, "were": true, "have": true, "has": true,
	"by": true, "from": true, "which": true, "had": true, "they": true, "their": true,
}

// englishByFunctionWords reports whether at least one word in six of the
// first thousand bytes is an English function word.
func englishByFunctionWords(text string) bool {
	if len(text) > 1000 {
		text = text[:1000]
	}
	words, hits := 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		words++
		if englishFunctionWords[strings.ToLower(w)] {
			hits++
		}
	}
	return words >= 12 && hits*6 >= words
}

// utf8RuneStart reports whether b can begin a UTF-8 sequence.
func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// parseBase parses the page URL a caller gave; only absolute http(s) URLs
// count.
func parseBase(pageURL string) *url.URL {
	if pageURL == "" {
		return nil
	}
	u, err := url.Parse(strings.TrimSpace(pageURL))
	if err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return u
}

// pickURL returns the page's canonical URL, resolved against base, else
// its og:url, else base itself.
func pickURL(m *pageMeta, base *url.URL) *url.URL {
	for _, c := range []string{m.canonical, m.ogURL} {
		if c == "" {
			continue
		}
		u, err := url.Parse(c)
		if err != nil {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		if u.IsAbs() && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u
		}
	}
	return base
}

// siteNames lists the names the page gives its site, most trusted first.
func siteNames(m *pageMeta) []string {
	var out []string
	out = append(out, m.siteNames...)
	out = append(out, m.h1Home...)
	return out
}

// rxTitleSep splits a <title> into its parts: "Headline | Section | Site".
var rxTitleSep = regexp.MustCompile(`\s+(\||–|—|-|::|·|•|»|~)\s+`)

// rxKeySep matches a separator at the start of the rest of a title key.
var rxKeySep = regexp.MustCompile(`^\s+(\||-|::|·|•|»|~)\s+`)

// cleanTitleTag takes the site name and section parts off a <title>. A
// part is the site's when it matches a name the page gives its site or
// its host name; short parts after a pipe are sections. When the title
// opens with a headline found elsewhere in the page, that headline is it.
func cleanTitleTag(title string, sites []string, host string, headlines []string) string {
	if title == "" {
		return ""
	}
	tk := titleKey(title)
	for _, h := range headlines {
		hk := titleKey(cleanTitle(h))
		if hk != "" && len(tk) > len(hk) && strings.HasPrefix(tk, hk) && rxKeySep.MatchString(tk[len(hk):]) {
			return cleanTitle(h)
		}
	}
	out := title
	if idx := rxTitleSep.FindAllStringSubmatchIndex(title, -1); len(idx) > 0 {
		out = stripTitleParts(title, idx, sites, host)
	}
	// "Site: Headline", where a colon is no separator in general.
	if before, after, ok := strings.Cut(out, ": "); ok && after != "" && isSite(before, sites, host) {
		out = after
	}
	return out
}

// stripTitleParts takes the site and section parts off a <title> whose
// separators rxTitleSep found at idx.
func stripTitleParts(title string, idx [][]int, sites []string, host string) string {
	type part struct{ text, sepBefore string }
	var parts []part
	prev, sep := 0, ""
	for _, m := range idx {
		parts = append(parts, part{title[prev:m[0]], sep})
		sep = title[m[2]:m[3]]
		prev = m[1]
	}
	parts = append(parts, part{title[prev:], sep})
	for len(parts) > 1 {
		last := parts[len(parts)-1]
		pipe := last.sepBefore == "|" || last.sepBefore == "::" || last.sepBefore == "·" || last.sepBefore == "•" || last.sepBefore == "»"
		if isSite(last.text, sites, host) || (pipe && wordCount(last.text) <= 3 && len(parts) > 2) || (pipe && wordCount(last.text) <= 3 && wordCount(parts[0].text) >= 4) {
			parts = parts[:len(parts)-1]
			continue
		}
		break
	}
	for len(parts) > 1 && isSite(parts[0].text, sites, host) {
		parts = parts[1:]
		parts[0].sepBefore = ""
	}
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteString(" " + p.sepBefore + " ")
		}
		b.WriteString(p.text)
	}
	return strings.TrimSpace(b.String())
}

// isSite reports whether t is the site's name: one of the names the page
// gives it, or its host name ("Northline" for northline-news.example).
func isSite(t string, sites []string, host string) bool {
	k := titleKey(t)
	if k == "" {
		return false
	}
	for _, s := range sites {
		if titleKey(s) == k {
			return true
		}
	}
	if host == "" || wordCount(t) > 4 {
		return false
	}
	letters := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	h := strings.TrimPrefix(strings.ToLower(host), "www.")
	if i := strings.LastIndexByte(h, '.'); i > 0 {
		h = h[:i]
	}
	hl, tl := letters(h), letters(t)
	if len(tl) < 3 || len(hl) < 3 {
		return false
	}
	return hl == tl || strings.HasPrefix(hl, tl) || strings.HasPrefix(tl, hl) || strings.TrimPrefix(tl, "the") == hl
}

// pickTitle chooses the main headline: the JSON-LD headline, else the
// itemprop=headline element, else the page's <h1>, else og:title, else the
// cleaned <title>, else twitter:title, else go-trafilatura's.
func pickTitle(m *pageMeta, cleanedTag string, sites []string, fallback string) string {
	var h1 string
	for _, h := range m.h1 {
		k := titleKey(cleanTitle(h))
		if k == titleKey(cleanTitle(m.ogTitle)) || k == titleKey(cleanedTag) || k == titleKey(cleanTitle(m.twTitle)) {
			h1 = h
			break
		}
	}
	if h1 == "" && len(m.h1) == 1 && wordCount(m.h1[0]) <= maxTitleWords*2 {
		h1 = m.h1[0]
	}
	for _, t := range []string{m.ld.headline, m.itemprop, h1, m.ogTitle, cleanedTag, m.twTitle, fallback} {
		if t = cleanTitle(t); t != "" && !isSite(t, sites, "") {
			return t
		}
	}
	return ""
}

// pickOutlet names the outlet: og:site_name, the JSON-LD publisher or
// website, application-name; else a home-page link whose text is also a
// part of the <title>; else go-trafilatura's site name; else the host.
func pickOutlet(m *pageMeta, trafSite, host string) string {
	if len(m.siteNames) > 0 {
		return strings.TrimPrefix(m.siteNames[0], "@")
	}
	for _, s := range m.h1Home {
		k := titleKey(s)
		for _, part := range rxTitleSep.Split(m.titleTag, -1) {
			if titleKey(part) == k && len(k) > 2 {
				return s
			}
		}
	}
	if trafSite != "" && !strings.Contains(trafSite, "/") {
		return trafSite
	}
	return strings.TrimPrefix(host, "www.")
}

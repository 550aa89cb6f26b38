package article

// para is one paragraph of a report before it is sorted into headline,
// body and chrome.
type para struct {
	text    string
	heading bool // an HTML heading: never body
	item    bool // a list item, quotation or caption: body unless chrome
	block   int  // the block it belongs to: paragraphs between blank lines
}

// arranged is a report sorted: its headline variants, its body paragraphs,
// and a publication date read from a time stamp above the body.
type arranged struct {
	title     string
	titles    []string
	body      []string
	published string
}

// kind is what a paragraph is taken for.
type kind int

const (
	kindBody     kind = iota
	kindChrome        // page furniture: dropped
	kindMeta          // a byline or time stamp: dropped, its date kept
	kindHeadline      // a headline variant
	kindLabelled      // a labelled headline ("Watch: … (video)")
	kindKnown         // repeats a headline already known from metadata
)

// maxKnownWords is the longest paragraph compared with the headline
// variants (sub-headlines run longer than headlines).
const maxKnownWords = 60

// classify tells what p is. known holds headline variants already found
// in the page's metadata; it may be nil.
func classify(p para, known *titleSet) kind {
	t := p.text
	words := wordCount(t)
	if words <= maxKnownWords && known != nil && known.has(t) {
		return kindKnown
	}
	if words > maxChromeWords {
		// Too long for chrome or a headline.
		return kindBody
	}
	if isDateLine(t) || isByline(t) || (rxMetaPrefix.MatchString(t) && isChrome(t)) {
		return kindMeta
	}
	if isLabelledVideo(t) {
		return kindLabelled
	}
	if isChrome(t) {
		return kindChrome
	}
	if p.item {
		return kindBody
	}
	if p.heading {
		switch {
		case endsSentence(t):
			// A question as crosshead ("What is the bill?"): neither body
			// nor a variant of the headline.
			return kindChrome
		}
		return kindHeadline
	}
	if headlineLike(t, true) {
		return kindHeadline
	}
	return kindBody
}

// classifyAll classifies every paragraph. A headline-like line does not
// stand alone, and is body, when its block also holds body text: a
// headline is a block of its own, or shares it only with chrome, bylines
// and other headlines.
func classifyAll(ps []para, known *titleSet) []kind {
	kinds := make([]kind, len(ps))
	withBody := map[int]bool{}
	for i, p := range ps {
		kinds[i] = classify(p, known)
		if kinds[i] == kindBody {
			withBody[p.block] = true
		}
	}
	for i, p := range ps {
		if kinds[i] == kindHeadline && !p.heading && withBody[p.block] {
			kinds[i] = kindBody
		}
	}
	return kinds
}

// arrange sorts paragraphs. With findTitle (plain text), the first
// paragraph that is not chrome becomes the title when it is a short line
// standing alone with no final full stop and body text follows it;
// otherwise, as for a single sentence piped in, the whole input is body.
// Without findTitle (HTML), the title comes from the page's metadata and
// paragraphs that repeat a known variant are dropped.
//
// Headline-like paragraphs above the body, and those standing alone between
// body paragraphs, are headline variants. Those after the last body
// paragraph are dropped: they are the headlines of other stories. Labelled
// video captions count as headlines above the body and as chrome inside it.
func arrange(ps []para, findTitle bool, known *titleSet) arranged {
	var a arranged
	kinds := classifyAll(ps, known)
	start := 0
	if findTitle {
		first := -1
		for i, k := range kinds {
			if k != kindChrome && k != kindMeta {
				first = i
				break
			}
		}
		if first < 0 {
			return a
		}
		t := cleanTitle(ps[first].text)
		if (kinds[first] == kindHeadline || kinds[first] == kindLabelled) && headlineLike(t, false) && hasBodyAfter(kinds, first) {
			a.title = t
			start = first + 1
			for i := range first {
				if kinds[i] == kindMeta && a.published == "" {
					a.published = findDate(ps[i].text)
				}
			}
		} else {
			// All body: chrome still goes, nothing is taken for a title.
			for i, p := range ps {
				switch kinds[i] {
				case kindChrome, kindLabelled:
				case kindMeta:
					if a.published == "" && len(a.body) == 0 {
						a.published = findDate(p.text)
					}
				default:
					a.body = append(a.body, p.text)
				}
			}
			return a
		}
	}
	var pending []string
	for i := start; i < len(ps); i++ {
		p := ps[i]
		switch kinds[i] {
		case kindChrome, kindKnown:
		case kindMeta:
			if a.published == "" && len(a.body) == 0 {
				a.published = findDate(p.text)
			}
		case kindLabelled:
			if len(a.body) == 0 {
				a.titles = append(a.titles, cleanTitle(p.text))
			}
		case kindHeadline:
			if len(a.body) == 0 {
				a.titles = append(a.titles, cleanTitle(p.text))
			} else {
				pending = append(pending, cleanTitle(p.text))
			}
		default:
			a.titles = append(a.titles, pending...)
			pending = pending[:0]
			a.body = append(a.body, p.text)
		}
	}
	return a
}

// hasBodyAfter reports whether a body paragraph follows index i.
func hasBodyAfter(kinds []kind, i int) bool {
	for _, k := range kinds[i+1:] {
		if k == kindBody {
			return true
		}
	}
	return false
}

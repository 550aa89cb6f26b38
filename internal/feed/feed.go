// Package feed reads news feeds and feed lists for ingest: RSS, Atom and
// JSON Feed documents (through gofeed) and OPML outlines. It only parses
// bytes; fetching them is the caller's business.
package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// ErrNotFeed is returned by Parse for a document that is not an RSS, Atom
// or JSON feed, and by ParseOPML for one that is not OPML.
var ErrNotFeed = errors.New("not a feed")

// Feed is what ingest needs of a feed.
type Feed struct {
	// Title is the feed's title.
	Title string
	// Type is "rss", "atom" or "json".
	Type string
	// Items are the feed's entries that link to a page, in feed order.
	Items []Item
}

// Item is one entry of a feed.
type Item struct {
	// Link is the absolute URL of the item's page.
	Link string
	// Title is the item's title.
	Title string
	// Published is when the item was published (or else updated); the
	// zero time when the feed does not say.
	Published time.Time
	// Updated is the item's update date as the feed gives it, or its
	// published date; a change means the page may have changed.
	Updated string
}

// Detect returns "rss", "atom" or "json" for a feed, or "" for anything
// else.
func Detect(body []byte) string {
	switch gofeed.DetectFeedType(bytes.NewReader(body)) {
	case gofeed.FeedTypeRSS:
		return "rss"
	case gofeed.FeedTypeAtom:
		return "atom"
	case gofeed.FeedTypeJSON:
		// gofeed takes any JSON object for a feed; a JSON Feed names
		// its version or at least has items.
		var head struct {
			Version string            `json:"version"`
			Items   []json.RawMessage `json:"items"`
		}
		if json.Unmarshal(body, &head) == nil &&
			(strings.Contains(head.Version, "jsonfeed.org") || head.Items != nil) {
			return "json"
		}
	}
	return ""
}

// Parse reads an RSS, Atom or JSON feed. Relative item links are resolved
// against base, the feed's URL (which may be empty). Items without a
// usable http(s) link are left out.
func Parse(body []byte, base string) (*Feed, error) {
	typ := Detect(body)
	if typ == "" {
		return nil, ErrNotFeed
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("parse %s feed: %w", typ, err)
	}
	out := &Feed{Title: strings.TrimSpace(f.Title), Type: typ}
	baseURL, _ := url.Parse(base)
	seen := map[string]bool{}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		link := resolve(baseURL, it.Link)
		if link == "" {
			for _, l := range it.Links {
				if link = resolve(baseURL, l); link != "" {
					break
				}
			}
		}
		if link == "" || seen[link] {
			continue
		}
		seen[link] = true
		item := Item{Link: link, Title: strings.TrimSpace(it.Title), Updated: it.Updated}
		switch {
		case it.PublishedParsed != nil:
			item.Published = it.PublishedParsed.UTC()
		case it.UpdatedParsed != nil:
			item.Published = it.UpdatedParsed.UTC()
		}
		if item.Updated == "" {
			item.Updated = it.Published
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// resolve returns ref as an absolute http(s) URL, or "".
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil && !u.IsAbs() {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

// IsOPML reports whether body looks like an OPML document.
func IsOPML(body []byte) bool {
	head := body
	if len(head) > 1024 {
		head = head[:1024]
	}
	return bytes.Contains(bytes.ToLower(head), []byte("<opml"))
}

// outline is an OPML outline element; outlines nest.
type outline struct {
	XMLURL   string    `xml:"xmlUrl,attr"`
	Outlines []outline `xml:"outline"`
}

// ParseOPML returns the feed URLs an OPML document lists (the xmlUrl of
// every outline, nested ones included), in document order, without
// repeats.
func ParseOPML(body []byte) ([]string, error) {
	if !IsOPML(body) {
		return nil, fmt.Errorf("%w: no <opml> element", ErrNotFeed)
	}
	var doc struct {
		XMLName  xml.Name  `xml:"opml"`
		Outlines []outline `xml:"body>outline"`
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		return nil, fmt.Errorf("parse OPML: %w", err)
	}
	var urls []string
	seen := map[string]bool{}
	var walk func([]outline)
	walk = func(os []outline) {
		for _, o := range os {
			if u := resolve(nil, o.XMLURL); u != "" && !seen[u] {
				seen[u] = true
				urls = append(urls, u)
			}
			walk(o.Outlines)
		}
	}
	walk(doc.Outlines)
	return urls, nil
}

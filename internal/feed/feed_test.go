package feed

import (
	"errors"
	"slices"
	"testing"
	"time"
)

const rss = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Sahel Wire</title><link>https://sahelwire.example/</link>
<item><title>Blast at market</title><link>https://sahelwire.example/news/1</link><pubDate>Mon, 04 Mar 2024 18:00:00 GMT</pubDate></item>
<item><title>Relative</title><link>/news/2</link><pubDate>Tue, 05 Mar 2024 08:00:00 +0100</pubDate></item>
<item><title>No link</title></item>
<item><title>Repeat</title><link>https://sahelwire.example/news/1</link></item>
</channel></rss>`

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Lake Chad</title><id>urn:x</id><updated>2024-03-05T00:00:00Z</updated>
<entry><title>Toll rises</title><id>urn:1</id><link href="https://lakechad.example/a"/><updated>2024-03-05T10:00:00Z</updated><published>2024-03-05T09:00:00Z</published></entry>
</feed>`

const jsonFeed = `{"version":"https://jsonfeed.org/version/1.1","title":"Continental","items":[
{"id":"1","url":"https://continental.example/b","title":"Nineteen dead","date_published":"2024-03-05T12:00:00Z"}]}`

const html = `<!DOCTYPE html><html><head><title>Not a feed</title></head><body><p>Hello</p></body></html>`

func TestParse(t *testing.T) {
	tests := []struct {
		name      string
		body      string
		wantType  string
		wantLinks []string
		wantFirst time.Time
	}{
		{"rss", rss, "rss", []string{"https://sahelwire.example/news/1", "https://feeds.example/news/2"},
			time.Date(2024, 3, 4, 18, 0, 0, 0, time.UTC)},
		{"atom", atom, "atom", []string{"https://lakechad.example/a"},
			time.Date(2024, 3, 5, 9, 0, 0, 0, time.UTC)},
		{"json", jsonFeed, "json", []string{"https://continental.example/b"},
			time.Date(2024, 3, 5, 12, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse([]byte(tt.body), "https://feeds.example/rss.xml")
			if err != nil {
				t.Fatal(err)
			}
			if f.Type != tt.wantType {
				t.Errorf("type: got %q, want %q", f.Type, tt.wantType)
			}
			var links []string
			for _, it := range f.Items {
				links = append(links, it.Link)
			}
			if !slices.Equal(links, tt.wantLinks) {
				t.Errorf("links: got %v, want %v", links, tt.wantLinks)
			}
			if len(f.Items) > 0 && !f.Items[0].Published.Equal(tt.wantFirst) {
				t.Errorf("published: got %v, want %v", f.Items[0].Published, tt.wantFirst)
			}
		})
	}
}

func TestParseNotFeed(t *testing.T) {
	for _, body := range []string{html, "", "plain text", `{"a":1}`} {
		if _, err := Parse([]byte(body), ""); !errors.Is(err, ErrNotFeed) {
			t.Errorf("Parse(%.20q): got %v, want %v", body, err, ErrNotFeed)
		}
	}
}

func TestParseOPML(t *testing.T) {
	const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Monitor</title></head><body>
<outline text="Africa">
  <outline type="rss" text="Sahel Wire" xmlUrl="https://sahelwire.example/rss"/>
  <outline type="rss" text="Lake Chad" xmlUrl="https://lakechad.example/atom.xml"/>
</outline>
<outline type="rss" text="Repeat" xmlUrl="https://sahelwire.example/rss"/>
<outline text="no url"/>
<outline type="rss" text="ftp" xmlUrl="ftp://x.example/rss"/>
</body></opml>`
	got, err := ParseOPML([]byte(opml))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://sahelwire.example/rss", "https://lakechad.example/atom.xml"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if _, err := ParseOPML([]byte(html)); !errors.Is(err, ErrNotFeed) {
		t.Errorf("HTML as OPML: got %v, want %v", err, ErrNotFeed)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{rss, atom, jsonFeed, html} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		Parse(body, "https://feeds.example/")
		ParseOPML(body)
	})
}

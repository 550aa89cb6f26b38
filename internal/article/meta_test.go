package article

import (
	"strings"
	"testing"
)

// pageBody is a body long enough for the extractor to keep.
const pageBody = `<article><h1>Three arrested after bar fight</h1>
<p>Police said three men were arrested on Tuesday after a fight outside a bar in the city centre of the town.</p>
<p>Two people were taken to hospital with minor injuries, a spokesman for the regional police force said.</p>
<p>The men, aged between 19 and 24, are due to appear in court on Friday, charged with affray.</p></article>`

func TestFromHTMLMeta(t *testing.T) {
	tests := []struct {
		name       string
		head       string
		pageURL    string
		wantTitle  string
		wantTitles []string
		wantDate   string
		wantOutlet string
		wantURL    string
		wantLang   string
	}{
		{
			name:       "nothing but the page URL",
			pageURL:    "https://www.example-news.com/a/1",
			wantTitle:  "Three arrested after bar fight",
			wantOutlet: "example-news.com",
			wantURL:    "https://www.example-news.com/a/1",
			wantLang:   "en",
		},
		{
			name:       "title tag with site and section",
			head:       `<title>Three arrested after bar fight | Crime | The Town Crier</title><meta property="og:site_name" content="The Town Crier">`,
			wantTitle:  "Three arrested after bar fight",
			wantOutlet: "The Town Crier",
			wantLang:   "en",
		},
		{
			name:       "site name first in the title, host name as site",
			head:       `<title>Town Crier: Police arrest trio after brawl</title><link rel="canonical" href="/news/1">`,
			pageURL:    "https://towncrier.example/x",
			wantTitle:  "Three arrested after bar fight",
			wantTitles: []string{"Police arrest trio after brawl"},
			wantOutlet: "towncrier.example",
			wantURL:    "https://towncrier.example/news/1",
			wantLang:   "en",
		},
		{
			name:       "JSON-LD graph",
			head:       `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","@id":"#w","name":"Town Crier"},{"@type":["NewsArticle"],"headline":"Trio held after city-centre brawl","alternativeHeadline":"Bar fight: three in court on Friday","datePublished":"2024-03-05T23:10:00-05:00","publisher":{"@id":"#o"}},{"@type":"Organization","@id":"#o","name":"Town Crier Media"}]}</script>`,
			wantTitle:  "Trio held after city-centre brawl",
			wantTitles: []string{"Three arrested after bar fight", "Bar fight: three in court on Friday"},
			wantDate:   "2024-03-05",
			wantOutlet: "Town Crier Media",
			wantLang:   "en",
		},
		{
			name:      "broken JSON-LD still gives headline and date",
			head:      `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Trio held after brawl","datePublished":"2024-03-05",}</script>`,
			wantTitle: "Trio held after brawl", wantTitles: []string{"Three arrested after bar fight"},
			wantDate: "2024-03-05", wantLang: "en",
		},
		{
			name:      "article:published_time",
			head:      `<meta property="article:published_time" content="2021-11-30T08:00:00+01:00">`,
			wantTitle: "Three arrested after bar fight", wantDate: "2021-11-30", wantLang: "en",
		},
		{
			name:      "dc.date",
			head:      `<meta name="DC.date.issued" content="2020-02-29">`,
			wantTitle: "Three arrested after bar fight", wantDate: "2020-02-29", wantLang: "en",
		},
		{
			name:      "labels stripped from og:title",
			head:      `<meta property="og:title" content="LIVE: Three arrested after bar fight">`,
			wantTitle: "Three arrested after bar fight", wantLang: "en",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<!DOCTYPE html><html><head>" + tt.head + "</head><body>" + pageBody + "</body></html>"
			a, err := FromHTML([]byte(page), tt.pageURL)
			if err != nil {
				t.Fatalf("FromHTML: %v", err)
			}
			if a.Title != tt.wantTitle {
				t.Errorf("title: got %q, want %q", a.Title, tt.wantTitle)
			}
			if tt.wantTitles == nil {
				tt.wantTitles = []string{}
			}
			if strings.Join(a.Titles, "|") != strings.Join(tt.wantTitles, "|") {
				t.Errorf("titles: got %q, want %q", a.Titles, tt.wantTitles)
			}
			check := func(what string, got *string, want string) {
				t.Helper()
				switch {
				case want == "" && got != nil:
					t.Errorf("%s: got %q, want none", what, *got)
				case want != "" && (got == nil || *got != want):
					t.Errorf("%s: got %v, want %q", what, deref(got), want)
				}
			}
			check("published", a.Published, tt.wantDate)
			check("outlet", a.Outlet, tt.wantOutlet)
			check("url", a.URL, tt.wantURL)
			if a.Language != tt.wantLang {
				t.Errorf("language: got %q, want %q", a.Language, tt.wantLang)
			}
			if !strings.HasPrefix(a.Text, "Police said three men") || strings.Count(a.Text, "\n\n") != 2 {
				t.Errorf("text: got %q", a.Text)
			}
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func TestCleanTitleTag(t *testing.T) {
	tests := []struct {
		title, host string
		sites       []string
		want        string
	}{
		{"Headline of the day | World news | The Ledger", "", []string{"The Ledger"}, "Headline of the day"},
		{"Headline of the day - The Ledger", "", []string{"The Ledger"}, "Headline of the day"},
		{"Headline of the day – Northline", "northline-news.com", nil, "Headline of the day"},
		{"The Ledger :: Headline of the day", "", []string{"The Ledger"}, "Headline of the day"},
		{"Russia - Ukraine war: what we know on day 100", "", nil, "Russia - Ukraine war: what we know on day 100"},
		{"Putin warns West - again", "", nil, "Putin warns West - again"},
		{"Just a headline", "", nil, "Just a headline"},
	}
	for _, tt := range tests {
		if got := cleanTitleTag(tt.title, tt.sites, tt.host, nil); got != tt.want {
			t.Errorf("cleanTitleTag(%q): got %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestFindDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Published 27 September 2022", "2022-09-27"},
		{"Sept. 27, 2022 10:14 a.m. ET", "2022-09-27"},
		{"Updated: 2022-09-27T10:00:00Z", "2022-09-27"},
		{"11.01.2023, 18:30 Uhr", "2023-01-11"},
		{"25 сентября 2022, 21:40", "2022-09-25"},
		{"15 серпня 2023", "2023-08-15"},
		{"Thu 1 Feb 2024 15.05 CET", "2024-02-01"},
		{"31 February 2024", ""},
		{"no date here", ""},
	}
	for _, tt := range tests {
		if got := findDate(tt.in); got != tt.want {
			t.Errorf("findDate(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

package article

import (
	"errors"
	"os"
	"testing"
)

// sentinel reports whether err is one of the package's errors.
func sentinel(err error) bool {
	return errors.Is(err, ErrEmpty) || errors.Is(err, ErrTooLarge) ||
		errors.Is(err, ErrBinary) || errors.Is(err, ErrNoText)
}

// addSeeds adds the fixtures with extension ext to the corpus.
func addSeeds(f *testing.F, ext string) {
	for _, p := range fixtures(f, ext) {
		raw, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
}

// checkSentences checks that sentence offsets, if any, lie inside text.
func checkSentences(t *testing.T, text string, spans [][2]int) {
	prev := 0
	for _, s := range spans {
		if s[0] < prev || s[0] > s[1] || s[1] > len(text) {
			t.Errorf("sentence %v out of order or out of text of %d bytes", s, len(text))
		}
		prev = s[1]
	}
}

func FuzzFromHTML(f *testing.F) {
	addSeeds(f, ".html")
	for _, s := range []string{
		"", "<", "<html>", "<p>x</p>", "<div><div><div>",
		"<html><body><article><h1>Title</h1><p>One sentence of body text here, and a second clause.</p></article></body></html>",
		"<meta charset=koi8-r><p>\xf0\xcf\xcc\xc9\xc3\xc9\xd1</p>",
		"\xff\xfe<\x00p\x00>\x00x\x00",
		"<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\",\"headline\":1,\"datePublished\":[]}]}</script><p>Body text that is long enough to be kept by the extractor, we hope.</p>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		a, err := FromHTML(raw, "https://example.com/news/1")
		if err != nil {
			if !sentinel(err) {
				t.Fatalf("error is none of the package's: %v", err)
			}
			return
		}
		checkArticle(t, a.ID, a.Text, a.Title, a.Titles)
		var spans [][2]int
		for _, s := range a.Sentences {
			spans = append(spans, [2]int{s.Start, s.End})
		}
		checkSentences(t, a.Text, spans)
		if a.Language == "" {
			t.Error("no language")
		}
	})
}

func FuzzFromText(f *testing.F) {
	addSeeds(f, ".txt")
	for _, s := range []string{
		"", "x", "Title\n\nBody.", "\n\n\n", "Watch: (video)\n\nShare this Story:\n\nText.",
		"a-\nb", "- item\n- item", "\xff\xfe\x41\x00", "By\n\nBy",
		"Headline\r\n\r\nFirst sentence. Second sentence.\r\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		a, err := FromText(raw)
		if err != nil {
			if !sentinel(err) {
				t.Fatalf("error is none of the package's: %v", err)
			}
			return
		}
		checkArticle(t, a.ID, a.Text, a.Title, a.Titles)
		var spans [][2]int
		for _, s := range a.Sentences {
			spans = append(spans, [2]int{s.Start, s.End})
		}
		checkSentences(t, a.Text, spans)
	})
}

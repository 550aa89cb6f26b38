package article

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

const body3 = "Police said three men were arrested on Tuesday after a fight outside a bar in the city centre.\n\n" +
	"Two people were taken to hospital with minor injuries, a spokesman said.\n\n" +
	"The men are due in court on Friday."

func TestFromText(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		wantTitle  string
		wantTitles []string
		wantText   string
		wantDate   string
	}{
		{
			name:     "one line is all body",
			in:       "Police arrest three men after bar fight in city centre\n",
			wantText: "Police arrest three men after bar fight in city centre",
		},
		{
			name:     "one sentence is all body",
			in:       "A gunman opened fire at a draft office in Siberia on Monday.",
			wantText: "A gunman opened fire at a draft office in Siberia on Monday.",
		},
		{
			name:     "first line a sentence: all body",
			in:       "Three men were arrested on Tuesday.\n\nBar fight\n\nThey are due in court on Friday.",
			wantText: "Three men were arrested on Tuesday.\n\nBar fight\n\nThey are due in court on Friday.",
		},
		{
			name:      "headline and body",
			in:        "Three arrested after bar fight\n\n" + body3,
			wantTitle: "Three arrested after bar fight",
			wantText:  body3,
		},
		{
			name:       "labels stripped, variants kept, chrome dropped",
			in:         "WATCH: Three arrested after bar fight (video)\n\nShare this article\n\nPolice arrest trio\n\nAdvertisement\n\n" + body3 + "\n\nRead more: Other news of the day\n\n© 2024 Example News. All rights reserved.",
			wantTitle:  "Three arrested after bar fight",
			wantTitles: []string{"Police arrest trio"},
			wantText:   body3,
		},
		{
			name:       "headline between paragraphs is a variant, at the end is dropped",
			in:         "Three arrested after bar fight\n\nFirst paragraph of the report, which is a sentence.\n\nCourt date set for Friday\n\nThe men are due in court on Friday.\n\nMost read\n\nMarkets close higher after volatile week\n\nWeather warning for the weekend",
			wantTitle:  "Three arrested after bar fight",
			wantTitles: []string{"Court date set for Friday"},
			wantText:   "First paragraph of the report, which is a sentence.\n\nThe men are due in court on Friday.",
		},
		{
			name:       "duplicate variants and the title itself are not repeated",
			in:         "Three arrested after bar fight\n\nThree arrested after bar fight\n\nTHREE ARRESTED AFTER BAR FIGHT\n\nPolice arrest trio\n\n" + body3,
			wantTitle:  "Three arrested after bar fight",
			wantTitles: []string{"Police arrest trio"},
			wantText:   body3,
		},
		{
			name:      "byline and date under the headline",
			in:        "Three arrested after bar fight\nBy Jane Doe, City Desk\nPublished 14 August 2024\n\n" + body3,
			wantTitle: "Three arrested after bar fight",
			wantText:  body3,
			wantDate:  "2024-08-14",
		},
		{
			name:      "headline not followed by a blank line stays body",
			in:        "Three arrested after bar fight\nPolice said three men were arrested on Tuesday after a fight outside a bar in the city centre.\n\nThe men are due in court on Friday.",
			wantTitle: "",
			wantText:  "Three arrested after bar fight\n\nPolice said three men were arrested on Tuesday after a fight outside a bar in the city centre.\n\nThe men are due in court on Friday.",
		},
		{
			name:      "hard-wrapped paragraphs are joined",
			in:        "Three arrested after bar fight\n\nPolice said three men were arrested on Tuesday after a fight outside\na bar in the city centre. Two people were taken to hospital with\nminor injuries, a spokesman said.\n\nThe men are due in court on Friday.",
			wantTitle: "Three arrested after bar fight",
			wantText:  "Police said three men were arrested on Tuesday after a fight outside a bar in the city centre. Two people were taken to hospital with minor injuries, a spokesman said.\n\nThe men are due in court on Friday.",
		},
		{
			name:      "lines without blank lines are paragraphs",
			in:        "Three arrested after bar fight\nPolice said three men were arrested on Tuesday after a fight outside a bar in the city centre, and that two people had been taken to hospital.\nThe men are due in court on Friday, a spokesman for the city's police said in a statement.",
			wantTitle: "Three arrested after bar fight",
			wantText:  "Police said three men were arrested on Tuesday after a fight outside a bar in the city centre, and that two people had been taken to hospital.\n\nThe men are due in court on Friday, a spokesman for the city's police said in a statement.",
		},
		{
			name:      "list items and quotations are body",
			in:        "Three arrested after bar fight\n\nThe police listed the charges:\n\n- Affray\n- Assault\n\n“We will not tolerate this”\n\nThe men are due in court on Friday.",
			wantTitle: "Three arrested after bar fight",
			wantText:  "The police listed the charges:\n\n- Affray\n\n- Assault\n\n“We will not tolerate this”\n\nThe men are due in court on Friday.",
		},
		{
			name:      "white space normalised, characters kept",
			in:        "\uFEFFThree  arrested\tafter bar fight\r\n\r\n“Nobody   moves,”\u00a0he said — twice.\u200b\r\n",
			wantTitle: "Three arrested after bar fight",
			wantText:  "“Nobody moves,” he said — twice.",
		},
		{
			name:     "sentence starting with By is no byline",
			in:       "By the time police arrived, the men had fled.\n\nThey were arrested on Friday.",
			wantText: "By the time police arrived, the men had fled.\n\nThey were arrested on Friday.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromText([]byte(tt.in))
			if err != nil {
				t.Fatalf("FromText: %v", err)
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
			if a.Text != tt.wantText {
				t.Errorf("text: got\n%q\nwant\n%q", a.Text, tt.wantText)
			}
			switch {
			case tt.wantDate == "" && a.Published != nil:
				t.Errorf("published: got %q, want none", *a.Published)
			case tt.wantDate != "" && (a.Published == nil || *a.Published != tt.wantDate):
				t.Errorf("published: got %v, want %q", a.Published, tt.wantDate)
			}
			checkArticle(t, a.ID, a.Text, a.Title, a.Titles)
		})
	}
}

// rxID matches an article ID.
var rxID = regexp.MustCompile(`^[0-9a-f]{32}$`)

// checkArticle checks what must hold of every article.
func checkArticle(t testing.TB, id, text, title string, titles []string) {
	t.Helper()
	if !rxID.MatchString(id) {
		t.Errorf("id: got %q, want 32 hex digits", id)
	}
	if id != contentID(text) {
		t.Errorf("id: got %s, want the hash of the text %s", id, contentID(text))
	}
	for _, s := range append([]string{text, title}, titles...) {
		if !utf8.ValidString(s) {
			t.Errorf("invalid UTF-8: %q", s)
		}
	}
	if text == "" || strings.TrimSpace(text) != text || strings.Contains(text, "\n\n\n") {
		t.Errorf("text badly trimmed: %q", text)
	}
	for _, p := range strings.Split(text, "\n\n") {
		if p == "" || strings.ContainsAny(p, "\n\t\r") || strings.Contains(p, "  ") {
			t.Errorf("paragraph not normalised: %q", p)
		}
	}
	for _, s := range append([]string{title}, titles...) {
		if strings.ContainsAny(s, "\n\t\r") {
			t.Errorf("title not normalised: %q", s)
		}
	}
}

func TestErrors(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...)
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"nil", nil, ErrEmpty},
		{"empty", []byte{}, ErrEmpty},
		{"white space", []byte(" \n\t\r\n  "), ErrEmpty},
		{"too large", bytes.Repeat([]byte("a "), MaxInputSize/2+1), ErrTooLarge},
		{"png", png, ErrBinary},
		{"gzip", []byte{0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00}, ErrBinary},
		{"NUL bytes", []byte("some text\x00\x00\x01\x02 more text"), ErrBinary},
		{"control bytes", bytes.Repeat([]byte{0x01, 0x02, 0x03, 'a'}, 100), ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := FromText(tt.in); !errors.Is(err, tt.want) {
				t.Errorf("FromText: got %v, want %v", err, tt.want)
			}
			if _, err := FromHTML(tt.in, ""); !errors.Is(err, tt.want) {
				t.Errorf("FromHTML: got %v, want %v", err, tt.want)
			}
		})
	}
	noText := []struct{ name, in string }{
		{"only chrome", "<html><body><nav><a href='/'>Home</a></nav><p>Share this article</p><p>Advertisement</p></body></html>"},
		{"only markup", "<html><head><title>x</title><script>var a = 1;</script></head><body><div></div></body></html>"},
	}
	for _, tt := range noText {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := FromHTML([]byte(tt.in), ""); !errors.Is(err, ErrNoText) {
				t.Errorf("FromHTML: got %v, want %v", err, ErrNoText)
			}
		})
	}
	if _, err := FromText([]byte("Share this article\n\nAdvertisement\n\n© 2024 Example")); !errors.Is(err, ErrNoText) {
		t.Errorf("FromText of chrome only: got %v, want %v", err, ErrNoText)
	}
}

func TestIsHTML(t *testing.T) {
	utf16 := func(s string) []byte {
		b, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM).NewEncoder().Bytes([]byte(s))
		return b
	}
	tests := []struct {
		name string
		in   []byte
		want bool
	}{
		{"doctype", []byte("<!DOCTYPE html><html><body><p>x</p></body></html>"), true},
		{"doctype after BOM and space", []byte("\xEF\xBB\xBF\n  <!doctype HTML>\n<title>x</title>"), true},
		{"html tag", []byte("<HTML><HEAD><TITLE>x</TITLE></HEAD></HTML>"), true},
		{"comment first", []byte("<!-- generated --><html><body>x</body></html>"), true},
		{"xml prologue", []byte(`<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"></html>`), true},
		{"fragment", []byte("<p>Police said <b>three</b> men were arrested.</p>"), true},
		{"text then tags", []byte("Report\n<div>one</div><div>two</div><br>"), true},
		{"utf-16 page", utf16("<!DOCTYPE html><html><body><p>Hello</p></body></html>"), true},
		{"plain text", []byte("Three arrested after bar fight\n\nPolice said three men were arrested."), false},
		{"text with angle brackets", []byte("Temperatures < 5 degrees and > -3 degrees <Reuters> reported"), false},
		{"text naming a tag", []byte("The page used a <div> element to lay out its columns."), false},
		{"empty", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsHTML(tt.in); got != tt.want {
				t.Errorf("IsHTML(%.40q): got %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	const ru = "Полиция задержала семь человек, которые вышли на пикеты у здания администрации города."
	const de = "Die Polizei räumt das Dorf; „Wir bleiben“, sagte eine Sprecherin."
	cp1251, _ := charmap.Windows1251.NewEncoder().String(ru)
	koi8, _ := charmap.KOI8R.NewEncoder().String(ru)
	cp1252, _ := charmap.Windows1252.NewEncoder().String(de)
	le, _ := xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM).NewEncoder().String(ru)
	be, _ := xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM).NewEncoder().String("Plain English text, read as UTF-16.")
	tests := []struct {
		name     string
		in       string
		declared bool
		want     string
	}{
		{"utf-8", ru, false, ru},
		{"utf-8 BOM", "\xEF\xBB\xBF" + ru, false, ru},
		{"windows-1251", cp1251, false, ru},
		{"koi8-r", koi8, false, ru},
		{"windows-1252", cp1252, false, de},
		{"utf-16le no BOM, Cyrillic", le, false, ru},
		{"utf-16be no BOM", be, false, "Plain English text, read as UTF-16."},
		{"utf-16le BOM", "\xFF\xFE" + le, false, ru},
		{"invalid utf-8 repaired", "Police said “three” men\xff were arrested — in Kyiv\xc3", false, "Police said “three” men\uFFFD were arrested — in Kyiv\uFFFD"},
		{"declared windows-1251", `<meta charset="windows-1251"><p>` + cp1251, true, `<meta charset="windows-1251"><p>` + ru},
		{"declared koi8-r", `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>` + koi8, true, `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>` + ru},
		{"declared utf-8, really windows-1251", `<meta charset="utf-8"><p>` + cp1251, true, `<meta charset="utf-8"><p>` + ru},
		{"declared utf-16, really utf-8", `<meta charset="utf-16"><p>` + ru, true, `<meta charset="utf-16"><p>` + ru},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode([]byte(tt.in), tt.declared)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDeepNesting feeds FromHTML pages nested 100,000 deep: they must
// neither panic nor hang, and their text must survive.
func TestDeepNesting(t *testing.T) {
	const depth = 100_000
	text := "<p>Police said three men were arrested on Tuesday after a fight outside a bar in the city centre. Two people were taken to hospital.</p>"
	tests := []struct{ name, page string }{
		{"div", strings.Repeat("<div>", depth) + text + strings.Repeat("</div>", depth)},
		{"unclosed div", strings.Repeat("<div>", depth) + text},
		{"b", strings.Repeat("<b>", depth) + text + strings.Repeat("</b>", depth)},
		{"mixed", strings.Repeat("<div><span><a href='#'><ul><li>", depth/5) + text},
		{"table", strings.Repeat("<table><tr><td>", depth/3) + text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			a, err := FromHTML([]byte("<html><body>"+tt.page+"</body></html>"), "")
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v", d)
			}
			if err != nil {
				t.Fatalf("FromHTML: %v", err)
			}
			if !strings.Contains(a.Text, "three men were arrested") {
				t.Errorf("text: got %.200q, want the paragraph", a.Text)
			}
		})
	}
}

// TestSameID checks that the same report read from text and from HTML has
// the same ID.
func TestSameID(t *testing.T) {
	paras := []string{
		"Police said three men were arrested on Tuesday after a fight outside a bar in the city centre.",
		"Two people were taken to hospital with minor injuries, a spokesman said.",
		"The men are due in court on Friday.",
	}
	txt, err := FromText([]byte("Three arrested after bar fight\n\n" + strings.Join(paras, "\n\n")))
	if err != nil {
		t.Fatal(err)
	}
	page := renderTemplate(t, map[string]any{"Headline": "Three arrested after bar fight", "Paragraphs": paras})
	htm, err := FromHTML(page, "")
	if err != nil {
		t.Fatal(err)
	}
	if txt.ID != htm.ID {
		t.Errorf("IDs differ: text %s, HTML %s (texts %q and %q)", txt.ID, htm.ID, txt.Text, htm.Text)
	}
}

package timex

import (
	"testing"
	"time"
	"unicode/utf8"
)

// sentences are report-like sentences written for these tests; the fuzz
// target starts from them and the benchmark runs over them.
var sentences = []string{
	"A gunman opened fire at a bus station in the north of the country on Monday, killing at least 13 people, police said.",
	"Last Wednesday, the president announced a call-up of reservists, a move that sparked protests in dozens of cities.",
	"The region, which troops have held since February, was shelled again early Tuesday and on the same day a dam burst.",
	"The decree signed on Sept. 21, 2022, takes effect next month, officials said in a statement released late on Sunday night.",
	"Talks collapsed in November, resumed two days ago and are due to end this coming Friday, according to diplomats.",
	"No one was hurt in the blast at 5 p.m. on Saturday, which damaged several buildings, the regional governor said.",
	"Exports fell sharply last year compared with 2021, and may fall further this year, the central bank said on 12 October.",
	"Protesters march on the capital every week, and may soon be joined by the unions, whose leaders met yesterday.",
	"The court ruled on 2022-09-21 that the arrests made the day before were unlawful, and ordered the release of 40 people.",
	"Since the start of 2014 the border has been closed, but a crossing opened in mid-March for a few days, residents said.",
}

func FuzzFind(f *testing.F) {
	for _, s := range sentences {
		f.Add(s, int64(1664236800)) // 2022-09-27
	}
	for _, s := range []string{"", "Monday", "Mon.", "Sept. 31", "Feb. 29", "29/02/2023", "9999-99-99",
		"last", "the day", "0000-01-01", "\xffMonday\xfe", "since", "2014-", "Sept. 21-"} {
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var ref time.Time
		if unix != 0 {
			ref = time.Unix(unix%(1<<35), 0).UTC()
		}
		last := 0
		for _, x := range Find(text, ref) {
			if x.Start < last || x.Start >= x.End || x.End > len(text) {
				t.Fatalf("got span [%d,%d) after %d in a text of %d bytes", x.Start, x.End, last, len(text))
			}
			last = x.End
			if !boundary(text, x.Start) || !boundary(text, x.End) {
				t.Fatalf("span [%d,%d) cuts a character of %q", x.Start, x.End, text)
			}
			if x.Text != text[x.Start:x.End] || x.Date.Text != x.Text {
				t.Fatalf("got text %q, date text %q, want %q", x.Text, x.Date.Text, text[x.Start:x.End])
			}
			if (x.Date.Start == nil) != (x.Date.End == nil) {
				t.Fatalf("%q: got one end of the range only", x.Text)
			}
			if x.Date.Start != nil && *x.Date.Start > *x.Date.End {
				t.Fatalf("%q: got start %s after end %s", x.Text, *x.Date.Start, *x.Date.End)
			}
			if x.Date.Start == nil && x.Date.Precision != "unknown" || x.Anaphoric && x.Date.Start != nil {
				t.Fatalf("%q: got precision %q with start %v", x.Text, x.Date.Precision, x.Date.Start)
			}
		}
	})
}

// boundary reports whether byte offset i starts a character of text (where
// a range loop stops; in invalid UTF-8 each bad byte is a character of its
// own) or is its end.
func boundary(text string, i int) bool {
	if i == len(text) || utf8.RuneStart(text[i]) {
		return true
	}
	for j := range text {
		if j >= i {
			return j == i
		}
	}
	return false
}

func BenchmarkFind(b *testing.B) {
	ref := time.Date(2022, 9, 27, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Find(sentences[i%len(sentences)], ref)
	}
}

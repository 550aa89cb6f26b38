package count

import (
	"testing"
	"unicode/utf8"
)

// sentences are report-like sentences written for these tests; the fuzz
// targets start from them and the benchmarks run over them.
var sentences = []string{
	"A gunman opened fire at a bus station in the north of the country on Monday, killing at least 13 people and wounding 21 others, police said.",
	"Hundreds of people have been arrested since the rallies began, and thousands of civilians have fled across the border in the past week.",
	"The death toll from the flooding rose to 42 on Tuesday, officials said, as rescuers searched for dozens of villagers still missing.",
	"Police detained about 40 protesters outside the court, where tens of thousands of demonstrators had gathered to denounce the ruling.",
	"The officer was seriously injured in the attack and the 25-year-old suspect, who fired three times, has been taken into custody.",
	"No one was hurt in the blast, which damaged several buildings and shattered windows up to 2 km away, the regional governor said.",
	"Between 10 and 15 soldiers were killed, and the army lost hundreds of tanks and thousands of miles of territory in 2022.",
	"A crowd of 5,000 people marched through the capital on Sept. 21, 2022, chanting slogans against the mobilisation of reservists.",
	"More than 1,300 people were detained in 38 cities, according to a monitoring group, while 50,000 more signed an online petition.",
	"Three soldiers and two civilians died when a mine exploded near the village at 5 p.m., a spokesman for the ministry told reporters.",
}

func FuzzFind(f *testing.F) {
	for _, s := range sentences {
		f.Add(s)
	}
	for _, s := range []string{"", "1,2,3", "$", "a", "no one", "between 5 and", "9999999999999999999 people",
		"tens of", "a hundred thousand million", "\xff13\xfe people", "13\u00a0000 people", "—13—", "50,000-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, q := range Find(text) {
			checkSpan(t, text, q.Start, q.End)
			if text[q.Start:q.End] != q.Text {
				t.Fatalf("got text %q, want %q", q.Text, text[q.Start:q.End])
			}
			if q.Min < 0 || q.Max != nil && q.Min > *q.Max {
				t.Fatalf("%q: got min %d max %d", q.Text, q.Min, *q.Max)
			}
		}
		for _, tl := range Tolls(text) {
			checkSpan(t, text, tl.Start, tl.End)
			checkSpan(t, text, tl.VerbStart, tl.VerbEnd)
			if tl.VerbStart < tl.Start || tl.VerbEnd > tl.End {
				t.Fatalf("verb [%d,%d) outside toll [%d,%d)", tl.VerbStart, tl.VerbEnd, tl.Start, tl.End)
			}
			r := tl.Range
			if r.Min < 0 || r.Max != nil && r.Min > *r.Max {
				t.Fatalf("%q: got min %d max %d", r.Text, r.Min, *r.Max)
			}
			switch tl.Role {
			case Killed, Injured, Arrested, Participants:
			default:
				t.Fatalf("got role %q", tl.Role)
			}
		}
	})
}

// checkSpan fails unless [s, e) is a non-empty range of text whose ends
// are on character boundaries (where a range loop over text stops; in
// invalid UTF-8 each bad byte is a character of its own).
func checkSpan(t *testing.T, text string, s, e int) {
	t.Helper()
	if s < 0 || e > len(text) || s >= e {
		t.Fatalf("got span [%d,%d) in a text of %d bytes", s, e, len(text))
	}
	if !boundary(text, s) || !boundary(text, e) {
		t.Fatalf("span [%d,%d) cuts a character of %q", s, e, text)
	}
}

// boundary reports whether byte offset i starts a character of text or
// is its end.
func boundary(text string, i int) bool {
	if i == len(text) {
		return true
	}
	if utf8.RuneStart(text[i]) {
		return true
	}
	for j := range text {
		if j == i {
			return true
		}
		if j > i {
			break
		}
	}
	return false
}

func BenchmarkFind(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Find(sentences[i%len(sentences)])
	}
}

func BenchmarkTolls(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Tolls(sentences[i%len(sentences)])
	}
}

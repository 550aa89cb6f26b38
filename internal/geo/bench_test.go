package geo

import (
	"os"
	"runtime"
	"testing"
)

// BenchmarkLoad measures loading the embedded gazetteer, what Default does
// once per process.
func BenchmarkLoad(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var g *Gazetteer
	for i := 0; i < b.N; i++ {
		var err error
		g, err = Load()
		if err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-heap-live")
	runtime.KeepAlive(g)
}

// BenchmarkGeoparse measures Recognize and Resolve on a 640-word report
// written for the tests (testdata/report.txt).
func BenchmarkGeoparse(b *testing.B) {
	text, err := os.ReadFile("testdata/report.txt")
	if err != nil {
		b.Fatal(err)
	}
	g := Default()
	s := string(text)
	b.SetBytes(int64(len(s)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ms := g.Recognize(s)
		g.Resolve(s, ms)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}

func TestReport(t *testing.T) {
	text, err := os.ReadFile("testdata/report.txt")
	if err != nil {
		t.Fatal(err)
	}
	g := Default()
	s := string(text)
	ms := g.Recognize(s)
	ps := g.Resolve(s, ms)
	want := map[string]int{"Ust-Ilimsk": 2013952, "Bratsk": 2051523, "Irkutsk": 2023469, "Moscow": 524901}
	seen := map[string]bool{}
	for i, m := range ms {
		switch m.Text {
		case "Igor Kobzev", "Kobzev", "Ruslan Zinin", "Zinin", "Vladimir Putin", "Putin", "Nobody", "Governor", "President", "Tuesday", "Wednesday", "Greenpeace":
			t.Errorf("got mention %q, want none", m.Text)
		}
		if id, ok := want[m.Text]; ok {
			seen[m.Text] = true
			if ps[i] == nil || ps[i].GeonameID == nil || *ps[i].GeonameID != id {
				t.Errorf("%q at %d: got %+v, want geonameid %d", m.Text, m.Start, ps[i], id)
			}
		}
		if testing.Verbose() {
			name := "<nil>"
			if ps[i] != nil {
				name = ps[i].Name + " " + ps[i].Country + " " + ps[i].Precision
			}
			t.Logf("%-22q %-11s %5.1f → %s", m.Text, m.Kind, m.Score, name)
		}
	}
	for k := range want {
		if !seen[k] {
			t.Errorf("no mention of %q", k)
		}
	}
}

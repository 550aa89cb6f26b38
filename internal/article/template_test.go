package article

import (
	"bytes"
	"encoding/json"
	"html/template"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// renderTemplate wraps a report in testdata/pages/template.html.
func renderTemplate(t testing.TB, data map[string]any) []byte {
	t.Helper()
	tmpl, err := template.ParseFiles(filepath.Join(pagesDir, "template.html"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, data); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestTemplate wraps reports in the page template and checks that
// FromHTML gives back the headline, date, outlet and paragraphs, and no
// chrome, and that the template's JSON-LD stays valid whatever the text.
func TestTemplate(t *testing.T) {
	tests := []struct {
		name string
		data map[string]any
	}{
		{"plain", map[string]any{
			"Headline":  "Gunman opens fire at draft office in Siberian town",
			"Published": "2022-09-26",
			"Paragraphs": []string{
				"A man opened fire at a military enlistment office in the Siberian town of Ust-Ilimsk on Monday, seriously wounding the officer in charge, the regional governor said.",
				"The gunman was detained at the scene. Local media named him as a 25-year-old resident of the town.",
				"“Nobody is going anywhere,” the man said before he fired, according to witnesses quoted by local news sites.",
				"The shooting came days after the government announced a partial mobilisation of reservists.",
				"Protests against the call-up have been reported in dozens of cities, and hundreds of people have been detained.",
			},
		}},
		{"awkward characters", map[string]any{
			"Headline":    `Police & protesters clash: "dozens" hurt <in> Tbilisi`,
			"Published":   "2023-03-07",
			"Outlet":      "Kavkaz Daily",
			"URL":         "https://kavkaz.example/2023/03/07/clash",
			"Subheadline": "Water cannon used outside parliament",
			"Author":      "Nino O'Brien",
			"Paragraphs": []string{
				`Police used water cannon & tear gas on Tuesday night against protesters who threw "Molotov cocktails" at the parliament building, the interior ministry said.`,
				"The ministry said 66 people were detained; organisers said <b>dozens</b> were hurt.",
				"Москва назвала протесты «попыткой переворота», а ЕС призвал к сдержанности.",
			},
		}},
		{"no date", map[string]any{
			"Headline": "Flooding cuts off villages in eastern Chad",
			"Paragraphs": []string{
				"Heavy rain has cut off at least 30 villages in eastern Chad, officials said on Wednesday, leaving thousands without food deliveries.",
				"The provincial governor said 22 people had died since the rains began.",
			},
		}},
	}
	rxLD := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := renderTemplate(t, tt.data)
			m := rxLD.FindSubmatch(page)
			if m == nil {
				t.Fatal("no JSON-LD in the rendered page")
			}
			var ld map[string]any
			if err := json.Unmarshal(m[1], &ld); err != nil {
				t.Fatalf("JSON-LD does not parse: %v\n%s", err, m[1])
			}
			a, err := FromHTML(page, "")
			if err != nil {
				t.Fatalf("FromHTML: %v", err)
			}
			if got, want := a.Title, tt.data["Headline"].(string); got != want {
				t.Errorf("title: got %q, want %q", got, want)
			}
			wantText := strings.Join(tt.data["Paragraphs"].([]string), "\n\n")
			if a.Text != wantText {
				t.Errorf("text: got\n%s\nwant\n%s", a.Text, wantText)
			}
			wantDate, _ := tt.data["Published"].(string)
			switch {
			case wantDate == "" && a.Published != nil:
				t.Errorf("published: got %q, want none", *a.Published)
			case wantDate != "" && (a.Published == nil || *a.Published != wantDate):
				t.Errorf("published: got %v, want %q", a.Published, wantDate)
			}
			wantOutlet, _ := tt.data["Outlet"].(string)
			if wantOutlet == "" {
				wantOutlet = "The Evening Courier"
			}
			if a.Outlet == nil || *a.Outlet != wantOutlet {
				t.Errorf("outlet: got %v, want %q", a.Outlet, wantOutlet)
			}
			if sub, ok := tt.data["Subheadline"].(string); ok && !contains(a.Titles, sub) {
				t.Errorf("titles: got %q, want %q among them", a.Titles, sub)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

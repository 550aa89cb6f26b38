package article

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
)

// seedReport is the project's reference report. It is a real news article
// and so is read from ../shared, never copied into the repository.
const seedReport = "../../../shared/seed/000_21fc4dd54fc5619b.txt"

// TestSeedReport checks FromText on the reference report: its headline is
// found among the variants and no page chrome survives into the text.
func TestSeedReport(t *testing.T) {
	raw, err := os.ReadFile(seedReport)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("seed report not found at %s (it lives outside the repository)", seedReport)
	}
	if err != nil {
		t.Fatal(err)
	}
	a, err := FromText(raw)
	if err != nil {
		t.Fatalf("FromText: %v", err)
	}
	if want := "Man shoots a Russian military commander amid draft protests"; a.Title != want {
		t.Errorf("title: got %q, want %q", a.Title, want)
	}
	if got, want := len(a.Titles), 4; got != want {
		t.Errorf("titles: got %d %q, want %d", got, a.Titles, want)
	}
	for _, chrome := range []string{"Share this Story:", "Watch:", "(video)", "as a form of protest"} {
		if strings.Contains(strings.ToLower(a.Text), strings.ToLower(chrome)) {
			t.Errorf("text holds %q", chrome)
		}
	}
	for _, want := range []string{"A Russian military officer in charge", "wounding 21 others."} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if a.Published != nil {
		t.Errorf("published: got %q, want none", *a.Published)
	}
}

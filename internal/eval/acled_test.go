package eval

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"sitrep/internal/model"
)

func TestReadACLED(t *testing.T) {
	in := "id\tEventSnippet\tSubType\n" +
		"2\tFloods hit the valley.\tNATURAL_DISASTER\n" +
		"\n" +
		"4\tRebels and troops clashed near the town.\tARMED_CLASH\r\n"
	got, err := ReadACLED(strings.NewReader(in))
	if err != nil {
		t.Fatalf("ReadACLED: %v", err)
	}
	want := []ACLEDSnippet{
		{ID: "2", Text: "Floods hit the valley.", Label: "NATURAL_DISASTER", Line: 2},
		{ID: "4", Text: "Rebels and troops clashed near the town.", Label: "ARMED_CLASH", Line: 4},
	}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("got %+v, want %+v", got, want)
	}
	// Columns are found by name.
	got, err = ReadACLED(strings.NewReader("SubType\tid\tEventSnippet\nARREST\t7\tPolice arrested him.\n"))
	if err != nil || len(got) != 1 || got[0].Label != "ARREST" || got[0].ID != "7" {
		t.Errorf("reordered columns: got %+v, %v", got, err)
	}
	for _, tt := range []struct{ in, want string }{
		{"id\tText\tSubType\n", `line 1: no column "EventSnippet"`},
		{"id\tEventSnippet\tSubType\n1\tx\n", "line 2: 2 columns, want 3"},
		{"id\tEventSnippet\tSubType\n1\tx\tRIOT\n", `line 2: unknown label "RIOT"`},
	} {
		if _, err := ReadACLED(strings.NewReader(tt.in)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ReadACLED(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestACLEDPrediction(t *testing.T) {
	ev := func(conf float64, sub string) *model.Event {
		e := &model.Event{Confidence: conf}
		if sub != "" {
			e.ACLED = &model.ACLED{SubEventType: sub}
		}
		return e
	}
	tests := []struct {
		name string
		evs  []*model.Event
		want string
	}{
		{"no events", nil, None},
		{"no ACLED event", []*model.Event{ev(0.9, "")}, None},
		{"most confident with one", []*model.Event{ev(0.9, ""), ev(0.5, "Peaceful protest"), ev(0.7, "Arrests")}, "ARREST"},
		{"first of equals", []*model.Event{ev(0.6, "Air/drone strike"), ev(0.6, "Attack")}, "AIR_STRIKE"},
		{"name case ignored", []*model.Event{ev(0.6, "shelling/artillery/missile attack")}, "ART_MISS_ATTACK"},
		{"unknown name", []*model.Event{ev(0.6, "Riot")}, "Riot"},
	}
	for _, tt := range tests {
		if got := ACLEDPrediction(&model.Document{Events: tt.evs}); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestACLEDScore(t *testing.T) {
	s := NewACLEDScore()
	for _, p := range [][2]string{
		{"ARMED_CLASH", "ARMED_CLASH"},
		{"ARMED_CLASH", None},
		{"ATTACK", "ARMED_CLASH"},
		{"ATTACK", "ATTACK"},
		{"NATURAL_DISASTER", None},
		{"DIPLO", "AGREEMENT"},
	} {
		s.Add(p[0], p[1])
	}
	if s.N != 6 || s.Right != 3 || s.Accuracy() != 0.5 {
		t.Errorf("N, Right, Accuracy = %d, %d, %v; want 6, 3, 0.5", s.N, s.Right, s.Accuracy())
	}
	// ARMED_CLASH: 1 right of 2 predicted and 2 gold, F1 0.5. ATTACK: 1 of
	// 1 predicted and 2 gold, F1 2/3. AGREEMENT: 0 of 1. The other 22
	// types: 0.
	if _, _, f := s.F1("ARMED_CLASH"); f != 0.5 {
		t.Errorf("F1(ARMED_CLASH) = %v, want 0.5", f)
	}
	if _, _, f := s.F1("ATTACK"); math.Abs(f-2.0/3) > 1e-9 {
		t.Errorf("F1(ATTACK) = %v, want 0.667", f)
	}
	if want := (0.5 + 2.0/3) / 25; math.Abs(s.MacroF1()-want) > 1e-9 {
		t.Errorf("MacroF1 = %v, want %v", s.MacroF1(), want)
	}
	if !ACLEDRight("ORG_CRIME", None) || ACLEDRight("ORG_CRIME", "ATTACK") || ACLEDRight("ATTACK", None) {
		t.Errorf("ACLEDRight: non-ACLED labels must be right exactly when none is given")
	}
	var buf bytes.Buffer
	if err := s.Write(&buf, 2); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"snippets 6: accuracy 0.500 (3/6), macro F1 0.047 over the 25 ACLED sub-event types\n",
		"ORG_CRIME, DIPLO, ATTRIB): right when sitrep gives no ACLED sub-event, 1/2;",
		"sitrep gave no ACLED sub-event for 2 snippets\n",
		fmt.Sprintf("  %-30s %4d %4d %4d  %.3f %.3f %.3f\n", "ARMED_CLASH", 2, 2, 1, 0.5, 0.5, 0.5),
		"commonest errors: gold -> sitrep\n    1 ARMED_CLASH -> none\n    1 ATTACK -> ARMED_CLASH\n",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("Write: missing %q in\n%s", want, buf.String())
		}
	}
}

// FuzzReadACLED checks that the snippet reader never panics.
func FuzzReadACLED(f *testing.F) {
	f.Add("id\tEventSnippet\tSubType\n1\tPolice arrested him.\tARREST\n")
	f.Add("SubType\tid\n\t\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		sn, err := ReadACLED(strings.NewReader(s))
		if err != nil {
			return
		}
		score := NewACLEDScore()
		for _, x := range sn {
			score.Add(x.Label, None)
		}
		score.MacroF1()
	})
}

package eval

import (
	"strings"
	"testing"

	"sitrep/internal/model"
)

func TestReadPLOVER(t *testing.T) {
	in := `[{"id": "D", "event": "DOCUMENT", "eventText": "documentation"},
	{"id": "a", "event": "DEMAND", "text": "Unions demanded higher wages.", "date": "2000-01-01"},
	{"id": "b", "event": "FIGHT", "text": "Rebels clashed with troops.", "date": "2000-01-01"},
	{"id": "c", "event": "AGREE", "text": "The two sides agreed to talk.", "date": "2000-01-01"}]`
	exs, err := ReadPLOVER(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range exs {
		got = append(got, e.ID+"="+e.Event)
	}
	if want := "a=REQUEST b=ASSAULT c=AGREE"; strings.Join(got, " ") != want {
		t.Errorf("got %v, want %s", got, want)
	}

	s := NewPLOVERScore()
	s.Add("REQUEST", &model.Document{Events: []*model.Event{{Type: "PROTEST", Confidence: 0.9}, {Type: "REQUEST", Confidence: 0.6}}})
	s.Add("ASSAULT", &model.Document{})
	s.Add("AGREE", &model.Document{Events: []*model.Event{{Type: "AGREE", Confidence: 0.7}}})
	if s.Total != 3 || s.Top != 1 || s.Any != 2 || s.None != 1 || s.ByType["PROTEST"].Predicted != 1 {
		t.Errorf("score %+v", s)
	}
}

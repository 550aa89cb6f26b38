package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"sitrep/internal/dict"
	"sitrep/internal/model"
)

const records = `<Validation>
<Environment>
    <Actorfile>PETR.Validate.actors.txt</Actorfile>
    <Include>valid DEMO DATE ERROR</Include>
</Environment>
<Sentences>
<!--Stop></Stop-->
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<!-- a comment with <Text>inside</Text> -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore full diplomatic ties with Gondor almost
five years after crowds trashed its embassy.
</Text>
<Parse>
(ROOT (S (NP (NNP Arnor))))
</Parse>
</Sentence>
<Config option="new_actor_length" value="4"></Config>
<Sentence date = "19950112" id ="DEMO-22" category="DEMO" sentence="true">
<EventCoding sourcecode="ERI" targetcode="OSG" eventcode="223"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<Text>Eriador's death and injury toll has risen.</Text>
</Sentence>
<Config option="new_actor_length" value="0"></Config>
<Sentence date="19950112" id="DEMO-24" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Eriador's death and injury total has risen.</Text>
</Sentence>
<Sentence date="19950101" id="AGENT-08" category="AGENT" sentence="false">
<EventCoding sourcecode="~GOV" targetcode="XYZ" eventcode="023"></EventCoding>
<Text>Not implemented.</Text>
</Sentence>
<Sentence id="DEMO-30" category="DEMO" sentence="true"/>
<Sentence date="19950101" id="ERROR-02" category="ERROR" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Broken parse.</Text>
</Sentence>
<Stop></Stop>
<Sentence date="19950101" id="AFTER-STOP" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Never read.</Text>
</Sentence>
</Sentences>
</Validation>
`

func TestReadCAMEO(t *testing.T) {
	s, err := ReadCAMEO(strings.NewReader(records))
	if err != nil {
		t.Fatalf("ReadCAMEO: %v", err)
	}
	if want := []string{"valid", "DEMO", "DATE", "ERROR"}; !reflect.DeepEqual(s.Include, want) {
		t.Errorf("Include = %q, want %q", s.Include, want)
	}
	var ids []string
	for _, r := range s.Records {
		ids = append(ids, r.ID)
	}
	if want := []string{"DEMO-00", "DEMO-22", "DEMO-24", "AGENT-08", "DEMO-30", "ERROR-02"}; !reflect.DeepEqual(ids, want) {
		t.Fatalf("records %q, want %q", ids, want)
	}
	r := s.Records[0]
	if r.Text != "Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds trashed its embassy." {
		t.Errorf("Text = %q", r.Text)
	}
	if r.Date.Format("2006-01-02") != "1995-01-01" || !r.Evaluate || r.Category != "DEMO" {
		t.Errorf("DEMO-00 = %+v", r)
	}
	if want := []CAMEOTriple{{"ARN", "GON", "064"}}; !reflect.DeepEqual(r.Expected, want) {
		t.Errorf("Expected = %v, want %v", r.Expected, want)
	}
	r = s.Records[1]
	if want := []CAMEOTriple{{"ERI", "OSG", "223"}, {`"INJURY TOLL"`, "OSG", "223"}}; !reflect.DeepEqual(r.Expected, want) {
		t.Errorf("DEMO-22 Expected = %v, want %v", r.Expected, want)
	}
	if r.Options["new_actor_length"] != "4" || s.Records[2].Options["new_actor_length"] != "0" || len(s.Records[0].Options) != 0 {
		t.Errorf("options %v, %v, %v; want none, 4, 0", s.Records[0].Options, r.Options, s.Records[2].Options)
	}
	if !s.Records[2].NoEvents || len(s.Records[2].Expected) != 0 {
		t.Errorf("DEMO-24 = %+v, want no events", s.Records[2])
	}
	if s.Records[3].Evaluate {
		t.Errorf("AGENT-08: Evaluate = true, want false")
	}
	if r := s.Records[4]; !r.Date.IsZero() || r.Text != "" || len(r.Expected) != 0 {
		t.Errorf("self-closing DEMO-30 = %+v", r)
	}
	if s.Records[5].Error != "bad_input_parse" {
		t.Errorf("ERROR-02 Error = %q", s.Records[5].Error)
	}

	wantSkip := []string{"", "SkipNonStandard", "", "SkipNotEvaluated", "SkipNoCoding", "SkipError"}
	names := map[string]string{"": "", SkipNonStandard: "SkipNonStandard", SkipNotEvaluated: "SkipNotEvaluated",
		SkipNoCoding: "SkipNoCoding", SkipError: "SkipError", SkipCategory: "SkipCategory"}
	for i, r := range s.Records {
		if got := names[r.Skip(s.Include)]; got != wantSkip[i] {
			t.Errorf("%s: Skip = %q, want %q", r.ID, got, wantSkip[i])
		}
	}
	agent := s.Records[3]
	agent.Evaluate = true
	if got := agent.Skip(s.Include); got != SkipCategory {
		t.Errorf("AGENT-08 evaluated: Skip = %q, want %q", got, SkipCategory)
	}
}

func TestReadCAMEOErrors(t *testing.T) {
	for _, in := range []string{
		`<Sentence date="1995" id="X"><Text>x</Text></Sentence>`,
		`<Sentence date="19950231" id="X"><Text>x</Text></Sentence>`,
	} {
		if _, err := ReadCAMEO(strings.NewReader(in)); err == nil {
			t.Errorf("ReadCAMEO(%q): got no error", in)
		}
	}
}

func TestIsStandardCAMEO(t *testing.T) {
	for code, want := range map[string]bool{
		"01": true, "064": true, "1711": true, "20": true, "204": true, "0": false, "00": false,
		"21": false, "223": false, "345": false, "802": false, "903": false, "174K": false, "": false, "---": false,
	} {
		if got := IsStandardCAMEO(code); got != want {
			t.Errorf("IsStandardCAMEO(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestScoreCAMEO(t *testing.T) {
	rec := func(noEvents bool, exp ...CAMEOTriple) *CAMEORecord {
		return &CAMEORecord{ID: "R", Evaluate: true, NoEvents: noEvents, Expected: exp}
	}
	tests := []struct {
		name                    string
		rec                     *CAMEORecord
		pred                    []CAMEOTriple
		correct, uncoded, extra int
		rootMatched             int
	}{
		{"exact", rec(false, CAMEOTriple{"ARN", "GON", "064"}), []CAMEOTriple{{"ARN", "GON", "064"}}, 1, 0, 0, 1},
		{"wrong actor, right root", rec(false, CAMEOTriple{"ARN", "GON", "064"}), []CAMEOTriple{{"ARN", "---", "061"}}, 0, 1, 1, 1},
		{"nothing coded", rec(false, CAMEOTriple{"ARN", "GON", "064"}, CAMEOTriple{"GON", "ARN", "064"}), nil, 0, 2, 0, 0},
		{"matched once", rec(false, CAMEOTriple{"ARN", "GON", "064"}), []CAMEOTriple{{"ARN", "GON", "064"}, {"ARN", "GON", "064"}}, 1, 0, 1, 1},
		{"agent and text codes are null", rec(false, CAMEOTriple{"~GOV", `"INJURY TOLL"`, "023"}), []CAMEOTriple{{"---GOV", "---", "023"}}, 1, 0, 0, 1},
		{"no events, none coded", rec(true), nil, 1, 0, 0, 0},
		{"no events, two coded", rec(true), []CAMEOTriple{{"ARN", "GON", "190"}, {"---", "---", "020"}}, 0, 1, 2, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ScoreCAMEO(tt.rec, tt.pred)
			if s.Correct != tt.correct || s.Uncoded != tt.uncoded || s.Extra != tt.extra {
				t.Errorf("correct, uncoded, extra = %d, %d, %d; want %d, %d, %d", s.Correct, s.Uncoded, s.Extra, tt.correct, tt.uncoded, tt.extra)
			}
			m := 0
			for _, n := range s.RootMatched {
				m += n
			}
			if m != tt.rootMatched {
				t.Errorf("roots matched %d, want %d", m, tt.rootMatched)
			}
		})
	}
}

func TestCAMEOTotals(t *testing.T) {
	tot := NewCAMEOTotals()
	a := &CAMEORecord{ID: "A", Category: "DEMO", Expected: []CAMEOTriple{{"ARN", "GON", "064"}, {"GON", "ARN", "0431"}}}
	b := &CAMEORecord{ID: "B", Category: "DEMO", NoEvents: true}
	c := &CAMEORecord{ID: "C", Category: "VERB", Expected: []CAMEOTriple{{"ERI", "OSG", "190"}}}
	tot.Add(ScoreCAMEO(a, []CAMEOTriple{{"ARN", "GON", "064"}, {"GON", "---", "042"}, {"GON", "---", "111"}}))
	tot.Add(ScoreCAMEO(b, nil))
	tot.Add(ScoreCAMEO(c, []CAMEOTriple{{"---", "---", "20"}}))
	tot.Skip(SkipNonStandard)
	// Roots: expected 06, 04, 19; coded 06, 04, 11, 20; matched 06, 04.
	p, r, f := tot.RootPRF()
	if p != 0.5 || r != 2.0/3 || f < 0.5714 || f > 0.5715 {
		t.Errorf("RootPRF = %.4f, %.4f, %.4f; want 0.5, 0.6667, 0.5714", p, r, f)
	}
	if tot.Correct != 2 || tot.Uncoded != 2 || tot.Extra != 3 || tot.Records != 3 || tot.NoEventsRight != 1 {
		t.Errorf("totals %+v", tot)
	}
	var buf bytes.Buffer
	if err := tot.Write(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"records: 3 counted, 1 left out\n",
		"  left out: 1 " + SkipNonStandard + "\n",
		"triples (validation.py): correct 2, uncoded 2, extra 3; TP 50.00% = correct/(correct+uncoded), FP 100.00% = extra/records\n",
		"expected triples 3, coded triples 4, extra = 100.0% of expected; no-event records 1, left empty 1\n",
		"root code: precision 0.500 (2/4), recall 0.667 (2/3), F1 0.571\n",
		"  19    1    0    0\n",
		"  DEMO          2    2    1    2\n",
		"  VERB          1    0    1    1\n",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("Write: missing %q in\n%s", want, buf.String())
		}
	}
}

func str(s string) *string { return &s }

func TestCAMEOTriples(t *testing.T) {
	text := "The Calenardhon government condemned an attack by Osgiliath soldiers, Lorien troops said."
	doc := &model.Document{
		Article: &model.Article{Text: text},
		Entities: []*model.Entity{
			{ID: "e1", Text: "government", Kind: model.KindGroup, Mentions: []model.Span{{Start: 16, End: 26}}},
			{ID: "e2", Text: "soldiers", Kind: model.KindGroup, Mentions: []model.Span{{Start: 60, End: 68}}},
		},
		Events: []*model.Event{
			{CAMEO: "122", Modality: model.Asserted, Evidence: []model.Evidence{{Start: 0, End: len(text)}},
				Source: &model.Actor{Text: "government", Entity: str("e1"), CAMEO: str("GOV")},
				Target: &model.Actor{Text: "soldiers", Entity: str("e2"), CAMEO: str("MIL")}},
			{CAMEO: "190", Modality: model.Negated, Source: &model.Actor{Text: "soldiers"}},
			{CAMEO: "010", Modality: model.Planned, Evidence: []model.Evidence{{Start: 0, End: len(text)}},
				Source: &model.Actor{Text: "troops"}},
		},
	}
	actors, err := dict.LoadActors(strings.NewReader("CALENARDHON [CAL]\nOSGILIATH [OSG]\nLORIEN [ELR/GAL]\n"))
	if err != nil {
		t.Fatal(err)
	}
	agents, err := dict.LoadAgents(strings.NewReader("GOVERNMENT [~GOV]\nSOLDIER [~MIL]\nTROOPS {} [~MIL]\n"))
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)
	got := CAMEOTriples(doc, &dict.Coder{Actors: actors, Agents: agents}, at)
	want := []CAMEOTriple{{"CALGOV", "OSGMIL", "122"}, {"ELRMIL", "---", "010"}, {"GALMIL", "---", "010"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("with dictionaries: got %v, want %v", got, want)
	}
	got = CAMEOTriples(doc, nil, at)
	want = []CAMEOTriple{{"GOV", "MIL", "122"}, {"---", "---", "010"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("without dictionaries: got %v, want %v", got, want)
	}
}

func TestActorPhrase(t *testing.T) {
	tests := []struct{ text, actor, want string }{
		{"The Calenardhon government condemned it.", "government", "The Calenardhon government"},
		{"Arnor's foreign minister urged Eriador.", "foreign minister", "Arnor's foreign minister"},
		{"An attack by Osgiliath soldiers.", "soldiers", "Osgiliath soldiers"},
		{"In Gondor, soldiers marched.", "soldiers", "soldiers"},
		{"the police said.", "police", "police"},
		{"A B C D E F soldiers.", "soldiers", "C D E F soldiers"},
	}
	for _, tt := range tests {
		doc := &model.Document{Article: &model.Article{Text: tt.text}}
		ev := &model.Event{Evidence: []model.Evidence{{Start: 0, End: len(tt.text)}}}
		if got := ActorPhrase(doc, ev, &model.Actor{Text: tt.actor}); got != tt.want {
			t.Errorf("ActorPhrase(%q, %q) = %q, want %q", tt.text, tt.actor, got, tt.want)
		}
	}
}

// TestReadCAMEOShared reads PETRARCH's unit-test records from the shared
// data directory and checks which records count.
func TestReadCAMEOShared(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "..", "shared", "data", "cameo", "PETR.UnitTest.records.xml"))
	if err != nil {
		t.Skipf("PETRARCH unit-test records not available: %v", err)
	}
	defer f.Close()
	s, err := ReadCAMEO(f)
	if err != nil {
		t.Fatalf("ReadCAMEO: %v", err)
	}
	skipped := map[string]int{}
	counted, expected := 0, 0
	for i := range s.Records {
		r := &s.Records[i]
		if why := r.Skip(s.Include); why != "" {
			skipped[why]++
			continue
		}
		counted++
		expected += len(r.Expected)
		if r.Text == "" || r.Date.IsZero() {
			t.Errorf("%s: text %q, date %v", r.ID, r.Text, r.Date)
		}
	}
	if len(s.Records) != 284 || counted != 212 || expected != 289 || skipped[SkipNonStandard] != 58 {
		t.Errorf("records %d, counted %d with %d expected triples, %d non-standard; want 284, 212, 289, 58",
			len(s.Records), counted, expected, skipped[SkipNonStandard])
	}
}

// FuzzReadCAMEO checks that the record reader never panics.
func FuzzReadCAMEO(f *testing.F) {
	f.Add(records)
	f.Add(`<Sentence id='a' date="19950101"/><Config option="x" value="y"/><Stop/>`)
	f.Fuzz(func(t *testing.T, s string) {
		suite, err := ReadCAMEO(strings.NewReader(s))
		if err != nil {
			return
		}
		for i := range suite.Records {
			r := &suite.Records[i]
			ScoreCAMEO(r, []CAMEOTriple{{"A", "B", "01"}})
			r.Skip(suite.Include)
		}
	})
}

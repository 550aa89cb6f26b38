package eval

// acled.go scores sitrep's ACLED sub-event types on the CASE 2021 task 2
// snippets (case2021-task2-dev.tsv): news snippets labelled with one of
// the 25 ACLED sub-event types or one of five types ACLED does not code.

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"sitrep/internal/model"
)

// ACLEDTypes are the 25 ACLED sub-event types as the CASE 2021 labels
// name them, with ACLED's own names, in ACLED's order.
var ACLEDTypes = []struct{ Label, Name string }{
	{"ARMED_CLASH", "Armed clash"},
	{"GOV_REGAINS_TERIT", "Government regains territory"},
	{"NON_STATE_ACTOR_OVERTAKES_TER", "Non-state actor overtakes territory"},
	{"CHEM_WEAP", "Chemical weapon"},
	{"AIR_STRIKE", "Air/drone strike"},
	{"SUIC_BOMB", "Suicide bomb"},
	{"ART_MISS_ATTACK", "Shelling/artillery/missile attack"},
	{"REM_EXPLOS", "Remote explosive/landmine/IED"},
	{"GRENADE", "Grenade"},
	{"SEX_VIOL", "Sexual violence"},
	{"ATTACK", "Attack"},
	{"ABDUCT_DISSAP", "Abduction/forced disappearance"},
	{"PEACE_PROTEST", "Peaceful protest"},
	{"PROTEST_WITH_INTER", "Protest with intervention"},
	{"FORCE_AGAINST_PROTEST", "Excessive force against protesters"},
	{"VIOL_DEMONSTR", "Violent demonstration"},
	{"MOB_VIOL", "Mob violence"},
	{"AGREEMENT", "Agreement"},
	{"ARREST", "Arrests"},
	{"CHANGE_TO_GROUP_ACT", "Change to group/activity"},
	{"DISR_WEAP", "Disrupted weapons use"},
	{"HQ_ESTABLISHED", "Headquarters or base established"},
	{"PROPERTY_DISTRUCT", "Looting/property destruction"},
	{"NON_VIOL_TERRIT_TRANSFER", "Non-violent transfer of territory"},
	{"OTHER", "Other"},
}

// NonACLEDLabels are the CASE 2021 labels for events ACLED does not code:
// the right answer for them is no ACLED sub-event at all.
var NonACLEDLabels = []string{"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME", "DIPLO", "ATTRIB"}

// None is the label for a snippet with no ACLED sub-event.
const None = "none"

// ACLEDSnippet is one labelled snippet.
type ACLEDSnippet struct {
	ID, Text, Label string
	Line            int
}

// ReadACLED reads a CASE 2021 task 2 file: tab-separated, with a header
// naming the columns id, EventSnippet and SubType.
func ReadACLED(r io.Reader) ([]ACLEDSnippet, error) {
	known := map[string]bool{}
	for _, t := range ACLEDTypes {
		known[t.Label] = true
	}
	for _, l := range NonACLEDLabels {
		known[l] = true
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	col := map[string]int{}
	var out []ACLEDSnippet
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if n == 1 {
			for i, h := range strings.Split(strings.TrimPrefix(line, "\uFEFF"), "\t") {
				col[strings.TrimSpace(h)] = i
			}
			for _, h := range []string{"id", "EventSnippet", "SubType"} {
				if _, ok := col[h]; !ok {
					return nil, fmt.Errorf("line 1: no column %q in the header", h)
				}
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != len(col) {
			return nil, fmt.Errorf("line %d: %d columns, want %d", n, len(f), len(col))
		}
		s := ACLEDSnippet{ID: f[col["id"]], Text: f[col["EventSnippet"]], Label: strings.TrimSpace(f[col["SubType"]]), Line: n}
		if !known[s.Label] {
			return nil, fmt.Errorf("line %d: unknown label %q", n, s.Label)
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n+1, err)
	}
	return out, nil
}

// ACLEDPrediction is the label of the ACLED sub-event of doc's most
// confident event that has one (the first of equals), or None. A
// sub-event outside the 25 is returned by its own name, which no label
// matches.
func ACLEDPrediction(doc *model.Document) string {
	var best *model.Event
	for _, ev := range doc.Events {
		if ev.ACLED != nil && (best == nil || ev.Confidence > best.Confidence) {
			best = ev
		}
	}
	if best == nil {
		return None
	}
	for _, t := range ACLEDTypes {
		if strings.EqualFold(t.Name, best.ACLED.SubEventType) {
			return t.Label
		}
	}
	return best.ACLED.SubEventType
}

// ACLEDScore adds up gold and predicted labels.
type ACLEDScore struct {
	N, Right int
	// Gold, Predicted and Matched count by label, the five non-ACLED
	// labels and None included.
	Gold, Predicted, Matched map[string]int
	// Confusion counts (gold, predicted) pairs that differ.
	Confusion map[[2]string]int
}

// NewACLEDScore returns an empty score.
func NewACLEDScore() *ACLEDScore {
	return &ACLEDScore{Gold: map[string]int{}, Predicted: map[string]int{}, Matched: map[string]int{},
		Confusion: map[[2]string]int{}}
}

// ACLEDRight reports whether sitrep's label pred is right for the gold
// label: the same label, or None for a non-ACLED one.
func ACLEDRight(gold, pred string) bool {
	if contains(NonACLEDLabels, gold) {
		return pred == None
	}
	return pred == gold
}

// Add scores one snippet: gold is its label, pred sitrep's (None for
// none).
func (s *ACLEDScore) Add(gold, pred string) {
	s.N++
	s.Gold[gold]++
	s.Predicted[pred]++
	if ACLEDRight(gold, pred) {
		s.Right++
		s.Matched[gold]++
		return
	}
	s.Confusion[[2]string{gold, pred}]++
}

// Accuracy is the share of snippets labelled right.
func (s *ACLEDScore) Accuracy() float64 {
	if s.N == 0 {
		return 0
	}
	return float64(s.Right) / float64(s.N)
}

// F1 returns precision, recall and F1 of one ACLED label: a prediction of
// it is right when the gold label is it; F1 is 0 when nothing is right.
func (s *ACLEDScore) F1(label string) (p, r, f float64) {
	return prf(s.Matched[label], s.Predicted[label], s.Gold[label])
}

// MacroF1 is the mean F1 over the 25 ACLED sub-event types. Snippets with
// a non-ACLED label count only against the types sitrep wrongly gave
// them.
func (s *ACLEDScore) MacroF1() float64 {
	sum := 0.0
	for _, t := range ACLEDTypes {
		_, _, f := s.F1(t.Label)
		sum += f
	}
	return sum / float64(len(ACLEDTypes))
}

// Write prints accuracy, macro F1, a table by label and the commonest
// confusions.
func (s *ACLEDScore) Write(w io.Writer, topConfusions int) error {
	var b strings.Builder
	fmt.Fprintf(&b, "snippets %d: accuracy %.3f (%d/%d), macro F1 %.3f over the 25 ACLED sub-event types\n",
		s.N, s.Accuracy(), s.Right, s.N, s.MacroF1())
	nonGold, nonRight := 0, 0
	for _, l := range NonACLEDLabels {
		nonGold += s.Gold[l]
		nonRight += s.Matched[l]
	}
	fmt.Fprintf(&b, "non-ACLED labels (%s): right when sitrep gives no ACLED sub-event, %d/%d; they are in the accuracy, and in the F1 only as false positives of the types sitrep gave them\n",
		strings.Join(NonACLEDLabels, ", "), nonRight, nonGold)
	fmt.Fprintf(&b, "sitrep gave no ACLED sub-event for %d snippets\n", s.Predicted[None])
	fmt.Fprintf(&b, "by label: gold predicted right precision recall F1\n")
	for _, t := range ACLEDTypes {
		p, r, f := s.F1(t.Label)
		fmt.Fprintf(&b, "  %-30s %4d %4d %4d  %.3f %.3f %.3f\n", t.Label, s.Gold[t.Label], s.Predicted[t.Label], s.Matched[t.Label], p, r, f)
	}
	for _, l := range NonACLEDLabels {
		fmt.Fprintf(&b, "  %-30s %4d    -  %3d  (right = none)\n", l, s.Gold[l], s.Matched[l])
	}
	type conf struct {
		k [2]string
		n int
	}
	var cs []conf
	for k, n := range s.Confusion {
		cs = append(cs, conf{k, n})
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].n != cs[j].n {
			return cs[i].n > cs[j].n
		}
		return cs[i].k[0]+cs[i].k[1] < cs[j].k[0]+cs[j].k[1]
	})
	if len(cs) > topConfusions {
		cs = cs[:topConfusions]
	}
	if len(cs) > 0 {
		fmt.Fprintf(&b, "commonest errors: gold -> sitrep\n")
	}
	for _, c := range cs {
		fmt.Fprintf(&b, "  %3d %s -> %s\n", c.n, c.k[0], c.k[1])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

package entity

import (
	"strings"
	"testing"

	"sitrep/internal/model"
	"sitrep/internal/text"
)

func extract(body string, common ...string) *Result {
	sents := text.Sentences(body)
	toks := make([][]text.Token, len(sents))
	for i, s := range sents {
		toks[i] = text.Tokens(body, s.Start, s.End)
	}
	cw := map[string]bool{}
	for _, w := range common {
		cw[w] = true
	}
	return Extract(Input{Text: body, Sentences: sents, Tokens: toks,
		Common: func(w string) bool { return cw[strings.ToLower(w)] }})
}

func find(r *Result, name string) *model.Entity {
	for _, e := range r.Entities {
		if e.Text == name {
			return e
		}
	}
	return nil
}

func TestPeople(t *testing.T) {
	r := extract("A 31-year-old Amadou Keita was detained. Keita denied the charge. Sara Lindqvist, the regional governor, said he would be tried.")
	k := find(r, "Amadou Keita")
	if k == nil || k.Kind != model.KindPerson {
		t.Fatalf("Amadou Keita: got %+v, want a person", k)
	}
	if k.Attrs["age"] != 31 {
		t.Errorf("age: got %v, want 31", k.Attrs["age"])
	}
	if len(k.Mentions) != 2 {
		t.Errorf("mentions of Keita: got %d, want 2 (the surname links to the full name)", len(k.Mentions))
	}
	s := find(r, "Sara Lindqvist")
	if s == nil || s.Attrs["role"] != "regional governor" || s.Attrs["sector"] != "government" {
		t.Errorf("Sara Lindqvist: got %+v, want role regional governor, sector government", s)
	}
}

func TestOrganisationsAndGroups(t *testing.T) {
	r := extract("Fighters of Boko Haram attacked the Ministry of Defence convoy, and police said protesters had gathered outside the UN office.")
	for name, kind := range map[string]string{"Boko Haram": model.KindOrg, "Ministry of Defence": model.KindOrg,
		"United Nations": model.KindOrg, "police": model.KindGroup, "protesters": model.KindGroup} {
		if e := find(r, name); e == nil || e.Kind != kind {
			t.Errorf("%s: got %+v, want kind %s", name, e, kind)
		}
	}
	if e := find(r, "Boko Haram"); e != nil && e.Attrs["sector"] != "rebel" {
		t.Errorf("Boko Haram sector: got %v, want rebel", e.Attrs["sector"])
	}
}

func TestCommonWordsAreNoNames(t *testing.T) {
	r := extract("Gunfire erupted near the Black Hawk as Rosa Quispe watched.", "black", "hawk", "gunfire")
	if find(r, "Black Hawk") != nil || find(r, "Gunfire") != nil {
		t.Errorf("common words read as names: %v", names(r))
	}
	if find(r, "Rosa Quispe") == nil {
		t.Errorf("Rosa Quispe missing: %v", names(r))
	}
}

func TestAttackerCoreference(t *testing.T) {
	r := extract("The gunman, who was named as Tomas Varga, opened fire. The suspect was arrested. Another gunman escaped.")
	var linked, another bool
	for _, as := range r.Actors {
		for _, a := range as {
			if a.Text == "The suspect" && a.Name == "Tomas Varga" {
				linked = true
			}
			if a.Text == "Another gunman" && a.Entity < 0 && a.Another {
				another = true
			}
		}
	}
	if !linked {
		t.Error(`"The suspect" not linked to Tomas Varga`)
	}
	if !another {
		t.Error(`"Another gunman" must start someone new`)
	}
}

func TestActorPhrase(t *testing.T) {
	r := extract("A senior police officer and hundreds of striking teachers met.")
	want := map[string]string{"A senior police officer": "police", "hundreds of striking teachers": "education"}
	for _, a := range r.Actors[0] {
		if s, ok := want[a.Text]; ok {
			if a.Sector != s {
				t.Errorf("%s: sector got %q, want %q", a.Text, a.Sector, s)
			}
			delete(want, a.Text)
		}
	}
	for w := range want {
		t.Errorf("actor phrase %q not found in %v", w, r.Actors[0])
	}
}

func names(r *Result) []string {
	var out []string
	for _, e := range r.Entities {
		out = append(out, e.Text)
	}
	return out
}

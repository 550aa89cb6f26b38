package geo

import (
	"math"
	"strings"
	"testing"

	"sitrep/internal/model"
)

// The sentences in these tests are written for them; none is taken from a
// real report.

// resolveOne recognises and resolves text and returns the place of the
// mention whose text is name.
func resolveOne(t *testing.T, g *Gazetteer, text, name string) *model.Place {
	t.Helper()
	ms := g.Recognize(text)
	ps := g.Resolve(text, ms)
	var got []string
	for i, m := range ms {
		got = append(got, m.Text)
		if m.Text == name {
			return ps[i]
		}
	}
	t.Fatalf("no mention %q in %q; got mentions %q", name, text, got)
	return nil
}

func TestResolve(t *testing.T) {
	g := Default()
	tests := []struct {
		name      string
		text      string
		mention   string
		id        int    // 0: no GeoNames id expected
		country   string // "" to skip
		precision string
		admin1    string // "" to skip
	}{
		{"Ust-Ilimsk in context",
			"Fire crews in Ust-Ilimsk, a timber town in the Irkutsk region of Siberia, fought the blaze for six hours, Russia's emergencies ministry said.",
			"Ust-Ilimsk", 2013952, "RU", model.PrecCity, "Irkutsk Oblast"},
		{"Bangor, Maine", "The ferry company moved its offices to Bangor, Maine, last spring.",
			"Bangor", 4957280, "US", model.PrecCity, "Maine"},
		{"bare Bangor", "A crowd gathered outside the town hall in Bangor on Friday.",
			"Bangor", 2656396, "GB", model.PrecCity, ""},
		{"Oklahoma", "Storms tore through Oklahoma overnight, flattening barns.",
			"Oklahoma", 0, "US", model.PrecAdmin1, "Oklahoma"},
		{"Alexandria, Va.", "The contractor is based in Alexandria, Va., and employs 40 people.",
			"Alexandria", 4744091, "US", model.PrecCity, "Virginia"},
		{"Paris, Texas", "She grew up in Paris, Texas, before moving north.",
			"Paris", 4717560, "US", model.PrecCity, "Texas"},
		{"bare Paris", "Ministers met in Paris on Tuesday to discuss the budget.",
			"Paris", 2988507, "FR", model.PrecCity, ""},
		{"hyphenated name with a lower-case word", "Gangs control most of Port-au-Prince and the roads out of it.",
			"Port-au-Prince", 3718426, "HT", model.PrecCity, ""},
		{"a big city's English name", "The talks will resume in Geneva next week.",
			"Geneva", 2660646, "CH", model.PrecCity, ""},
		{"a town whose name is a common word, after 'the town of'", "Heavy fighting was reported near the town of Sake, west of Goma.",
			"Sake", 205970, "CD", model.PrecCity, ""},
		{"a city named like its province, spelt otherwise", "Russian missiles struck Kyiv and Zaporizhzhia overnight, killing four people.",
			"Zaporizhzhia", 687700, "UA", model.PrecCity, ""},
		{"small town in its province", "The soldiers were stationed near Wamena in Papua at the time.",
			"Wamena", 1622167, "ID", model.PrecCity, "Papua"},
		{"the Irkutsk region", "Wildfires spread across the Irkutsk region this week.",
			"Irkutsk region", 0, "RU", model.PrecAdmin1, "Irkutsk Oblast"},
		{"central Russia", "Heavy snow closed roads in central Russia.",
			"central Russia", 0, "RU", model.PrecRegion, ""},
		{"Siberia", "Temperatures in Siberia fell below minus forty.",
			"Siberia", 0, "RU", model.PrecRegion, ""},
		{"eastern Ukraine", "Shelling continued in eastern Ukraine overnight.",
			"eastern Ukraine", 0, "UA", model.PrecRegion, ""},
		{"St. Louis", "The team flew home to St. Louis after the game.",
			"St. Louis", 4407066, "US", model.PrecCity, "Missouri"},
		{"Washington, D.C.", "Protesters marched in Washington, D.C., on Saturday.",
			"Washington", 4140963, "US", model.PrecCity, ""},
		{"Georgia beside Atlanta", "The company moved from Atlanta to Savannah, and Georgia officials welcomed it.",
			"Georgia", 0, "US", model.PrecAdmin1, "Georgia"},
		{"Georgia the country", "Georgia and Armenia signed a transit agreement in Tbilisi.",
			"Georgia", 0, "GE", model.PrecCountry, ""},
		{"Kiev spelling", "Talks were held in Kiev on Wednesday.",
			"Kiev", 703448, "UA", model.PrecCity, ""},
		{"Moscow", "The delegation arrived in Moscow late on Sunday.",
			"Moscow", 524901, "RU", model.PrecCity, ""},
		{"Syrian demonym", "Syrian troops entered the village at dawn.",
			"Syrian", 0, "SY", model.PrecCountry, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := resolveOne(t, g, tt.text, tt.mention)
			if p == nil {
				t.Fatalf("%q: got nil place, want one", tt.mention)
			}
			gotID := 0
			if p.GeonameID != nil {
				gotID = *p.GeonameID
			}
			if gotID != tt.id {
				t.Errorf("%q: got geonameid %d (%s, %s), want %d", tt.mention, gotID, p.Name, p.Country, tt.id)
			}
			if tt.country != "" && p.Country != tt.country {
				t.Errorf("%q: got country %q, want %q", tt.mention, p.Country, tt.country)
			}
			if p.Precision != tt.precision {
				t.Errorf("%q: got precision %q, want %q", tt.mention, p.Precision, tt.precision)
			}
			if tt.admin1 != "" && p.Admin1 != tt.admin1 {
				t.Errorf("%q: got admin1 %q, want %q", tt.mention, p.Admin1, tt.admin1)
			}
			if p.Text != tt.mention {
				t.Errorf("got text %q, want %q", p.Text, tt.mention)
			}
		})
	}
}

func TestUstIlimskPoint(t *testing.T) {
	g := Default()
	text := "A gas explosion damaged a school in Ust-Ilimsk on Monday. The town lies in the north of Irkutsk Oblast, in eastern Siberia, about 900 km from Irkutsk. Russia's investigators opened a case."
	p := resolveOne(t, g, text, "Ust-Ilimsk")
	if p == nil || p.GeonameID == nil || *p.GeonameID != 2013952 {
		t.Fatalf("got %+v, want geonameid 2013952", p)
	}
	if math.Abs(p.Lat-58.00) > 0.01 || math.Abs(p.Lon-102.66) > 0.01 {
		t.Errorf("got %.4f,%.4f, want 58.00,102.66", p.Lat, p.Lon)
	}
	if p.Name != "Ust’-Ilimsk" && p.Name != "Ust'-Ilimsk" {
		t.Errorf("got name %q, want Ust'-Ilimsk", p.Name)
	}
}

func TestResolveUnknownName(t *testing.T) {
	g := Default()
	text := "Officials in Zqorvaniev and in Novosibirsk reported damage."
	start := strings.Index(text, "Zqorvaniev")
	ms := []Mention{{Text: "Zqorvaniev", Start: start, End: start + len("Zqorvaniev"), Kind: model.KindPlace}}
	ms = append(ms, g.Recognize(text)...)
	ps := g.Resolve(text, ms)
	if len(ps) != len(ms) {
		t.Fatalf("got %d places, want %d", len(ps), len(ms))
	}
	if ps[0] != nil {
		t.Errorf("unknown name: got %+v, want nil", ps[0])
	}
	found := false
	for i, m := range ms {
		if m.Text == "Novosibirsk" && ps[i] != nil && ps[i].GeonameID != nil && *ps[i].GeonameID == 1496747 {
			found = true
		}
	}
	if !found {
		t.Errorf("Novosibirsk: got no place 1496747 beside an unknown name")
	}
}

func TestRecognizeRejects(t *testing.T) {
	g := Default()
	tests := []string{
		"Man charged after a brawl outside a bar.",
		"Police said the gunman fled on foot.",
		"Monday was quiet; President Ivanov spoke on Tuesday.",
		"Gunman opens fire at a market, nobody hurt.",
		"Share this story. Watch the video below.",
		"Nobody answered the door, the Bar association said.",
		"Igor Kobzev and Ruslan Zinin were questioned.",
		"Vladimir Putin met Xi Jinping on Friday.",
		// The end of a longer name the gazetteer lacks is not a town of
		// that name elsewhere.
		"Youths looted stores in the Point Cruz area overnight.",
		// The start of a longer hyphenated name, and a feature's generic
		// word alone (Island is Iceland in Icelandic).
		"A coast guard ship fired water cannon near Pag-asa Island on Sunday.",
	}
	for _, text := range tests {
		for _, m := range g.Recognize(text) {
			t.Errorf("%q: got mention %q (%s, score %.1f), want none", text, m.Text, m.Kind, m.Score)
		}
	}
}

func TestRecognizeFinds(t *testing.T) {
	g := Default()
	tests := []struct {
		text string
		want []string
	}{
		{"Troops moved from Donbas towards the Sahel, officials in Kyiv said.", []string{"Donbas", "Sahel", "Kyiv"}},
		{"Ukrainian and Russian negotiators met the Americans in Geneva.", []string{"Ukrainian", "Russian", "Americans", "Geneva"}},
		{"Flooding hit Butler County and parts of Irkutsk Oblast.", []string{"Butler County", "Irkutsk Oblast"}},
		{"MOSCOW, March 3 — Officials in northern Syria said.", []string{"MOSCOW", "northern Syria"}},
		{"He was born in Rostov-on-Don and studied in St Petersburg.", []string{"Rostov-on-Don", "St Petersburg"}},
		{"Prices rose in the U.S. and the UK.", []string{"U.S.", "UK"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range g.Recognize(tt.text) {
			got = append(got, m.Text)
			if tt.text[m.Start:m.End] != m.Text {
				t.Errorf("%q: mention %q does not match its offsets %d:%d", tt.text, m.Text, m.Start, m.End)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestRecognizeKinds(t *testing.T) {
	g := Default()
	text := "Syrians fled to Turkey."
	ms := g.Recognize(text)
	if len(ms) != 2 {
		t.Fatalf("got %d mentions, want 2", len(ms))
	}
	if ms[0].Kind != model.KindNationality || ms[1].Kind != model.KindPlace {
		t.Errorf("got kinds %s, %s, want nationality, place", ms[0].Kind, ms[1].Kind)
	}
}

func TestLookupFolding(t *testing.T) {
	g := Default()
	for _, name := range []string{"Ust'-Ilimsk", "Ust’-Ilimsk", "Ust-Ilimsk", "Ust Ilimsk", "UST-ILIMSK"} {
		cs := g.Lookup(name)
		if len(cs) == 0 || cs[0].ID != 2013952 {
			t.Errorf("Lookup(%q): got %v, want geonameid 2013952 first", name, ids(cs))
		}
	}
	for _, name := range []string{"St. Petersburg", "Saint Petersburg", "St Petersburg"} {
		cs := g.Lookup(name)
		if len(cs) == 0 || cs[0].ID != 498817 {
			t.Errorf("Lookup(%q): got %v, want geonameid 498817 first", name, ids(cs))
		}
	}
	if cs := g.Lookup("Avoyelles Parish"); len(cs) == 0 || cs[0].Feature != "ADM2" {
		t.Errorf("Lookup(Avoyelles Parish): got %v, want an ADM2", cs)
	}
	if cs := g.Lookup("nowhere-at-all-qq"); len(cs) != 0 {
		t.Errorf("Lookup(nonsense): got %d candidates, want 0", len(cs))
	}
}

func ids(cs []Candidate) []int {
	var out []int
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func TestDemonym(t *testing.T) {
	g := Default()
	tests := []struct{ word, want string }{
		{"Russian", "RU"}, {"Russians", "RU"}, {"Syrian", "SY"}, {"Ukrainian", "UA"},
		{"British", "GB"}, {"Britons", "GB"}, {"American", "US"}, {"Americans", "US"},
		{"South African", "ZA"}, {"Iraqis", "IQ"}, {"Chinese", "CN"}, {"Frenchmen", "FR"},
		{"Filipinos", "PH"}, {"Congolese", "CD"},
	}
	for _, tt := range tests {
		got, ok := g.Demonym(tt.word)
		if !ok || got != tt.want {
			t.Errorf("Demonym(%q): got %q, %v, want %q", tt.word, got, ok, tt.want)
		}
	}
	for _, w := range []string{"Kurdish", "Monday", "Paris"} {
		if got, ok := g.Demonym(w); ok {
			t.Errorf("Demonym(%q): got %q, want none", w, got)
		}
	}
}

func TestCountry(t *testing.T) {
	g := Default()
	c, ok := g.Country("ru")
	if !ok || c.Name != "Russia" || c.Precision != model.PrecCountry || c.Feature != "PCLI" {
		t.Errorf("Country(ru): got %+v, %v, want Russia, country, PCLI", c, ok)
	}
	if _, ok := g.Country("QQ"); ok {
		t.Errorf("Country(QQ): got ok, want not found")
	}
}

func TestHaversine(t *testing.T) {
	// Moscow to Saint Petersburg is about 634 km.
	if d := haversine(55.7558, 37.6173, 59.9343, 30.3351); math.Abs(d-634) > 5 {
		t.Errorf("got %.0f km, want about 634", d)
	}
}

func TestLogErrorAUC(t *testing.T) {
	if got := logErrorAUC([]float64{0, 0, 0}); got != 0 {
		t.Errorf("all exact: got %v, want 0", got)
	}
	max := float64(maxErrorKm - 1)
	if got := logErrorAUC([]float64{max, max}); math.Abs(got-1) > 1e-9 {
		t.Errorf("all worst: got %v, want 1", got)
	}
}

func TestEvaluate(t *testing.T) {
	g := Default()
	const corpus = `<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[Flooding hit Tbilisi, the capital of Georgia, on Monday. Café owners in Zürich sent aid.]]></text>
    <toponyms>
      <toponym><start>13</start><end>20</end><phrase>Tbilisi</phrase>
        <gaztag geonameid="611717"><name>Tbilisi</name><lat>41.69411</lat><lon>44.83368</lon></gaztag></toponym>
      <toponym><start>37</start><end>44</end><phrase>Georgia</phrase>
        <gaztag geonameid="614540"><name>Georgia</name><lat>42</lat><lon>43.5</lon></gaztag></toponym>
      <toponym><start>73</start><end>79</end><phrase>Zürich</phrase>
        <gaztag geonameid="2657896"><name>Zurich</name><lat>47.36667</lat><lon>8.55</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>`
	r, err := g.Evaluate(strings.NewReader(corpus))
	if err != nil {
		t.Fatalf("Evaluate: %v", err)
	}
	if r.Documents != 1 || r.Gold != 3 || r.GoldLocated != 3 {
		t.Errorf("got %d documents, %d gold (%d located), want 1, 3 (3)", r.Documents, r.Gold, r.GoldLocated)
	}
	if r.Matched != 3 || r.Recall != 1 {
		t.Errorf("got %d matched, recall %.2f, want 3, 1", r.Matched, r.Recall)
	}
	if r.Accuracy161 != 1 {
		t.Errorf("got accuracy %.2f, want 1", r.Accuracy161)
	}
	if _, err := g.Evaluate(strings.NewReader("<articles><article>")); err == nil {
		t.Errorf("truncated corpus: got no error, want one")
	}
}

func FuzzRecognize(f *testing.F) {
	g := Default()
	for _, s := range []string{
		"Ust'-Ilimsk, Irkutsk Oblast",
		"in Alexandria, Va., and St. Louis",
		"U.S.-led W. Va. N.Y.'s",
		"central Russia’s north-east",
		"Москва — “Kyiv”",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		ms := g.Recognize(text)
		last := 0
		for _, m := range ms {
			if m.Start < last || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("bad span %d:%d after %d in %q", m.Start, m.End, last, text)
			}
			if text[m.Start:m.End] != m.Text {
				t.Fatalf("text %q does not match span %d:%d of %q", m.Text, m.Start, m.End, text)
			}
			last = m.End
		}
		ps := g.Resolve(text, ms)
		if len(ps) != len(ms) {
			t.Fatalf("got %d places for %d mentions", len(ps), len(ms))
		}
	})
}

// TestPlacePatterns covers the recogniser's place patterns: lists, "the
// province of X", "parts of X", "outskirts of X", "X province", plural
// generic words and datelines. Each small place here is too small or too
// rare to be accepted without its pattern.
func TestPlacePatterns(t *testing.T) {
	g := Default()
	tests := []struct {
		name    string
		text    string
		mention string
		id      int    // 0: check country and feature only
		country string // "" to skip
		feature string // "" to skip
	}{
		{"list after from", "Farmers from Todos Santos Cuchumatán, Chiantla and Cuilco sold their coffee in Huehuetenango, Guatemala.",
			"Chiantla", 3598692, "GT", ""},
		{"list tail", "Farmers from Todos Santos Cuchumatán, Chiantla and Cuilco sold their coffee in Huehuetenango, Guatemala.",
			"Cuilco", 3597802, "GT", ""},
		{"in A and B", "Miners were stranded in Ciudad Guayana and Tumeremo after the bridge collapsed.",
			"Tumeremo", 3625892, "VE", ""},
		{"the province of", "Soldiers clashed with rebels in the southern province of Bukidnon on Sunday.",
			"Bukidnon", 0, "PH", ""},
		{"X province", "Troops were sent to Bukidnon province after the attack.",
			"Bukidnon province", 0, "PH", ""},
		{"parts of", "Heavy rain flooded parts of Cuilco on Monday, Guatemalan officials said.",
			"Cuilco", 3597802, "GT", ""},
		{"outskirts of", "Looters roamed the outskirts of Tumeremo overnight, Venezuelan police said.",
			"Tumeremo", 3625892, "VE", ""},
		{"the town of", "The town of Cuilco lies close to the Mexican border.",
			"Cuilco", 3597802, "GT", ""},
		{"plural generic", "Schools closed in Walton and Oconee counties on Friday.",
			"Oconee", 0, "US", "ADM2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := resolveOne(t, g, tt.text, tt.mention)
			if p == nil {
				t.Fatalf("%q: got nil place, want one", tt.mention)
			}
			gotID := 0
			if p.GeonameID != nil {
				gotID = *p.GeonameID
			}
			if tt.id != 0 && gotID != tt.id {
				t.Errorf("%q: got geonameid %d (%s, %s), want %d", tt.mention, gotID, p.Name, p.Country, tt.id)
			}
			if tt.country != "" && p.Country != tt.country {
				t.Errorf("%q: got country %q, want %q", tt.mention, p.Country, tt.country)
			}
			if tt.feature != "" && p.Feature != tt.feature {
				t.Errorf("%q: got feature %q, want %q", tt.mention, p.Feature, tt.feature)
			}
		})
	}
	// The province of Bukidnon is an admin unit, not a town of that name.
	p := resolveOne(t, g, "Soldiers clashed with rebels in the southern province of Bukidnon on Sunday.", "Bukidnon")
	if p.Precision != model.PrecAdmin1 && p.Precision != model.PrecAdmin2 {
		t.Errorf("Bukidnon: got precision %q, want an admin unit", p.Precision)
	}
}

func TestRecognizeContext(t *testing.T) {
	g := Default()
	tests := []struct {
		text string
		want []string
	}{
		// A list only counts beside an accepted place: people stay people.
		{"Smith, Jones and Brown were questioned.", nil},
		// A possessive ends a name: "Russia Vladimir" is no name.
		{"Russia's Vladimir Putin met the press.", []string{"Russia"}},
		{"St. Mark's Cathedral was full.", nil},
		// Datelines and place words after a name.
		{"MIDDLETOWN — A fire destroyed two homes.", []string{"MIDDLETOWN"}},
		{"Two teens were stopped by Dunbar police on Friday.", []string{"Dunbar"}},
		{"A Williston man was killed in a crash.", []string{"Williston"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range g.Recognize(tt.text) {
			got = append(got, m.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestResolveContext covers readings that the document's other names
// decide.
func TestResolveContext(t *testing.T) {
	g := Default()
	tests := []struct {
		name, text, mention string
		id                  int
		country, feature    string
	}{
		// A wire dateline names a bureau's city: one mention of New
		// York elsewhere does not make it Cairo, New York.
		{"Cairo dateline", "CAIRO, June 19 (Reuters) - Shelling hit the main market in El Fasher on Wednesday. The council will meet in New York next week.",
			"CAIRO", 360630, "EG", "PPLC"},
		// A country's name that is also an old name of a city elsewhere.
		{"Iraq beside Iran", "Iranian officials said fighters from Lebanon, Iraq and Afghanistan had trained in Iran.",
			"Iraq", 0, "IQ", "PCLI"},
		// A state's name that is also an alternate name of a town.
		{"Delaware company", "The buyer, a Delaware limited liability company, paid $4 million.",
			"Delaware", 0, "US", "ADM1"},
		// The focus country outweighs a stray reading elsewhere.
		{"Alexandria in Egypt", "Egyptian police guarded churches in Cairo and Giza. Egypt's Copts gathered in Alexandria, where Egyptian officials said the St. Paul parish was full.",
			"Alexandria", 361058, "EG", ""},
		{"Washington, D.C. by its short name", "Relations between Washington and Moscow grew tense.",
			"Washington", 4140963, "US", ""},
		// A state outweighs a village of its name in another state...
		{"Florida the state", "The senator from Florida met donors in Manhattan and in Albany, New York.",
			"Florida", 0, "US", "ADM1"},
		// ...unless the text names the village's state.
		{"Florida, N.Y.", "She grew up in Florida, N.Y., a village in Orange County.",
			"Florida", 5117451, "US", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := resolveOne(t, g, tt.text, tt.mention)
			if p == nil {
				t.Fatalf("%q: got nil place, want one", tt.mention)
			}
			gotID := 0
			if p.GeonameID != nil {
				gotID = *p.GeonameID
			}
			if gotID != tt.id {
				t.Errorf("%q: got geonameid %d (%s, %s), want %d", tt.mention, gotID, p.Name, p.Country, tt.id)
			}
			if p.Country != tt.country {
				t.Errorf("%q: got country %q, want %q", tt.mention, p.Country, tt.country)
			}
			if tt.feature != "" && p.Feature != tt.feature {
				t.Errorf("%q: got feature %q, want %q", tt.mention, p.Feature, tt.feature)
			}
		})
	}
	// A town votes for its county: of the Walker Counties, the one around
	// Huntsville, Texas.
	walker := resolveOne(t, g, "Deputies from Walker County searched the woods near Huntsville after the escape.", "Walker County")
	if walker == nil || walker.Admin1 != "Texas" || walker.Feature != "ADM2" {
		t.Errorf("Walker County beside Huntsville: got %+v, want the ADM2 unit in Texas", walker)
	}
	// Two ambiguous names settle on readings in one state.
	text := "All residents of Paris and Henry County will get a letter from the rescue squad."
	paris, henry := resolveOne(t, g, text, "Paris"), resolveOne(t, g, text, "Henry County")
	if paris == nil || henry == nil || paris.Admin1 == "" || paris.Admin1 != henry.Admin1 {
		t.Errorf("Paris and Henry County: got %+v and %+v, want one admin1 unit", paris, henry)
	}
}

// TestUnitPoints checks where big units are placed: near their
// geographic centre, not in their largest city.
func TestUnitPoints(t *testing.T) {
	g := Default()
	us, _ := g.Country("US")
	// The geographic centre of the contiguous United States, near
	// Lebanon, Kansas (U.S. National Geodetic Survey).
	if d := haversine(us.Lat, us.Lon, 39.83, -98.58); d > 150 {
		t.Errorf("United States: got %.2f,%.2f, %.0f km from the contiguous states' centre, want within 150 km", us.Lat, us.Lon, d)
	}
	var manitoba *Candidate
	for _, c := range g.Lookup("Manitoba") {
		if c.Feature == "ADM1" {
			manitoba = &c
			break
		}
	}
	if manitoba == nil {
		t.Fatal("Lookup(Manitoba): got no admin1 unit")
	}
	// Winnipeg, where most Manitobans live, is at 49.9°N, 97.1°W; the
	// province reaches 60°N, and its point should lie well inside it.
	if d := haversine(manitoba.Lat, manitoba.Lon, 49.9, -97.1); manitoba.Lat < 52 || d < 250 {
		t.Errorf("Manitoba: got %.2f,%.2f, %.0f km from Winnipeg, want 52°N or more and 250 km or more", manitoba.Lat, manitoba.Lon, d)
	}
}

// TestBareNameOfNamedUnit checks one sense per discourse between a unit
// named with its generic word and the bare name later: "Enga province"
// then "Enga" is the province, not a town abroad; a seat town of the same
// name keeps its own sense.
func TestBareNameOfNamedUnit(t *testing.T) {
	g := Default()
	txt := "Voting in a by-election in Enga province descended into violence on Tuesday. Tribal fighting in Enga has killed dozens of people this year."
	ms := g.Recognize(txt)
	ps := g.Resolve(txt, ms)
	found := false
	for i, m := range ms {
		if m.Text == "Enga" {
			found = true
			if ps[i] == nil || ps[i].Country != "PG" {
				t.Errorf("bare Enga: got %+v, want the province in PG", ps[i])
			}
		}
	}
	if !found {
		t.Fatalf("bare Enga not recognised in %q", txt)
	}
}

// TestStrayTownAbroad checks that a small town abroad, which nothing in a
// report about another country points to, is left unresolved rather
// than guessed: the gazetteer's packages lack El Alto, Bolivia, and offer
// villages of that name in Peru, Argentina and Panama. A big city of the
// report's country, named by an alternate name, is found, and a church
// named after its saint is no town.
func TestStrayTownAbroad(t *testing.T) {
	g := Default()
	text := "LA PAZ, Bolivia — Police fired tear gas at minibus drivers from El Alto who marched on the capital, " +
		"and pushed them back toward the San Francisco church. Transport unions in Santa Cruz and Cochabamba said they would join."
	ms := g.Recognize(text)
	ps := g.Resolve(text, ms)
	seen := map[string]bool{}
	for i, m := range ms {
		seen[m.Text] = true
		switch m.Text {
		case "El Alto":
			if ps[i] != nil {
				t.Errorf("El Alto: got %s, %s; want unresolved", ps[i].Name, ps[i].Country)
			}
		case "Santa Cruz", "Cochabamba", "LA PAZ":
			if ps[i] == nil || ps[i].Country != "BO" {
				t.Errorf("%s: got %+v, want a place in Bolivia", m.Text, ps[i])
			}
		case "San Francisco":
			t.Errorf("San Francisco (a church) read as a place: %+v", ps[i])
		}
	}
	if !seen["El Alto"] || !seen["Santa Cruz"] {
		t.Errorf("mentions %v lack El Alto or Santa Cruz", seen)
	}
}

package export_test

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/internal/export"
	"sitrep/internal/incident"
	"sitrep/internal/model"
)

func sp(s string) *string { return &s }
func ip(i int) *int       { return &i }

// incidents returns two incidents: one with a place, two reports and
// awkward text (commas, quotes, a tab, a line break), and one with no
// place or date.
func incidents() []*incident.Incident {
	ev := func(id string, killed int) *model.Event {
		return &model.Event{ID: id, Type: "ASSAULT", Mode: sp("suicide-attack"), CAMEO: "1831",
			ACLED:    &model.ACLED{EventType: "Explosions/Remote violence", SubEventType: "Suicide bomb"},
			Source:   &model.Actor{Text: "a suicide bomber", Kind: "person", Sector: sp("rebel")},
			Target:   &model.Actor{Text: "traders, \"buyers\"", Kind: "group", Sector: sp("civilian"), Country: sp("NG")},
			Date:     &model.Date{Text: "Monday", Start: sp("2024-03-04"), End: sp("2024-03-04"), Precision: model.DateDay},
			Location: &model.Place{Text: "Maiduguri", Name: "Maiduguri", GeonameID: ip(2331447), Lat: 11.84692, Lon: 13.15712, Admin1: "Borno State", Country: "NG", Precision: model.PrecCity},
			Counts:   model.Counts{Killed: &model.Range{Min: killed, Max: ip(killed), Text: "killed"}},
			Modality: model.Asserted, Confidence: 0.8}
	}
	a := incident.New(&incident.Member{Article: "aaaaaaaaaaaaaaaaaaaa", Seq: 1, Input: "a.html", URL: sp("https://a.example/x"),
		Outlet: sp("Sahel Wire"), Title: "Bomb, \"12 dead\"", Published: sp("2024-03-04"), Event: ev("ev1", 12),
		Evidence: []incident.Evidence{{Start: 0, End: 30, Text: "A suicide bomber,\tin a \"market\",\nkilled 12."}}}, 1)
	a.Add(&incident.Member{Article: "bbbbbbbbbbbbbbbbbbbb", Seq: 2, Input: "b.html", Outlet: sp("Lake Chad Observer"),
		Title: "Blast kills 15", Published: sp("2024-03-04"), Event: ev("ev1", 15), Reason: "same type ASSAULT", Score: 9})
	b := incident.New(&incident.Member{Article: "cccccccccccccccccccc", Seq: 3, Input: "c.txt", Title: "Talks",
		Event: &model.Event{ID: "ev2", Type: "CONSULT", CAMEO: "040", Modality: model.Asserted, Confidence: 0.5}}, 2)
	return []*incident.Incident{a, b}
}

func write(t *testing.T, format string, opt export.Options) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := export.New(format, &buf, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range incidents() {
		if err := w.Write(in); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestACLED(t *testing.T) {
	want := strings.Split("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp", ",")
	out := write(t, "acled", export.Options{Now: time.Unix(1700000000, 0)})
	r := csv.NewReader(strings.NewReader(out))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("parse as CSV: %v", err)
	}
	if !slices.Equal(rows[0], want) {
		t.Errorf("header: got %v, want %v", rows[0], want)
	}
	if len(rows) != 3 {
		t.Fatalf("rows: got %d, want a header and 2", len(rows))
	}
	for i, row := range rows {
		if len(row) != 31 {
			t.Errorf("row %d: got %d columns, want 31", i, len(row))
		}
	}
	got := map[string]string{}
	for i, c := range want {
		got[c] = rows[1][i]
	}
	for col, w := range map[string]string{
		"event_date": "2024-03-04", "year": "2024", "time_precision": "1", "event_type": "Explosions/Remote violence",
		"sub_event_type": "Suicide bomb", "inter1": "Rebel group", "inter2": "Civilians", "interaction": "Rebel group-Civilians",
		"civilian_targeting": "Civilian targeting", "iso": "566", "region": "Western Africa", "country": "Nigeria",
		"admin1": "Borno State", "location": "Maiduguri", "latitude": "11.8469", "longitude": "13.1571",
		"geo_precision": "1", "fatalities": "12", "source": "Sahel Wire; Lake Chad Observer", "timestamp": "1700000000",
		"disorder_type": "Political violence",
	} {
		if got[col] != w {
			t.Errorf("%s: got %q, want %q", col, got[col], w)
		}
	}
	if !strings.HasPrefix(got["event_id_cnty"], "NGA") {
		t.Errorf("event_id_cnty: got %q, want it to start with NGA", got["event_id_cnty"])
	}
}

func TestGDELT(t *testing.T) {
	var mentions bytes.Buffer
	out := write(t, "gdelt", export.Options{Now: time.Date(2024, 3, 5, 1, 2, 3, 0, time.UTC), Mentions: &mentions})
	if len(export.GDELTColumns) != 61 {
		t.Fatalf("GDELTColumns: got %d, want 61", len(export.GDELTColumns))
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("rows: got %d, want 2", len(lines))
	}
	for i, line := range lines {
		f := strings.Split(line, "\t")
		if len(f) != 61 {
			t.Fatalf("row %d: got %d tab-separated columns, want 61", i, len(f))
		}
		col := map[string]string{}
		for j, c := range export.GDELTColumns {
			col[c] = f[j]
		}
		if i == 0 {
			for c, w := range map[string]string{"GLOBALEVENTID": "1", "SQLDATE": "20240304", "MonthYear": "202403", "Year": "2024",
				"EventCode": "1831", "EventBaseCode": "183", "EventRootCode": "18", "QuadClass": "4", "NumArticles": "2",
				"ActionGeo_Type": "4", "ActionGeo_CountryCode": "NI", "ActionGeo_Lat": "11.8469", "ActionGeo_FeatureID": "2331447",
				"Actor2CountryCode": "NGA", "Actor2Type1Code": "CVL", "DATEADDED": "20240305010203", "SOURCEURL": "https://a.example/x"} {
				if col[c] != w {
					t.Errorf("%s: got %q, want %q", c, col[c], w)
				}
			}
		}
	}
	ml := strings.Split(strings.TrimSuffix(mentions.String(), "\n"), "\n")
	if len(ml) != 3 {
		t.Fatalf("mention rows: got %d, want 3 (one per report)", len(ml))
	}
	for i, line := range ml {
		if n := len(strings.Split(line, "\t")); n != len(export.GDELTMentionColumns) {
			t.Errorf("mention row %d: got %d columns, want %d", i, n, len(export.GDELTMentionColumns))
		}
	}
}

func TestGeoJSON(t *testing.T) {
	out := write(t, "geojson", export.Options{})
	var fc map[string]any
	if err := json.Unmarshal([]byte(out), &fc); err != nil {
		t.Fatalf("parse: %v", err)
	}
	if fc["type"] != "FeatureCollection" {
		t.Errorf("type: got %v, want FeatureCollection", fc["type"])
	}
	if _, ok := fc["crs"]; ok {
		t.Errorf("RFC 7946 has no crs member")
	}
	feats, ok := fc["features"].([]any)
	if !ok || len(feats) != 2 {
		t.Fatalf("features: got %v, want 2", fc["features"])
	}
	for i, f := range feats {
		f := f.(map[string]any)
		if f["type"] != "Feature" {
			t.Errorf("feature %d: type %v, want Feature", i, f["type"])
		}
		if _, ok := f["properties"].(map[string]any); !ok {
			t.Errorf("feature %d: properties must be an object", i)
		}
		if _, ok := f["id"].(string); !ok {
			t.Errorf("feature %d: id must be a string or number", i)
		}
		g, present := f["geometry"]
		if !present {
			t.Errorf("feature %d: geometry member missing (null is allowed, absent is not)", i)
		}
		if g == nil {
			continue
		}
		gm := g.(map[string]any)
		c := gm["coordinates"].([]any)
		lon, lat := c[0].(float64), c[1].(float64)
		if gm["type"] != "Point" || len(c) != 2 || lon < -180 || lon > 180 || lat < -90 || lat > 90 {
			t.Errorf("feature %d: geometry %v, want a Point [lon, lat]", i, gm)
		}
		if lon != 13.15712 || lat != 11.84692 {
			t.Errorf("feature %d: coordinates %v, want [13.15712, 11.84692] (longitude first)", i, c)
		}
	}
	if feats[1].(map[string]any)["geometry"] != nil {
		t.Errorf("an incident with no place: got a geometry, want null")
	}
}

func TestJSONL(t *testing.T) {
	out := write(t, "jsonl", export.Options{})
	sc := bufio.NewScanner(strings.NewReader(out))
	n := 0
	for sc.Scan() {
		n++
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		for _, k := range []string{"schema", "id", "type", "mode", "cameo", "acled", "date", "location", "source", "target", "counts", "modality", "confidence", "reviewed", "sources"} {
			if _, ok := rec[k]; !ok {
				t.Errorf("line %d: no %q", n, k)
			}
		}
		if rec["schema"] != "sitrep/incident/v1" {
			t.Errorf("line %d: schema %v", n, rec["schema"])
		}
		for _, s := range rec["sources"].([]any) {
			s := s.(map[string]any)
			for _, k := range []string{"article", "input", "url", "outlet", "title", "published", "event", "counts", "evidence"} {
				if _, ok := s[k]; !ok {
					t.Errorf("line %d: source without %q", n, k)
				}
			}
		}
	}
	if n != 2 {
		t.Errorf("lines: got %d, want 2", n)
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := export.New("xml", &bytes.Buffer{}, export.Options{}); err == nil {
		t.Error("format xml: got no error")
	}
}

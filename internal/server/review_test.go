package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/internal/incident"
	"sitrep/internal/ingest"
	"sitrep/internal/model"
	"sitrep/internal/server"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

// maiduguri holds reports of one bombing from several outlets, and the
// first one's page again with the toll corrected.
const maiduguri = "../ingest/testdata/maiduguri"

// desk is a reviewer's view of the server: alice's session.
type desk struct {
	*env
	alice session
}

func (d *desk) post(path, body string) response {
	d.t.Helper()
	return d.as(d.alice, d.alice.csrf, "POST", path, body)
}

func (d *desk) patch(id, body string) response {
	d.t.Helper()
	return d.as(d.alice, d.alice.csrf, "PATCH", "/api/incidents/"+id, body)
}

func (d *desk) incident(r response, status int) *incident.Record {
	d.t.Helper()
	var rec incident.Record
	d.wantJSON(r, status, &rec)
	return &rec
}

func (d *desk) auditOf(id string) []store.AuditEntry {
	d.t.Helper()
	var b server.AuditBody
	d.wantJSON(d.get("/api/incidents/"+id+"/audit"), 200, &b)
	return b.Entries
}

func TestReview(t *testing.T) {
	storetest.Run(t, func(t *testing.T, dsn string, db *store.DB) {
		e := setup(t, dsn, db)
		addUsers(t, db)
		d := &desk{env: e}
		d.alice = e.login("alice")
		for _, c := range []struct {
			name string
			fn   func(*desk)
		}{
			{"review object and needs", testNeeds},
			{"queue", testQueue},
			{"confirm", testConfirm},
			{"reject", testReject},
			{"edit", testEdit},
			{"bad edits", testBadEdits},
			{"edit survives new reports and versions", testEditSurvives},
			{"merge", testMerge},
			{"split", testSplit},
			{"script in article text", testReviewScript},
		} {
			t.Run(c.name, func(t *testing.T) {
				e := *d.env
				e.t = t
				c.fn(&desk{env: &e, alice: d.alice})
			})
		}
	})
}

// wantNeeds is what the contract says an incident needs, computed here
// from its JSON alone.
func wantNeeds(r *incident.Record) []string {
	out := []string{}
	if r.Confidence < 0.6 {
		out = append(out, "low_confidence")
	}
	for _, get := range []func(model.Counts) *model.Range{
		func(c model.Counts) *model.Range { return c.Killed },
		func(c model.Counts) *model.Range { return c.Injured },
		func(c model.Counts) *model.Range { return c.Arrested },
	} {
		seen := map[string]bool{}
		for _, s := range r.Sources {
			if c := get(s.Counts); c != nil {
				mx := -1
				if c.Max != nil {
					mx = *c.Max
				}
				seen[fmt.Sprint(c.Min, mx)] = true
			}
		}
		if len(seen) > 1 {
			out = append(out, "conflicting_figures")
			break
		}
	}
	if r.Location == nil || r.Location.Lat == 0 && r.Location.Lon == 0 {
		out = append(out, "unresolved_place")
	}
	return out
}

func testNeeds(d *desk) {
	raw := d.get("/api/incidents/" + d.all[0].ID)
	if !bytes.Contains(raw.body, []byte(`"reviewed":false,"review":{"status":"unreviewed","by":null,"at":null,"overrides":{},"needs":[`)) {
		d.t.Errorf("incident JSON: want reviewed false and an unreviewed review object; got %.600s", raw.body)
	}
	counted := map[string]int{}
	for _, r := range d.list("limit=500").Incidents {
		want := wantNeeds(r)
		if !slices.Equal(r.Review.Needs, want) {
			d.t.Errorf("%s: needs %v, want %v", r.ID, r.Review.Needs, want)
		}
		for _, n := range want {
			counted[n]++
		}
	}
	// The reports are chosen so that the needs are exercised.
	for _, n := range []string{"low_confidence", "unresolved_place"} {
		if counted[n] == 0 {
			d.t.Errorf("no incident of the example reports needs %s: the test shows nothing", n)
		}
	}
}

func testQueue(d *desk) {
	var all []*incident.Record
	cursor := ""
	for pages := 0; ; pages++ {
		q := "/api/review/queue?limit=4"
		if cursor != "" {
			q += "&cursor=" + url.QueryEscape(cursor)
		}
		var p page
		d.wantJSON(d.as(d.alice, "", "GET", q, ""), 200, &p)
		if p.Limit != 4 || len(p.Incidents) > 4 {
			d.t.Fatalf("queue page: limit %d with %d incidents, want 4 at most", p.Limit, len(p.Incidents))
		}
		all = append(all, p.Incidents...)
		if p.NextCursor == nil {
			break
		}
		cursor = *p.NextCursor
		if pages > len(d.all) {
			d.t.Fatal("queue cursor never ends")
		}
	}
	if len(all) != len(d.all) {
		d.t.Fatalf("queue: got %d incidents, want all %d (none reviewed yet)", len(all), len(d.all))
	}
	for i := 1; i < len(all); i++ {
		a, b := all[i-1], all[i]
		na, nb := len(a.Review.Needs), len(b.Review.Needs)
		start := func(r *incident.Record) string {
			if r.Date == nil || r.Date.Start == nil {
				return ""
			}
			return *r.Date.Start
		}
		if na < nb || na == nb && a.Confidence > b.Confidence || na == nb && a.Confidence == b.Confidence && start(a) < start(b) {
			d.t.Errorf("queue order: %s (%d needs, confidence %v, %s) before %s (%d needs, confidence %v, %s)",
				a.ID, na, a.Confidence, start(a), b.ID, nb, b.Confidence, start(b))
		}
	}
	if len(all[0].Review.Needs) == len(all[len(all)-1].Review.Needs) {
		d.t.Errorf("queue: every incident has %d needs; the order shows nothing", len(all[0].Review.Needs))
	}
	for _, q := range []string{"limit=0", "limit=501", "cursor=!!", "cursor=e30", "cursor=" + encodeListCursor(d)} {
		d.wantError(d.as(d.alice, "", "GET", "/api/review/queue?"+q, ""), 400, "bad_parameter")
	}
}

// encodeListCursor is a cursor of GET /api/incidents, which the queue
// must not take for its own.
func encodeListCursor(d *desk) string {
	return url.QueryEscape(*d.list("limit=1").NextCursor)
}

func inQueue(d *desk, id string) bool {
	var p page
	d.wantJSON(d.as(d.alice, "", "GET", "/api/review/queue?limit=500", ""), 200, &p)
	return slices.Contains(ids(p.Incidents), id)
}

func testConfirm(d *desk) {
	id := d.all[0].ID
	if !inQueue(d, id) {
		d.t.Fatalf("%s: not in the queue before review", id)
	}
	before := time.Now().Add(-time.Second)
	rec := d.incident(d.post("/api/incidents/"+id+"/confirm", `{"note":"checked against the ministry's statement"}`), 200)
	rv := rec.Review
	at, err := time.Parse(time.RFC3339, deref(rv.At))
	if rv.Status != "confirmed" || !rec.Reviewed || deref(rv.By) != "alice" || err != nil || at.Before(before.Truncate(time.Second)) || at.After(time.Now()) {
		d.t.Errorf("confirmed: got %+v, reviewed %v; want confirmed by alice now", rv, rec.Reviewed)
	}
	if inQueue(d, id) {
		d.t.Errorf("%s: still in the queue once confirmed", id)
	}
	log := d.auditOf(id)
	if len(log) != 1 || log[0].Action != "confirm" || log[0].User != "alice" || string(log[0].Before) != `"unreviewed"` ||
		string(log[0].After) != `"confirmed"` || log[0].Note != "checked against the ministry's statement" || log[0].Field != nil {
		d.t.Errorf("audit log: got %+v, want one confirmation with its note", log)
	}
	if p := d.list("reviewed=true"); !slices.Contains(ids(p.Incidents), id) {
		d.t.Errorf("reviewed=true: %s missing", id)
	}
	// The body may be left out.
	other := d.all[1].ID
	r := d.as(d.alice, d.alice.csrf, "POST", "/api/incidents/"+other+"/confirm", "")
	if rec := d.incident(r, 200); rec.Review.Status != "confirmed" {
		d.t.Errorf("confirm without a body: got %s", rec.Review.Status)
	}
	d.wantError(d.post("/api/incidents/no-such/confirm", `{}`), 404, "incident_not_found")
	d.wantError(d.post("/api/incidents/"+id+"/confirm", `{"note":`), 400, "bad_json")
	d.wantError(d.post("/api/incidents/"+id+"/confirm", `{"notes":"x"}`), 400, "bad_json")
	d.wantError(d.post("/api/incidents/"+id+"/confirm", `{"note":"`+strings.Repeat("x", server.MaxNote+1)+`"}`), 400, "bad_value")
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func testReject(d *desk) {
	id := d.all[2].ID
	rec := d.incident(d.post("/api/incidents/"+id+"/reject", `{"note":"a planned march, not a protest held"}`), 200)
	if rec.Review.Status != "rejected" || !rec.Reviewed {
		d.t.Errorf("rejected: got %+v, want rejected and reviewed", rec.Review)
	}
	has := func(q string) bool { return slices.Contains(ids(d.list("limit=500&"+q).Incidents), id) }
	if has("") || has("reviewed=true") {
		d.t.Errorf("GET /api/incidents: holds the rejected %s", id)
	}
	if !has("review=rejected") || !has("review=all") {
		d.t.Errorf("review=rejected and review=all: want the rejected %s", id)
	}
	if p := d.list("limit=500&review=rejected"); len(p.Incidents) != 1 {
		d.t.Errorf("review=rejected: got %d incidents, want 1", len(p.Incidents))
	}
	if p := d.list("limit=500&review=all"); len(p.Incidents) != len(d.all) {
		d.t.Errorf("review=all: got %d incidents, want all %d", len(p.Incidents), len(d.all))
	}
	if bytes.Contains(d.get("/api/export").body, []byte(id)) || !bytes.Contains(d.get("/api/export?review=all").body, []byte(id)) {
		d.t.Errorf("export: want the rejected %s left out unless review=all", id)
	}
	// It is still there for whoever asks for it.
	if r := d.record(id); r.Review.Status != "rejected" {
		d.t.Errorf("GET rejected incident: status %s", r.Review.Status)
	}
	if inQueue(d, id) {
		d.t.Errorf("queue: holds the rejected %s", id)
	}
	d.wantError(d.get("/api/incidents?review=maybe"), 400, "bad_parameter")
}

func testEdit(d *desk) {
	// An incident no one has touched.
	id := d.all[3].ID
	was := d.incident(d.get("/api/incidents/"+id), 200)
	body := `{"set": {"counts.killed": {"min": 2, "max": 2}, "location": {"name": "Omdurman", "lat": 15.64, "lon": 32.48, "country": "sd"},
		"date.start": "2024-02-27", "date.end": "2024-02-28", "source.name": "Rapid Support Forces"}, "note": "per the UN briefing"}`
	rec := d.incident(d.patch(id, body), 200)
	if k := rec.Counts.Killed; k == nil || k.Min != 2 || k.Max == nil || *k.Max != 2 {
		d.t.Errorf("counts.killed: got %+v, want 2-2", k)
	}
	if p := rec.Location; p == nil || p.Name != "Omdurman" || p.Lat != 15.64 || p.Country != "SD" || p.Precision != "point" {
		d.t.Errorf("location: got %+v, want Omdurman in SD at a point", p)
	}
	if dt := rec.Date; dt == nil || deref(dt.Start) != "2024-02-27" || deref(dt.End) != "2024-02-28" {
		d.t.Errorf("date: got %+v, want 2024-02-27 to 2024-02-28", dt)
	}
	if rec.Source == nil || deref(rec.Source.Name) != "Rapid Support Forces" {
		d.t.Errorf("source: got %+v, want the name set", rec.Source)
	}
	if rec.Review.Status != "edited" || !rec.Reviewed || len(rec.Review.Overrides) != 5 || string(rec.Review.Overrides["counts.killed"]) != `{"min":2,"max":2,"text":""}` {
		d.t.Errorf("review: got %+v, want edited with the 5 overrides", rec.Review)
	}
	if slices.Contains(rec.Review.Needs, "unresolved_place") {
		d.t.Errorf("needs %v: the place was set by hand", rec.Review.Needs)
	}
	// Each report keeps what it said.
	for i, s := range rec.Sources {
		if !jsonEqual(s.Counts, was.Sources[i].Counts) {
			d.t.Errorf("source %d: counts %+v, want the report's own %+v", i, s.Counts, was.Sources[i].Counts)
		}
	}
	// The box and the date filters find it where it was put.
	if !slices.Contains(ids(d.list("bbox=32.4,15.6,32.5,15.7&since=2024-02-28&until=2024-02-28").Incidents), id) {
		d.t.Errorf("bbox round Omdurman on 2024-02-28: %s missing", id)
	}
	log := d.auditOf(id)
	if len(log) != 5 {
		d.t.Fatalf("audit log: got %d entries, want one per field", len(log))
	}
	byField := map[string]store.AuditEntry{}
	for _, l := range log {
		if l.Action != "edit" || l.Field == nil || l.Note != "per the UN briefing" || l.User != "alice" {
			d.t.Errorf("audit entry %+v: want an edit of a field by alice with the note", l)
			continue
		}
		byField[*l.Field] = l
	}
	k := byField["counts.killed"]
	if !jsonEqual(k.Before, was.Counts.Killed) || string(k.After) != `{"min":2,"max":2,"text":""}` {
		d.t.Errorf("audit counts.killed: before %s after %s, want %s then 2-2", k.Before, k.After, mustJSON(was.Counts.Killed))
	}
	l := byField["location"]
	if !jsonEqual(l.Before, was.Location) || !bytes.Contains(l.After, []byte(`"Omdurman"`)) {
		d.t.Errorf("audit location: before %s after %s, want %s then Omdurman", l.Before, l.After, mustJSON(was.Location))
	}
	// A second edit keeps the first's values and sets a toll to none.
	rec = d.incident(d.patch(id, `{"set": {"counts.injured": null, "mode": "firearms"}}`), 200)
	if rec.Counts.Injured != nil || deref(rec.Mode) != "firearms" || rec.Counts.Killed == nil || rec.Counts.Killed.Min != 2 {
		d.t.Errorf("second edit: injured %+v, mode %v, killed %+v; want none, firearms and the 2 kept", rec.Counts.Injured, deref(rec.Mode), rec.Counts.Killed)
	}
	// Confirming an edited incident keeps its values.
	rec = d.incident(d.post("/api/incidents/"+id+"/confirm", ``), 200)
	if rec.Review.Status != "confirmed" || rec.Counts.Killed == nil || rec.Counts.Killed.Min != 2 {
		d.t.Errorf("confirmed after the edit: %s, killed %+v; want confirmed with 2", rec.Review.Status, rec.Counts.Killed)
	}
}

func jsonEqual(a, b any) bool {
	return bytes.Equal(mustJSON(a), mustJSON(b))
}

func mustJSON(v any) []byte {
	if r, ok := v.(json.RawMessage); ok {
		var x any
		json.Unmarshal(r, &x)
		v = x
	}
	b, _ := json.Marshal(v)
	// Round trip through any, so that key order and types compare.
	var x any
	json.Unmarshal(b, &x)
	b, _ = json.Marshal(x)
	return b
}

func testBadEdits(d *desk) {
	id := d.all[4].ID
	for _, c := range []struct {
		name, body string
		status     int
		code       string
	}{
		{"unknown field", `{"set": {"counts.wounded": {"min": 1}}}`, 400, "bad_field"},
		{"unknown field beside good ones", `{"set": {"type": "PROTEST", "colour": "red"}}`, 400, "bad_field"},
		{"negative toll", `{"set": {"counts.killed": {"min": -1}}}`, 400, "bad_value"},
		{"max below min", `{"set": {"counts.killed": {"min": 5, "max": 2}}}`, 400, "bad_value"},
		{"toll with unknown key", `{"set": {"counts.killed": {"min": 1, "low": 1}}}`, 400, "bad_value"},
		{"toll as a number", `{"set": {"counts.killed": 3}}`, 400, "bad_value"},
		{"not a type", `{"set": {"type": "PARADE"}}`, 400, "bad_value"},
		{"not a date", `{"set": {"date.start": "last week"}}`, 400, "bad_value"},
		{"dates the wrong way round", `{"set": {"date.start": "2024-03-05", "date.end": "2024-03-01"}}`, 400, "bad_value"},
		{"place off the map", `{"set": {"location": {"name": "X", "lat": 95, "lon": 0}}}`, 400, "bad_value"},
		{"place without a name", `{"set": {"location": {"lat": 1, "lon": 2}}}`, 400, "bad_value"},
		{"not a modality", `{"set": {"modality": "rumoured"}}`, 400, "bad_value"},
		{"nothing to set", `{"set": {}}`, 400, "bad_value"},
		{"unknown key", `{"sett": {"type": "PROTEST"}}`, 400, "bad_json"},
		{"malformed", `{"set": {"type": "PROTEST"`, 400, "bad_json"},
		{"two values", `{"set": {"type": "PROTEST"}} {}`, 400, "bad_json"},
	} {
		d.t.Run(c.name, func(t *testing.T) {
			e := *d.env
			e.t = t
			e.wantError(e.as(d.alice, d.alice.csrf, "PATCH", "/api/incidents/"+id, c.body), c.status, c.code)
		})
	}
	big := `{"set": {"source.name": "` + strings.Repeat("x", server.MaxBody) + `"}}`
	d.wantError(d.patch(id, big), 413, "body_too_large")
	d.wantError(d.patch("no-such", `{"set": {"type": "PROTEST"}}`), 404, "incident_not_found")
	d.wantError(d.do("PATCH", "/api/incidents/"+id, strings.NewReader(`{"set": {"type": "PROTEST"}}`), "Content-Type", "application/json"), 401, "unauthorized")
	// Nothing of the refused edits was stored.
	if r := d.record(id); r.Review.Status != "unreviewed" || len(r.Review.Overrides) != 0 || len(d.auditOf(id)) != 0 {
		d.t.Errorf("after refused edits: %+v, want untouched", r.Review)
	}
}

// incidentOfInput is the id of the incident holding event ev of the
// article ingested from input.
func incidentOfInput(d *desk, article, ev string) string {
	d.t.Helper()
	var v server.ArticleView
	d.wantJSON(d.get("/api/articles/"+article), 200, &v)
	for _, id := range v.Incidents {
		rec := d.incident(d.get("/api/incidents/"+id), 200)
		for _, s := range rec.Sources {
			if s.Article == article && s.Event == ev {
				return id
			}
		}
	}
	d.t.Fatalf("article %s: no incident holds %s", article, ev)
	return ""
}

// testEditSurvives edits the toll of the Maiduguri bombing as reported
// by the first wire, then ingests other outlets' reports of it (which
// join the incident and would change the reconciled toll) and the wire's
// page again with the toll corrected (a new version of the article,
// which rebuilds the incident): the toll set by hand stays.
func testEditSurvives(d *desk) {
	ctx := context.Background()
	x, err := extractor()
	if err != nil {
		d.t.Fatal(err)
	}
	articles := map[string]string{}
	ingestAll := func(inputs ...string) {
		d.t.Helper()
		_, err := ingest.Run(ctx, d.db, x, inputs, ingest.Options{Workers: 2,
			Failed: func(in string, err error) { d.t.Errorf("ingest %s: %v", in, err) },
			Stored: func(in string, res store.AddResult) { articles[filepath.Base(in)] = res.Article }})
		if err != nil {
			d.t.Fatal(err)
		}
	}
	ingestAll(filepath.Join(maiduguri, "01_sahelwire_market_bombing.html"))
	id := incidentOfInput(d, articles["01_sahelwire_market_bombing.html"], "ev1")
	before := d.incident(d.get("/api/incidents/"+id), 200)
	if before.Counts.Killed == nil || before.Counts.Killed.Min == 7 {
		d.t.Fatalf("toll as reported: got %+v; the test sets 7 by hand", before.Counts.Killed)
	}
	d.incident(d.patch(id, `{"set": {"counts.killed": {"min": 7, "max": 7}}, "note": "hospital list"}`), 200)

	ingestAll(filepath.Join(maiduguri, "03_lakechad_blast.html"), filepath.Join(maiduguri, "04_continental_toll_rises.html"))
	merged := d.incident(d.get("/api/incidents/"+id), 200)
	if len(merged.Sources) <= len(before.Sources) {
		d.t.Fatalf("other outlets' reports: %d sources, want more than %d (they report the same bombing)", len(merged.Sources), len(before.Sources))
	}
	if k := merged.Counts.Killed; k == nil || k.Min != 7 || k.Max == nil || *k.Max != 7 {
		d.t.Errorf("toll after other reports joined: got %+v, want the 7 set by hand", k)
	}
	if merged.Review.Status != "edited" {
		d.t.Errorf("status after other reports joined: %s, want edited", merged.Review.Status)
	}

	// The wire's page again, its toll corrected: a new version.
	raw, err := os.ReadFile(filepath.Join(maiduguri, "01_sahelwire_market_bombing.html"))
	if err != nil {
		d.t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte("12 people")) {
		d.t.Fatal("the wire's toll to correct is not there")
	}
	v2 := filepath.Join(d.t.TempDir(), "corrected.html")
	if err := os.WriteFile(v2, bytes.ReplaceAll(raw, []byte("12 people"), []byte("16 people")), 0o644); err != nil {
		d.t.Fatal(err)
	}
	ingestAll(v2)
	after := d.incident(d.get("/api/incidents/"+id), 200)
	found := false
	for _, s := range after.Sources {
		if s.Article == articles["corrected.html"] {
			found = true
			if s.Counts.Killed == nil || s.Counts.Killed.Min != 16 {
				d.t.Errorf("the new version's own toll: got %+v, want 16 as it says", s.Counts.Killed)
			}
		}
	}
	if !found {
		d.t.Fatalf("the corrected version %s is not a source of %s", articles["corrected.html"], id)
	}
	if k := after.Counts.Killed; k == nil || k.Min != 7 {
		d.t.Errorf("toll after a new version: got %+v, want the 7 set by hand", k)
	}
}

func testMerge(d *desk) {
	// Two incidents no one has touched.
	a, b := d.all[5], d.all[6]
	d.incident(d.patch(b.ID, `{"set": {"counts.arrested": {"min": 4, "max": 4}}}`), 200)
	rec := d.incident(d.post("/api/incidents/"+a.ID+"/merge", `{"other": "`+b.ID+`", "note": "same march"}`), 200)
	if rec.ID != a.ID || len(rec.Sources) != len(a.Sources)+len(b.Sources) {
		d.t.Errorf("merged: got %s with %d sources, want %s with %d", rec.ID, len(rec.Sources), a.ID, len(a.Sources)+len(b.Sources))
	}
	if c := rec.Counts.Arrested; c == nil || c.Min != 4 {
		d.t.Errorf("merged: arrested %+v, want the 4 set by hand on %s kept", c, b.ID)
	}
	r := d.get("/api/incidents/" + b.ID)
	d.wantJSON(r, 301, nil)
	if r.header.Get("Location") != "/api/incidents/"+a.ID {
		d.t.Errorf("merged id: Location %q, want /api/incidents/%s", r.header.Get("Location"), a.ID)
	}
	if r := d.get("/api/incidents/" + b.ID + "/audit"); r.status != 301 || r.header.Get("Location") != "/api/incidents/"+a.ID+"/audit" {
		d.t.Errorf("merged id's audit: got %d %q, want 301 to the survivor's", r.status, r.header.Get("Location"))
	}
	log := d.auditOf(a.ID)
	if len(log) != 2 || log[0].Action != "merge" || log[0].Note != "same march" || log[1].Action != "edit" || log[1].Incident != b.ID {
		d.t.Fatalf("audit log: got %+v, want the merge, then the edit made on %s", log, b.ID)
	}
	var bef []struct {
		ID      string
		Sources []server.EventRef
	}
	if err := json.Unmarshal(log[0].Before, &bef); err != nil || len(bef) != 2 || bef[1].ID != b.ID || len(bef[1].Sources) != len(b.Sources) {
		d.t.Errorf("merge before: got %s (%v), want both incidents' sources", log[0].Before, err)
	}
	d.wantError(d.post("/api/incidents/"+a.ID+"/merge", `{"other": "`+b.ID+`"}`), 400, "bad_value")
	d.wantError(d.post("/api/incidents/"+a.ID+"/merge", `{"other": "`+a.ID+`"}`), 400, "bad_value")
	d.wantError(d.post("/api/incidents/"+a.ID+"/merge", `{"other": "no-such"}`), 404, "incident_not_found")
	d.wantError(d.post("/api/incidents/"+a.ID+"/merge", `{}`), 400, "bad_value")
	d.wantError(d.post("/api/incidents/"+b.ID+"/confirm", `{}`), 409, "incident_merged")
	d.wantError(d.post("/api/incidents/"+b.ID+"/merge", `{"other": "`+d.all[7].ID+`"}`), 409, "incident_merged")
}

// testSplit undoes the merge of testMerge: the absorbed incident's
// sources move out again, under its old id.
func testSplit(d *desk) {
	a, b := d.all[5], d.all[6]
	var refs []string
	for _, s := range b.Sources {
		refs = append(refs, fmt.Sprintf(`{"article": %q, "event": %q}`, s.Article, s.Event))
	}
	path := "/api/incidents/" + a.ID + "/split"
	r := d.post(path, `{"events": [`+strings.Join(refs, ",")+`], "note": "two marches"}`)
	var body struct {
		Incident *incident.Record `json:"incident"`
		New      *incident.Record `json:"new"`
	}
	d.wantJSON(r, 201, &body)
	if body.Incident == nil || body.New == nil {
		d.t.Fatalf("split: got %s", r.body)
	}
	if body.Incident.ID != a.ID || len(body.Incident.Sources) != len(a.Sources) {
		d.t.Errorf("split: survivor %s with %d sources, want %s with %d", body.Incident.ID, len(body.Incident.Sources), a.ID, len(a.Sources))
	}
	// The new incident takes the first moved event's id: b's, which only
	// redirected, comes back.
	if body.New.ID != b.ID || len(body.New.Sources) != len(b.Sources) || body.New.Review.Status != "unreviewed" {
		d.t.Errorf("split: new %s with %d sources, status %s; want %s with %d, unreviewed", body.New.ID, len(body.New.Sources), body.New.Review.Status, b.ID, len(b.Sources))
	}
	if r.header.Get("Location") != "/api/incidents/"+b.ID {
		d.t.Errorf("split: Location %q, want the new incident", r.header.Get("Location"))
	}
	got := d.incident(d.get("/api/incidents/"+b.ID), 200)
	if got.ID != b.ID {
		d.t.Errorf("GET %s after the split: got %s, want it back", b.ID, got.ID)
	}
	for _, s := range d.incident(d.get("/api/incidents/"+a.ID), 200).Sources {
		for _, m := range b.Sources {
			if s.Article == m.Article && s.Event == m.Event {
				d.t.Errorf("survivor still holds the moved %s/%s", s.Article, s.Event)
			}
		}
	}
	for _, id := range []string{a.ID, b.ID} {
		log := d.auditOf(id)
		if len(log) == 0 || log[0].Action != "split" || log[0].Note != "two marches" || len(log[0].Before) == 0 || len(log[0].After) == 0 {
			d.t.Errorf("audit log of %s: got %+v, want the split first", id, log)
		}
	}
	for i := 1; i < len(d.auditOf(a.ID)); i++ {
		if l := d.auditOf(a.ID); l[i-1].ID <= l[i].ID {
			d.t.Errorf("audit log: entry %d before %d, want newest first", l[i-1].ID, l[i].ID)
		}
	}
	one := fmt.Sprintf(`{"article": %q, "event": %q}`, a.Sources[0].Article, a.Sources[0].Event)
	all := make([]string, 0, len(a.Sources))
	for _, s := range a.Sources {
		all = append(all, fmt.Sprintf(`{"article": %q, "event": %q}`, s.Article, s.Event))
	}
	for _, c := range []struct{ name, body, code string }{
		{"no events", `{"events": []}`, "bad_value"},
		{"not a source", `{"events": [{"article": "x", "event": "ev1"}]}`, "bad_value"},
		{"named twice", `{"events": [` + one + `,` + one + `]}`, "bad_value"},
		{"every source", `{"events": [` + strings.Join(all, ",") + `]}`, "bad_value"},
		{"unknown key", `{"events": [` + one + `], "keep": true}`, "bad_json"},
	} {
		if len(a.Sources) < 2 && c.name == "named twice" {
			continue
		}
		r := d.post(path, c.body)
		if r.status != 400 || !bytes.Contains(r.body, []byte(`"`+c.code+`"`)) {
			d.t.Errorf("split, %s: got %d %s, want 400 %s", c.name, r.status, r.body, c.code)
		}
	}
	d.wantError(d.post("/api/incidents/no-such/split", `{"events": [`+one+`]}`), 404, "incident_not_found")
}

// testReviewScript stores a report whose text holds markup, and a note
// that does, and reads them back from every endpoint that serves them:
// always inside JSON, escaped, under the CSP that do checks.
func testReviewScript(d *desk) {
	page := strings.Replace(xssPage, "alert(2)", "alert(1)", 1)
	page = strings.ReplaceAll(page, "Omdurman", "Kassala")
	page = strings.Replace(page, "three people", "five people", 1)
	b, _ := json.Marshal(map[string]string{"text": page, "published": "2024-03-06"})
	r := d.post("/api/extract?store=1", string(b))
	var doc document
	d.wantJSON(r, 201, &doc)
	var v server.ArticleView
	a := d.get(r.header.Get("Location"))
	d.wantJSON(a, 200, &v)
	if !strings.Contains(v.Article.Text, "<script>alert(1)</script>") || !strings.Contains(v.Article.Text, "<img src=x onerror=alert(1)>") {
		d.t.Fatalf("article text %q: want both payloads kept as text", v.Article.Text)
	}
	if len(v.Incidents) == 0 {
		d.t.Fatal("the report made no incident")
	}
	id := v.Incidents[0]
	note := `<script>alert(1)</script><img src=x onerror=alert(1)>`
	nb, _ := json.Marshal(map[string]any{"set": map[string]string{"source.name": note}, "note": note})
	d.wantJSON(d.patch(id, string(nb)), 200, nil)
	var log server.AuditBody
	l := d.get("/api/incidents/" + id + "/audit")
	d.wantJSON(l, 200, &log)
	if len(log.Entries) == 0 || log.Entries[0].Note != note {
		d.t.Errorf("audit note: got %+v, want the note as written", log.Entries)
	}
	served := []response{a, l, d.get("/api/incidents/" + id), d.get("/api/incidents?limit=500&q=leaflet")}
	for i, resp := range append(served, d.as(d.alice, "", "GET", "/api/review/queue?limit=500", "")) {
		if ct := resp.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
			d.t.Errorf("Content-Type: got %q, want application/json", ct)
		}
		for _, bad := range []string{"<script", "</script", "<img", "<"} {
			if bytes.Contains(resp.body, []byte(bad)) {
				d.t.Errorf("raw body holds %q unescaped: %.300s", bad, resp.body)
			}
		}
		// The queue may not hold the edited incident; the rest serve the
		// payload, escaped.
		if i < len(served) && !bytes.Contains(resp.body, []byte(`\u003cscript\u003ealert(1)\u003c/script\u003e`)) {
			d.t.Errorf("raw body: want the script escaped as \\u003cscript\\u003e; got %.300s", resp.body)
		}
	}
}

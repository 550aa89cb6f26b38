package store_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"sitrep/internal/incident"
	"sitrep/internal/model"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

// everything selects every incident, rejected ones included.
var everything = store.Filter{Review: incident.Statuses, Limit: 1000}

// checkRecords compares the stored record of every incident with a fresh
// rendering of it from the tables (what GET /api/incidents served before
// records were stored), byte for byte, and the pages PageRecords and
// Page give, incident for incident. It returns the number of incidents.
func checkRecords(t *testing.T, db *store.DB, dsn, when string) int {
	t.Helper()
	ctx := context.Background()
	ins, next, err := db.Page(ctx, everything)
	if err != nil || next != nil {
		t.Fatalf("%s: page of every incident: %v (next %v)", when, err, next)
	}
	recs, next, err := pageRecords(db, everything)
	if err != nil || next != nil {
		t.Fatalf("%s: records of every incident: %v (next %v)", when, err, next)
	}
	if len(recs) != len(ins) {
		t.Fatalf("%s: got %d stored records, want %d, one an incident", when, len(recs), len(ins))
	}
	for i, in := range ins {
		want, err := json.Marshal(in.Record())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(recs[i], want) {
			t.Errorf("%s: incident %s: stored record differs from a fresh rendering:\n%s", when, in.ID, diff(recs[i], want))
		}
		if !json.Valid(recs[i]) {
			t.Errorf("%s: incident %s: stored record is not valid JSON", when, in.ID)
		}
	}
	// And no incident lacks one, filtered out or not.
	raw := rawDB(t, dsn)
	var nulls int
	if err := raw.QueryRowContext(ctx, `SELECT count(*) FROM incidents WHERE record IS NULL`).Scan(&nulls); err != nil {
		t.Fatal(err)
	}
	if nulls > 0 {
		t.Errorf("%s: %d incidents without a stored record, want none", when, nulls)
	}
	return len(ins)
}

// pageRecords returns the records PageRecords gives, copied.
func pageRecords(db *store.DB, f store.Filter) ([][]byte, *store.Cursor, error) {
	var recs [][]byte
	n, next, err := db.PageRecords(context.Background(), f, func(rec []byte) { recs = append(recs, bytes.Clone(rec)) })
	if err == nil && n != len(recs) {
		err = fmt.Errorf("PageRecords gave %d records and says %d", len(recs), n)
	}
	return recs, next, err
}

// diff shows where two JSON texts first differ.
func diff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("at byte %d\n got ...%s\nwant ...%s", i, got[from:min(len(got), i+120)], want[from:min(len(want), i+120)])
}

// rawDB opens dsn with database/sql alone, closed at the end of the test.
func rawDB(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	driver := "sqlite"
	if store.IsPostgres(dsn) {
		driver = "pgx"
	}
	raw, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	return raw
}

// TestStoredRecords changes incidents every way the store and the review
// desk do (new reports, copies and near duplicates of a report, a merge,
// review actions, a split, new versions of a report, a retraction) and
// checks after each that every stored record is what a fresh rendering
// gives; then that Open renders the records of a database that lacks
// them.
func TestStoredRecords(t *testing.T) {
	storetest.Run(t, func(t *testing.T, dsn string, db *store.DB) {
		ctx := context.Background()
		add := func(input string, raw []byte, d *model.Document) store.AddResult {
			t.Helper()
			res, err := db.AddArticle(ctx, &store.ArticleInput{Input: input, Raw: raw, Doc: d})
			if err != nil {
				t.Fatal(err)
			}
			return res
		}
		update := func(fn func(tx *store.Tx) error) {
			t.Helper()
			if err := db.Update(ctx, fn); err != nil {
				t.Fatal(err)
			}
		}

		// A report, and a second that joins its incident.
		d := doc("Air strike kills 17", body, "2024-02-13", assault("2024-02-12", "Nyala", 12.05, 24.88, 17))
		add("a.html", []byte("<html>"+body+"</html>"), d)
		assign(t, db)
		nyala := incident.ID(d.Article.ID, "ev1")
		checkRecords(t, db, dsn, "one report")
		addReport(t, db, "two", "The toll from Monday's air raid on a market in Nyala rose to 21, hospital staff said on Tuesday.",
			assault("2024-02-12", "Nyala", 12.06, 24.90, 21))
		checkRecords(t, db, dsn, "a second report joined")

		// A copy and a near duplicate of the first, after it was placed.
		if res := add("b.html", []byte("<html><nav>x</nav>"+body+"</html>"), d); res.Outcome != store.Copy {
			t.Fatalf("copy: got %s, want copy", res.Outcome)
		}
		checkRecords(t, db, dsn, "a copy")
		synd := "NYALA, Sudan (Wire) — " + strings.Replace(body, "a local medical group said", "a medical group said on Tuesday", 1) + " The army did not respond to a request for comment."
		d2 := doc("Darfur market bombing toll rises", synd, "2024-02-13", assault("2024-02-12", "Nyala", 12.05, 24.88, 17))
		if res := add("c.html", []byte(synd), d2); res.Outcome != store.Near {
			t.Fatalf("near duplicate: got %s, want near", res.Outcome)
		}
		checkRecords(t, db, dsn, "a near duplicate")
		if r := record(t, db, nyala); len(r.Sources[0].Copies) != 2 {
			t.Errorf("copies of the first report: got %d, want 2", len(r.Sources[0].Copies))
		}

		// Another incident, edited, merged in.
		fasher := incident.ID(addReport(t, db, "three", "An air raid hit a camp for displaced people in El Fasher on Monday, killing five.",
			assault("2024-02-12", "El Fasher", 13.63, 25.35, 5)), "ev1")
		update(func(tx *store.Tx) error {
			return tx.SetReview(ctx, fasher, incident.Review{Status: incident.Edited, By: sp("bob"), Overrides: map[string]json.RawMessage{
				"counts.injured": json.RawMessage(`{"min":9,"max":9,"text":""}`)}})
		})
		checkRecords(t, db, dsn, "an edit")
		update(func(tx *store.Tx) error {
			in, _, err := tx.Incident(ctx, nyala)
			if err != nil {
				return err
			}
			o, _, err := tx.Incident(ctx, fasher)
			if err != nil {
				return err
			}
			in.Absorb(o, "merged by hand")
			return tx.SaveIncident(ctx, in, []*incident.Incident{o})
		})
		checkRecords(t, db, dsn, "a merge")

		// Review actions: an edit of the survivor, a confirmation, and a
		// rejection of another incident.
		update(func(tx *store.Tx) error {
			in, _, err := tx.Incident(ctx, nyala)
			if err != nil {
				return err
			}
			rv := in.Review()
			rv.Overrides["location"] = json.RawMessage(`{"text":"Nyala","name":"Nyala town","geonameid":null,"lat":12.06,"lon":24.89,"country":"SD","precision":"point"}`)
			rv.Status, rv.By, rv.At = incident.Edited, sp("alice"), sp("2024-02-14T10:00:00Z")
			return tx.SetReview(ctx, nyala, rv)
		})
		checkRecords(t, db, dsn, "an edit of the survivor")
		kano := incident.ID(addReport(t, db, "four", "Gunmen attacked a market in Kano on Tuesday, killing three.",
			assault("2024-02-13", "Kano", 12.0, 8.52, 3)), "ev1")
		if err := db.SetReviewed(ctx, nyala, true); err != nil {
			t.Fatal(err)
		}
		update(func(tx *store.Tx) error {
			return tx.SetReview(ctx, kano, incident.Review{Status: incident.Rejected, By: sp("alice")})
		})
		checkRecords(t, db, dsn, "a confirmation and a rejection")

		// A split, as the review desk does it (the last source leaves
		// for a new incident), in two steps: the new incident saved
		// takes the source from the old one, whose record loses it at
		// once; then the rest is saved.
		var kept []*incident.Member
		update(func(tx *store.Tx) error {
			in, _, err := tx.Incident(ctx, nyala)
			if err != nil {
				return err
			}
			moved := in.Members[2:]
			kept = in.Members[:2]
			for _, m := range moved {
				m.Reason, m.Score = "split from "+in.ID, 0
			}
			id, err := tx.NextIncidentID(ctx, moved)
			if err != nil {
				return err
			}
			seq, err := tx.NextIncidentSeq(ctx)
			if err != nil {
				return err
			}
			return tx.SaveIncident(ctx, &incident.Incident{ID: id, Seq: seq, Members: moved}, nil)
		})
		checkRecords(t, db, dsn, "the new incident of a split")
		update(func(tx *store.Tx) error {
			in, _, err := tx.Incident(ctx, nyala)
			if err != nil {
				return err
			}
			return tx.SaveIncident(ctx, &incident.Incident{ID: in.ID, Seq: in.Seq, Members: kept}, nil)
		})
		if n := checkRecords(t, db, dsn, "a split"); n != 3 {
			t.Errorf("incidents after the split: got %d, want 3", n)
		}

		// A saved incident's members given without their copies: the
		// record still lists them.
		update(func(tx *store.Tx) error {
			in, _, err := tx.Incident(ctx, nyala)
			if err != nil {
				return err
			}
			for _, m := range in.Members {
				m.Copies = nil
			}
			return tx.SaveIncident(ctx, &incident.Incident{ID: in.ID, Seq: in.Seq, Members: in.Members}, nil)
		})
		checkRecords(t, db, dsn, "a save without copies")

		// Versions of a report: a correction, then a retraction.
		const u = "https://wire.example/2024/02/kassala-protest"
		version := func(input, text string, evs ...*model.Event) {
			t.Helper()
			d := doc("Protest in Kassala", text, "2024-02-12", evs...)
			d.Article.URL = sp(u)
			add(input, []byte(text), d)
			assign(t, db)
		}
		protest := func(n int) *model.Event {
			return &model.Event{Type: "PROTEST", CAMEO: "141", Modality: model.Asserted, Confidence: 0.7,
				Date:     &model.Date{Text: "Tuesday", Start: sp("2024-02-13"), End: sp("2024-02-13"), Precision: model.DateDay},
				Location: &model.Place{Text: "Kassala", Name: "Kassala", Lat: 15.45, Lon: 36.4, Country: "SD", Precision: model.PrecCity},
				Counts:   model.Counts{Arrested: &model.Range{Min: n, Max: ip(n), Text: fmt.Sprint(n)}}}
		}
		version("v1.html", "Hundreds protested in Kassala on Tuesday; police arrested 12 people.", protest(12))
		checkRecords(t, db, dsn, "a report with a URL")
		version("v2.html", "Hundreds protested in Kassala on Tuesday; police arrested 30 people, lawyers said.", protest(30))
		checkRecords(t, db, dsn, "a new version")
		version("v3.html", "Retraction: an earlier report of arrests in Kassala was wrong and has been withdrawn.")
		checkRecords(t, db, dsn, "a retraction")

		// A database of an older schema, or filled in bulk, has no
		// records: Open renders them.
		raw := rawDB(t, dsn)
		// Until then, the list renders the missing ones itself.
		checkPage := func(when string) {
			t.Helper()
			recs, _, err := pageRecords(db, everything)
			if err != nil {
				t.Fatal(err)
			}
			ins, _, err := db.Page(ctx, everything)
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != len(ins) {
				t.Fatalf("%s: got %d records, want %d", when, len(recs), len(ins))
			}
			for i, in := range ins {
				if want, _ := json.Marshal(in.Record()); !bytes.Equal(recs[i], want) {
					t.Errorf("%s: incident %s:\n%s", when, in.ID, diff(recs[i], want))
				}
			}
		}
		for _, c := range []struct{ when, where string }{
			{"some records missing", "seq % 2 = 0"},
			{"every record missing", "seq > 0"},
		} {
			if _, err := raw.ExecContext(ctx, `UPDATE incidents SET record = NULL WHERE `+c.where); err != nil {
				t.Fatal(err)
			}
			checkPage(c.when)
		}
		db2 := storetest.Open(t, dsn)
		checkRecords(t, db2, dsn, "reopened")
	})
}

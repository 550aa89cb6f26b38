package store_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"sitrep/internal/incident"
	"sitrep/internal/model"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

// addReport stores one report with one event and places it.
func addReport(t *testing.T, db *store.DB, input, text string, ev *model.Event) string {
	t.Helper()
	d := doc("Report "+input, text, "2024-02-13", ev)
	d.Article.Outlet = sp(input)
	if _, err := db.AddArticle(context.Background(), &store.ArticleInput{Input: input, Raw: []byte(text), Doc: d}); err != nil {
		t.Fatal(err)
	}
	assign(t, db)
	return d.Article.ID
}

func record(t *testing.T, db *store.DB, id string) *incident.Record {
	t.Helper()
	in, _, err := db.Incident(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return in.Record()
}

// TestReviewSurvivesRebuild sets values by hand, then rebuilds the
// incident every way the store does: a new report joins it, another
// incident merges into it, and a caller saves it from members alone.
func TestReviewSurvivesRebuild(t *testing.T) {
	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		ctx := context.Background()
		a1 := addReport(t, db, "one", "Warplanes bombed the livestock market in Nyala on Monday, killing 17 people.",
			assault("2024-02-12", "Nyala", 12.05, 24.88, 17))
		id := incident.ID(a1, "ev1")
		rv := incident.Review{Status: incident.Edited, By: sp("alice"), At: sp("2024-02-14T10:00:00Z"), Overrides: map[string]json.RawMessage{
			"counts.killed": json.RawMessage(`{"min":20,"max":20,"text":""}`),
			"location":      json.RawMessage(`{"text":"Nyala","name":"Nyala town","geonameid":null,"lat":12.06,"lon":24.89,"country":"SD","precision":"point"}`),
		}}
		if err := db.Update(ctx, func(tx *store.Tx) error { return tx.SetReview(ctx, id, rv) }); err != nil {
			t.Fatal(err)
		}
		check := func(when string, sources int) *incident.Record {
			t.Helper()
			r := record(t, db, id)
			if k := r.Counts.Killed; k == nil || k.Min != 20 || k.Max == nil || *k.Max != 20 {
				t.Errorf("%s: killed %+v, want the 20 set by hand", when, k)
			}
			if r.Location == nil || r.Location.Name != "Nyala town" {
				t.Errorf("%s: location %+v, want the place set by hand", when, r.Location)
			}
			if r.Review.Status != incident.Edited || !r.Reviewed || r.Review.By == nil || *r.Review.By != "alice" {
				t.Errorf("%s: review %+v reviewed %v, want edited by alice", when, r.Review, r.Reviewed)
			}
			if len(r.Sources) != sources {
				t.Errorf("%s: %d sources, want %d", when, len(r.Sources), sources)
			}
			// The indexed columns follow: the reviewed filter and the
			// box find it at the place set by hand.
			yes := true
			got, err := db.Incidents(ctx, store.Filter{Reviewed: &yes, BBox: &store.BBox{MinLon: 24.885, MinLat: 12.055, MaxLon: 24.895, MaxLat: 12.065}})
			if err != nil || len(got) != 1 || got[0].ID != id {
				t.Errorf("%s: reviewed incidents in a box round the place set by hand: got %d (%v), want %s", when, len(got), err, id)
			}
			return r
		}
		check("after the edit", 1)

		// A second report with a higher toll joins; the reconciled toll
		// would be 17, the one set by hand stays.
		addReport(t, db, "two", "The toll from Monday's air raid on a market in Nyala rose to 21, hospital staff said on Tuesday.",
			assault("2024-02-12", "Nyala", 12.06, 24.90, 21))
		r := check("after a new report joined", 2)
		if r.Sources[1].Counts.Killed == nil || r.Sources[1].Counts.Killed.Min != 21 {
			t.Errorf("the new source's own toll: got %+v, want 21 as it said", r.Sources[1].Counts.Killed)
		}

		// A caller that saves the incident rebuilt from its members alone,
		// knowing nothing of the review, loses nothing.
		err := db.Update(ctx, func(tx *store.Tx) error {
			in, _, err := tx.Incident(ctx, id)
			if err != nil {
				return err
			}
			bare := &incident.Incident{ID: in.ID, Seq: in.Seq, Members: in.Members}
			return tx.SaveIncident(ctx, bare, nil)
		})
		if err != nil {
			t.Fatal(err)
		}
		check("after a save without the review", 2)

		// Another incident, with a figure of its own set by hand, merges
		// in: its value the survivor lacks is carried over, the
		// survivor's own wins.
		a3 := addReport(t, db, "three", "An air raid hit a camp for displaced people in El Fasher on Monday, killing five.",
			assault("2024-02-12", "El Fasher", 13.63, 25.35, 5))
		other := incident.ID(a3, "ev1")
		orv := incident.Review{Status: incident.Edited, By: sp("bob"), Overrides: map[string]json.RawMessage{
			"counts.killed":  json.RawMessage(`{"min":6,"max":6,"text":""}`),
			"counts.injured": json.RawMessage(`{"min":9,"max":9,"text":""}`),
		}}
		err = db.Update(ctx, func(tx *store.Tx) error {
			if err := tx.SetReview(ctx, other, orv); err != nil {
				return err
			}
			in, _, err := tx.Incident(ctx, id)
			if err != nil {
				return err
			}
			o, _, err := tx.Incident(ctx, other)
			if err != nil {
				return err
			}
			in.Absorb(o, "test")
			return tx.SaveIncident(ctx, in, []*incident.Incident{o})
		})
		if err != nil {
			t.Fatal(err)
		}
		r = check("after a merge", 3)
		if c := r.Counts.Injured; c == nil || c.Min != 9 {
			t.Errorf("injured after the merge: got %+v, want the 9 set on the absorbed incident", c)
		}
		// And the carried value is stored, not just applied once.
		check("again", 3)
		if r := record(t, db, id); r.Review.Overrides["counts.injured"] == nil {
			t.Errorf("overrides after the merge: got %v, want counts.injured carried over", r.Review.Overrides)
		}
	})
}

func TestReviewStatusAndFilters(t *testing.T) {
	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		ctx := context.Background()
		ids := seedSpots(t, db)
		if err := db.Update(ctx, func(tx *store.Tx) error {
			return tx.SetReview(ctx, ids["Kano"], incident.Review{Status: incident.Rejected, By: sp("alice")})
		}); err != nil {
			t.Fatal(err)
		}
		if err := db.SetReviewed(ctx, ids["Goma"], true); err != nil {
			t.Fatal(err)
		}
		if r := record(t, db, ids["Goma"]); r.Review.Status != incident.Confirmed || !r.Reviewed {
			t.Errorf("SetReviewed: got status %s reviewed %v, want confirmed and true", r.Review.Status, r.Reviewed)
		}
		if err := db.Update(ctx, func(tx *store.Tx) error {
			return tx.SetReview(ctx, "nope", incident.Review{Status: incident.Confirmed})
		}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("review an unknown incident: got %v, want ErrNotFound", err)
		}
		yes := true
		for _, c := range []struct {
			name string
			f    store.Filter
			want []string
		}{
			{"rejected", store.Filter{Review: []string{incident.Rejected}}, []string{"Kano"}},
			{"reviewed", store.Filter{Reviewed: &yes}, []string{"Kano", "Goma"}},
			{"not rejected, in Nigeria", store.Filter{Review: []string{incident.Unreviewed, incident.Confirmed, incident.Edited},
				BBox: &store.BBox{MinLon: 3, MinLat: 4, MaxLon: 15, MaxLat: 14}}, []string{"Maiduguri"}},
		} {
			got, err := db.Incidents(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			if g := names(ids, got); !sameNewestFirst(g, c.want) {
				t.Errorf("%s: got %v, want %v", c.name, g, c.want)
			}
		}
	})
}

func TestQueueAndAudit(t *testing.T) {
	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		ctx := context.Background()
		ids := seedSpots(t, db)
		// Needs: Apia without a place on the map, Port Sudan with low
		// confidence and no place.
		err := db.Update(ctx, func(tx *store.Tx) error {
			if err := tx.SetReview(ctx, ids["Apia"], incident.Review{Overrides: map[string]json.RawMessage{"location": json.RawMessage("null")}}); err != nil {
				return err
			}
			return tx.SetReview(ctx, ids["Port Sudan"], incident.Review{Overrides: map[string]json.RawMessage{"location": json.RawMessage("null")}})
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetReviewed(ctx, ids["Nyala"], true); err != nil {
			t.Fatal(err)
		}
		var got []string
		var after *store.QueueCursor
		for pages := 0; pages < 20; pages++ {
			ins, next, err := db.Queue(ctx, 3, after)
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, names(ids, ins)...)
			if next == nil {
				break
			}
			after = next
		}
		if len(got) != len(spots)-1 {
			t.Fatalf("queue: got %v, want every spot but the confirmed Nyala", got)
		}
		if got[0] != "Port Sudan" && got[0] != "Apia" || got[1] != "Port Sudan" && got[1] != "Apia" {
			t.Errorf("queue: got %v, want the two without a place first", got)
		}
		for _, n := range got {
			if n == "Nyala" {
				t.Errorf("queue: holds the confirmed Nyala")
			}
		}

		e := store.AuditEntry{Incident: ids["Kano"], User: "alice", Action: store.ActionEdit, Field: sp("counts.killed"),
			Before: json.RawMessage(`{"min":3}`), After: json.RawMessage(`{"min":4}`), Note: "hospital list"}
		var first, second int64
		err = db.Update(ctx, func(tx *store.Tx) error {
			var err error
			if first, err = tx.Audit(ctx, e); err != nil {
				return err
			}
			second, err = tx.Audit(ctx, store.AuditEntry{Incident: ids["Kano"], User: "alice", Action: store.ActionConfirm,
				Before: json.RawMessage(`"edited"`), After: json.RawMessage(`"confirmed"`)})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		log, err := db.AuditLog(ctx, ids["Kano"])
		if err != nil {
			t.Fatal(err)
		}
		if len(log) != 2 || log[0].ID != second || log[1].ID != first {
			t.Fatalf("audit log: got %+v, want the two entries newest first", log)
		}
		l := log[1]
		if l.User != "alice" || l.Action != "edit" || l.Field == nil || *l.Field != "counts.killed" || string(l.Before) != `{"min":3}` ||
			string(l.After) != `{"min":4}` || l.Note != "hospital list" || l.Incident != ids["Kano"] {
			t.Errorf("audit entry: got %+v, want it as written", l)
		}
		if _, err := time.Parse(time.RFC3339, l.At); err != nil {
			t.Errorf("audit time %q: %v", l.At, err)
		}
		if log[0].Field != nil {
			t.Errorf("confirm entry: field %q, want none", *log[0].Field)
		}
	})
}

// TestNeedsBackfill checks that migration 4's SQL computes the needs
// and confidence of stored incidents as package incident does.
func TestNeedsBackfill(t *testing.T) {
	storetest.Run(t, func(t *testing.T, dsn string, db *store.DB) {
		ctx := context.Background()
		addReport(t, db, "one", "Warplanes bombed the livestock market in Nyala on Monday, killing 17 people.",
			assault("2024-02-12", "Nyala", 12.05, 24.88, 17))
		addReport(t, db, "two", "The toll from Monday's air raid on a market in Nyala rose to 21, hospital staff said on Tuesday.",
			assault("2024-02-12", "Nyala", 12.06, 24.90, 21))
		weak := assault("2024-02-12", "El Fasher", 13.63, 25.35, 5)
		weak.Confidence = 0.3
		weak.Location = nil
		addReport(t, db, "three", "An air raid hit a camp for displaced people in El Fasher on Monday, killing five.", weak)
		addReport(t, db, "four", "Gunmen attacked a market in Kano on Tuesday, killing three.", assault("2024-02-13", "Kano", 12.0, 8.52, 3))

		driver := "sqlite"
		if store.IsPostgres(dsn) {
			driver = "pgx"
		}
		raw, err := sql.Open(driver, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		read := func() map[string][2]float64 {
			rows, err := raw.QueryContext(ctx, `SELECT id, needs, confidence FROM incidents`)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			out := map[string][2]float64{}
			for rows.Next() {
				var id string
				var n int
				var c float64
				if err := rows.Scan(&id, &n, &c); err != nil {
					t.Fatal(err)
				}
				out[id] = [2]float64{float64(n), c}
			}
			return out
		}
		want := read()
		sum := 0.0
		for _, v := range want {
			sum += v[0]
		}
		// Nyala: conflicting figures; El Fasher: low confidence and no place.
		if len(want) != 3 || sum != 3 {
			t.Fatalf("needs as stored: got %v, want 3 incidents with 3 needs in all", want)
		}
		b, err := os.ReadFile("migrations/" + string(db.Dialect()) + "/004_review.sql")
		if err != nil {
			t.Fatal(err)
		}
		m := string(b)
		start, end := strings.Index(m, "UPDATE incidents SET confidence"), strings.Index(m, "-- incidents_queue")
		if start < 0 || end < start {
			t.Fatal("migration 4: backfill not found")
		}
		if _, err := raw.ExecContext(ctx, `UPDATE incidents SET needs = -1, confidence = -1`); err != nil {
			t.Fatal(err)
		}
		if _, err := raw.ExecContext(ctx, m[start:end]); err != nil {
			t.Fatalf("backfill: %v", err)
		}
		got := read()
		for id, w := range want {
			if got[id] != w {
				t.Errorf("%s: backfill gives needs, confidence %v; the store wrote %v", id, got[id], w)
			}
		}
	})
}

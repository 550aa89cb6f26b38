package store_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"sitrep/internal/incident"
	"sitrep/internal/model"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

// candidateIDs returns the ids of the incidents Candidates finds for m.
func candidateIDs(t *testing.T, db *store.DB, m *incident.Member) []string {
	t.Helper()
	var ids []string
	err := db.Update(context.Background(), func(tx *store.Tx) error {
		cands, err := tx.Candidates(context.Background(), m)
		for _, c := range cands {
			ids = append(ids, c.ID)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// TestCandidates checks what the query leaves out before any incident is
// loaded: places at a city or finer beyond the type's distance, other
// countries, other types, dates apart. Incidents placed only by
// country, or dated only by a long range, stay in.
func TestCandidates(t *testing.T) {
	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		near := addReport(t, db, "near", "Warplanes bombed the market in Nyala on Monday.",
			assault("2024-02-12", "Nyala", 12.05, 24.88, 17))
		// 0.3 degrees of latitude, 33 km: beyond ASSAULT's 25.
		far := addReport(t, db, "far", "Warplanes bombed a village north of Nyala on Monday.",
			assault("2024-02-12", "Village", 12.35, 24.88, 3))
		coarse := assault("2024-02-12", "Sudan", 15, 30, 2)
		// Other modes keep these apart from the first: Candidates does
		// not look at modes.
		coarse.Location.Precision, coarse.Location.GeonameID = model.PrecCountry, nil
		coarse.Mode = sp("firearms")
		country := addReport(t, db, "country", "Warplanes bombed a market in Sudan on Monday.", coarse)
		year := assault("2024-01-01", "Nyala", 12.05, 24.88, 40)
		year.Date = &model.Date{Text: "this year", Start: sp("2024-01-01"), End: sp("2024-12-31"), Precision: model.DateYear}
		year.Mode = sp("explosives")
		long := addReport(t, db, "long", "Warplanes have bombed Nyala again and again this year.", year)
		unplaced := assault("2024-02-12", "", 0, 0, 1)
		unplaced.Location, unplaced.Mode = nil, sp("beat")
		nowhere := addReport(t, db, "nowhere", "A man was beaten to death on Monday, his family said.", unplaced)
		old := addReport(t, db, "old", "Warplanes bombed the market in Nyala in November.",
			assault("2023-11-12", "Nyala", 12.05, 24.88, 5))

		m := &incident.Member{Article: "new", Event: assault("2024-02-12", "Nyala", 12.06, 24.89, 9)}
		m.Event.ID = "ev1"
		got := candidateIDs(t, db, m)
		for _, want := range []string{near, country, long, nowhere} {
			if !slices.Contains(got, incident.ID(want, "ev1")) {
				t.Errorf("candidates %v lack %s", got, incident.ID(want, "ev1"))
			}
		}
		for _, not := range []string{far, old} {
			if slices.Contains(got, incident.ID(not, "ev1")) {
				t.Errorf("candidates %v hold %s", got, incident.ID(not, "ev1"))
			}
		}
		// The far one is a candidate of an event beside it.
		m.Event.Location.Lat = 12.34
		if got := candidateIDs(t, db, m); !slices.Contains(got, incident.ID(far, "ev1")) {
			t.Errorf("candidates %v of an event beside it lack %s", got, incident.ID(far, "ev1"))
		}
	})
}

// TestCandidatesSeeOtherWriters changes an incident through a second
// handle on the same database after the first has found it: the first
// finds it changed.
func TestCandidatesSeeOtherWriters(t *testing.T) {
	storetest.Run(t, func(t *testing.T, dsn string, db *store.DB) {
		ctx := context.Background()
		a := addReport(t, db, "one", "Warplanes bombed the market in Nyala on Monday.",
			assault("2024-02-12", "Nyala", 12.05, 24.88, 17))
		id := incident.ID(a, "ev1")
		m := &incident.Member{Article: "new", Event: assault("2024-02-12", "Nyala", 12.05, 24.88, 9)}
		m.Event.ID = "ev1"
		killed := func() int {
			t.Helper()
			var k int
			err := db.Update(ctx, func(tx *store.Tx) error {
				cands, err := tx.Candidates(ctx, m)
				if err != nil {
					return err
				}
				if len(cands) != 1 || cands[0].ID != id {
					t.Fatalf("candidates %v, want %s", cands, id)
				}
				k = cands[0].Record().Counts.Killed.Min
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			return k
		}
		if k := killed(); k != 17 {
			t.Fatalf("killed %d, want 17", k)
		}
		other := storetest.Open(t, dsn)
		rv := incident.Review{Status: incident.Edited, By: sp("alice"), At: sp("2024-02-14T10:00:00Z"),
			Overrides: map[string]json.RawMessage{"counts.killed": json.RawMessage(`{"min":20,"max":20,"text":""}`)}}
		if err := other.Update(ctx, func(tx *store.Tx) error { return tx.SetReview(ctx, id, rv) }); err != nil {
			t.Fatal(err)
		}
		if k := killed(); k != 20 {
			t.Errorf("killed %d after another writer set 20", k)
		}
	})
}

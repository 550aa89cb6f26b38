package storefill_test

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"sitrep/internal/store"
	"sitrep/internal/store/storefill"
	"sitrep/internal/store/storetest"
)

// TestFill fills a small store of each kind on every backend and reads
// it back through the store, as the benchmarks do.
func TestFill(t *testing.T) {
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			t.Run("reports", func(t *testing.T) {
				dsn := storetest.DSN(t, backend)
				const n = 300
				if err := storefill.Fill(ctx, dsn, storefill.Options{N: n, From: "2023-01-01", Days: 1096, Reports: true, Seed: 7}); err != nil {
					t.Fatal(err)
				}
				db := storetest.Open(t, dsn)
				c, err := db.Counts(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if c.Incidents != n || c.IncidentEvents < n || c.Events != c.IncidentEvents || c.Articles != c.Events {
					t.Errorf("counts: got %+v, want %d incidents, each article with one event in one incident", c, n)
				}
				ins, _, err := db.Page(ctx, store.Filter{Since: "2024-01-01", Until: "2024-12-31", Limit: 100})
				if err != nil {
					t.Fatal(err)
				}
				if len(ins) != 100 {
					t.Fatalf("page of 2024: got %d incidents, want 100", len(ins))
				}
				size := 0
				for _, in := range ins {
					rec := in.Record()
					if len(rec.Sources) == 0 || rec.Location == nil || rec.Date == nil || *rec.Date.Start < "2024" {
						t.Errorf("incident %s: got %d sources, location %v, date %v; want sources, a place and a date in 2024",
							in.ID, len(rec.Sources), rec.Location, rec.Date)
					}
					for _, s := range rec.Sources {
						if len(s.Evidence) == 0 || s.Evidence[0].Text == "" {
							t.Errorf("incident %s, article %s: no evidence", in.ID, s.Article)
						}
					}
					b, _ := json.Marshal(rec)
					size += len(b)
				}
				if mean := size / len(ins); mean < 1000 || mean > 8000 {
					t.Errorf("mean record: got %d bytes of JSON, want 1,000 to 8,000", mean)
				}
				// The same options give the same incidents.
				again := storetest.DSN(t, backend)
				if err := storefill.Fill(ctx, again, storefill.Options{N: n, From: "2023-01-01", Days: 1096, Reports: true, Seed: 7}); err != nil {
					t.Fatal(err)
				}
				ins2, _, err := storetest.Open(t, again).Page(ctx, store.Filter{Since: "2024-01-01", Until: "2024-12-31", Limit: 100})
				if err != nil {
					t.Fatal(err)
				}
				a, _ := json.Marshal(ins[0].Record())
				b, _ := json.Marshal(ins2[0].Record())
				if string(a) != string(b) {
					t.Errorf("second fill with the same seed: got\n%s\nwant\n%s", b, a)
				}
				sameRecords(t, db)
			})
			t.Run("bare", func(t *testing.T) {
				dsn := storetest.DSN(t, backend)
				if err := storefill.Fill(ctx, dsn, storefill.Options{N: 2000, From: "2015-01-01", Days: 4018, Seed: 1}); err != nil {
					t.Fatal(err)
				}
				db := storetest.Open(t, dsn)
				c, err := db.Counts(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if c.Incidents != 2000 || c.Articles != 0 {
					t.Errorf("counts: got %+v, want 2000 incidents and no articles", c)
				}
				box := store.BBox{MinLon: 22, MinLat: 9, MaxLon: 34, MaxLat: 19}
				ins, _, err := db.Page(ctx, store.Filter{BBox: &box, Limit: 10})
				if err != nil {
					t.Fatal(err)
				}
				if len(ins) != 10 {
					t.Errorf("page in Sudan's box: got %d incidents, want 10", len(ins))
				}
				sameRecords(t, db)
			})
		})
	}
}

// sameRecords checks that the records Fill stored are those the store
// renders from the rows Fill wrote, byte for byte.
func sameRecords(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	f := store.Filter{Limit: 10000}
	ins, _, err := db.Page(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	var recs [][]byte
	if _, _, err := db.PageRecords(ctx, f, func(rec []byte) { recs = append(recs, bytes.Clone(rec)) }); err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(ins) {
		t.Fatalf("got %d stored records, want %d", len(recs), len(ins))
	}
	bad := 0
	for i, in := range ins {
		want, err := json.Marshal(in.Record())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(recs[i], want) {
			if bad++; bad <= 3 {
				t.Errorf("incident %s: stored record\n%s\nwant what the store renders\n%s", in.ID, recs[i], want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d stored records differ from the store's rendering", bad, len(ins))
	}
}

package store_test

import (
	"cmp"
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"sitrep/internal/store"
	"sitrep/internal/store/storefill"
	"sitrep/internal/store/storetest"
)

// TestBoxPages checks pages of incidents in boxes, which small boxes
// read cell by cell (schema 7's grid) and large ones along the
// newest-first index, against a scan of every incident: boxes of every
// size, across the antimeridian and the poles, with edges on the grid's
// lines and incidents on them.
func TestBoxPages(t *testing.T) {
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			dsn := storetest.DSN(t, backend)
			if err := storefill.Fill(ctx, dsn, storefill.Options{N: 3000, From: "2024-01-01", Days: 120, Seed: 3}); err != nil {
				t.Fatal(err)
			}
			raw := rawDB(t, dsn)
			// Some incidents on the grid's lines and the map's edges.
			edges := [][2]float64{{-90, -180}, {90, 180}, {0, 0}, {10, -10}, {-10, 10}, {20, 180}, {20, -180}, {89.99999, 179.99999}, {-30, 170}}
			for i, e := range edges {
				if _, err := raw.ExecContext(ctx, `UPDATE incidents SET lat = $1, lon = $2 WHERE seq = $3`, e[0], e[1], i+1); err != nil {
					t.Fatal(err)
				}
			}
			db := storetest.Open(t, dsn)

			type row struct {
				id, date, end string
				lat, lon      float64
			}
			var all []row
			rows, err := raw.QueryContext(ctx, `SELECT id, sort_date, date_end, lat, lon FROM incidents`)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var r row
				if err := rows.Scan(&r.id, &r.date, &r.end, &r.lat, &r.lon); err != nil {
					t.Fatal(err)
				}
				all = append(all, r)
			}
			rows.Close()
			// Newest first, as the store orders them.
			slices.SortFunc(all, func(a, b row) int { return cmp.Or(strings.Compare(b.date, a.date), strings.Compare(b.id, a.id)) })

			r := rand.New(rand.NewPCG(1, 2))
			var boxes []store.BBox
			for _, e := range edges {
				boxes = append(boxes, store.BBox{MinLon: e[1], MinLat: e[0], MaxLon: e[1], MaxLat: e[0]})
			}
			boxes = append(boxes,
				store.BBox{MinLon: -180, MinLat: -90, MaxLon: 180, MaxLat: 90},
				store.BBox{MinLon: 170, MinLat: -40, MaxLon: -170, MaxLat: 30},
				store.BBox{MinLon: 10, MinLat: 0, MaxLon: 20, MaxLat: 10},
				store.BBox{MinLon: -10, MinLat: 10, MaxLon: -10, MaxLat: 20},
				store.BBox{MinLon: 5, MinLat: -5, MaxLon: 4, MaxLat: 5},
			)
			for range 150 {
				w, h := r.Float64()*r.Float64()*80, r.Float64()*r.Float64()*60
				lat, lon := r.Float64()*180-90, r.Float64()*360-180
				b := store.BBox{MinLon: lon, MinLat: max(-90, lat-h/2), MaxLon: lon + w, MaxLat: min(90, lat+h/2)}
				if b.MaxLon > 180 {
					b.MaxLon -= 360
				}
				boxes = append(boxes, b)
			}
			for _, b := range boxes {
				for _, f := range []store.Filter{
					{BBox: &b, Limit: 40},
					{BBox: &b, Limit: 25, Since: "2024-02-01", Until: "2024-03-15"},
				} {
					var want []string
					for _, x := range all {
						if b.Contains(x.lat, x.lon) && (f.Since == "" || x.end >= f.Since) && (f.Until == "" || x.date <= f.Until) {
							want = append(want, x.id)
						}
					}
					next := f
					var got []string
					more := false
					for page := 0; page < 3; page++ {
						recs, cur, err := pageRecords(db, next)
						if err != nil {
							t.Fatal(err)
						}
						for _, rec := range recs {
							got = append(got, recordID(t, rec))
						}
						if more = cur != nil; !more {
							break
						}
						next.After = cur
					}
					if more {
						// Three full pages, and more to come.
						want = want[:min(len(want), 3*f.Limit)]
					}
					if !slices.Equal(got, want) {
						t.Errorf("box %+v, since %q until %q: got %d incidents %.5v, want %d %.5v",
							b, f.Since, f.Until, len(got), got, len(want), want)
					}
				}
			}
		})
	}
}

// recordID reads the id of a stored record.
func recordID(t *testing.T, rec []byte) string {
	t.Helper()
	const key = `"id":"`
	i := strings.Index(string(rec), key)
	if i < 0 {
		t.Fatalf("record without an id: %.100s", rec)
	}
	s := string(rec[i+len(key):])
	j := strings.IndexByte(s, '"')
	if j < 0 {
		t.Fatalf("record without an id: %.100s", rec)
	}
	return s[:j]
}

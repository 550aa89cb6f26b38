//go:build bench

package store_test

// The million-incident query benchmark. It loads 1,000,000 synthetic
// incidents (bare rows from package storefill) and times the first page of 100, newest first, for a
// country-sized box, a date range and a type. It takes minutes and
// gigabytes, so it stays out of the CI test command; run it with
//
//	go test -tags bench -run TestQueryMillion -v -timeout 60m ./internal/store/
//
// SITREP_BENCH_N changes the number of incidents; PostgreSQL is measured
// too when storetest's server answers.

import (
	"context"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"sitrep/internal/store"
	"sitrep/internal/store/storefill"
	"sitrep/internal/store/storetest"
)

// benchQuery is one timed query: a box of about one country (12 by 10
// degrees), a date range of one to twelve months, and a type.
type benchQuery struct {
	box          store.BBox
	since, until string
	typ          string
}

const benchFirstDay = "2015-01-01"
const benchDays = 4018 // to 2025-12-31

func benchDay(d int) string {
	t, _ := time.Parse(time.DateOnly, benchFirstDay)
	return t.AddDate(0, 0, d).Format(time.DateOnly)
}

func benchQueries(r *rand.Rand, n int, dense bool) []benchQuery {
	out := make([]benchQuery, n)
	for i := range out {
		var lat, lon float64
		if dense {
			h := storefill.Hotspots[r.IntN(len(storefill.Hotspots))]
			lat, lon = h.Lat, h.Lon
		} else {
			// Anywhere, mostly where few incidents fall; some boxes
			// cross the antimeridian.
			lat, lon = r.Float64()*110-50, r.Float64()*360-180
		}
		minLon, maxLon := lon-6, lon+6
		if minLon < -180 {
			minLon += 360
		}
		if maxLon > 180 {
			maxLon -= 360
		}
		months := 1 + r.IntN(12)
		end := 60 + r.IntN(benchDays-60)
		start := max(0, end-30*months)
		out[i] = benchQuery{
			box:   store.BBox{MinLon: minLon, MinLat: max(-90, lat-5), MaxLon: maxLon, MaxLat: min(90, lat+5)},
			since: benchDay(start), until: benchDay(end), typ: storefill.Type(r),
		}
	}
	return out
}

func TestQueryMillion(t *testing.T) {
	n := 1_000_000
	if s := os.Getenv("SITREP_BENCH_N"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			t.Fatalf("SITREP_BENCH_N %q: want a whole number above 0", s)
		}
		n = v
	}
	for _, backend := range storetest.Backends {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			dsn := storetest.DSN(t, backend)
			if err := storefill.Fill(ctx, dsn, storefill.Options{N: n, From: benchFirstDay, Days: benchDays, Seed: 1, Logf: t.Logf}); err != nil {
				t.Fatal(err)
			}
			db := storetest.Open(t, dsn)
			plan, err := db.BenchPlan(ctx, store.Filter{Type: "ASSAULT", Since: "2020-01-01", Until: "2020-12-31",
				BBox: &store.BBox{MinLon: 22, MinLat: 9, MaxLon: 34, MaxLat: 19}, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range plan {
				t.Logf("plan: %s", p)
			}
			r := rand.New(rand.NewPCG(3, 4))
			for _, set := range []struct {
				name  string
				dense bool
			}{{"dense box (a conflict country)", true}, {"any box (mostly sparse)", false}} {
				qs := benchQueries(r, 400, set.dense)
				// A few untimed queries warm the cache, as a running
				// server's is.
				for _, q := range qs[:20] {
					db.Page(ctx, store.Filter{Type: q.typ, Since: q.since, Until: q.until, BBox: &q.box, Limit: 100})
				}
				times := make([]time.Duration, 0, len(qs))
				rowsTotal := 0
				for _, q := range qs {
					began := time.Now()
					ins, _, err := db.Page(ctx, store.Filter{Type: q.typ, Since: q.since, Until: q.until, BBox: &q.box, Limit: 100})
					if err != nil {
						t.Fatal(err)
					}
					times = append(times, time.Since(began))
					rowsTotal += len(ins)
				}
				slices.Sort(times)
				pct := func(p float64) time.Duration { return times[int(math.Ceil(p*float64(len(times))))-1] }
				t.Logf("%s, %d incidents, %s: %d queries, mean %.1f rows/page: p50 %s, p90 %s, p99 %s, max %s",
					backend, n, set.name, len(times), float64(rowsTotal)/float64(len(times)),
					pct(0.50).Round(10*time.Microsecond), pct(0.90).Round(10*time.Microsecond),
					pct(0.99).Round(10*time.Microsecond), times[len(times)-1].Round(10*time.Microsecond))
				if p99 := pct(0.99); p99 > 50*time.Millisecond {
					t.Errorf("%s, %s: p99 %s, want 50ms or less", backend, set.name, p99)
				}
			}
		})
	}
}

//go:build bench

package store_test

// The million-incident query benchmark. It loads 1,000,000 synthetic
// incidents and times the first page of 100, newest first, for a
// country-sized box, a date range and a type. It takes minutes and
// gigabytes, so it stays out of the CI test command; run it with
//
//	go test -tags bench -run TestQueryMillion -v -timeout 60m ./internal/store/
//
// SITREP_BENCH_N changes the number of incidents; PostgreSQL is measured
// too when storetest's server answers.

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

// benchTypes are PLOVER event types; the synthetic incidents share them
// unevenly, as real ones do.
var benchTypes = []string{"ASSAULT", "PROTEST", "FIGHT", "COERCE", "MOBILIZE", "THREATEN", "ACCUSE", "REQUEST",
	"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "RETREAT", "AID", "SANCTION", "REJECT"}

// hotspot is the centre of a country where incidents cluster.
type hotspot struct{ lat, lon float64 }

// benchHotspots are the centres of 40 countries, roughly, where most
// synthetic incidents fall; the rest are spread over the inhabited
// latitudes.
var benchHotspots = []hotspot{
	{15.5, 30}, {9, 8}, {-2, 23}, {6, 31}, {5, 46}, {9, 39}, {12, 43}, {15, 48}, {33, 44}, {35, 38},
	{33, 66}, {30, 70}, {20, 77}, {23, 90}, {21, 96}, {12, 122}, {49, 31}, {42, 43}, {40, 45}, {31, 35},
	{27, 17}, {17, -4}, {12, -1.5}, {15, 19}, {7, 21}, {-19, 35}, {0, 38}, {1, 32}, {-30, 25}, {19, -99},
	{4, -73}, {7, -66}, {-10, -75}, {19, -72}, {14, -90}, {-15, -50}, {39, 35}, {32, 53}, {28, 84}, {-3, 30},
}

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

// benchType picks a type, the first ones more often (Zipf-like).
func benchType(r *rand.Rand) string {
	i := int(math.Floor(float64(len(benchTypes)) * math.Pow(r.Float64(), 2)))
	return benchTypes[i]
}

func benchQueries(r *rand.Rand, n int, dense bool) []benchQuery {
	out := make([]benchQuery, n)
	for i := range out {
		var lat, lon float64
		if dense {
			h := benchHotspots[r.IntN(len(benchHotspots))]
			lat, lon = h.lat, h.lon
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
			since: benchDay(start), until: benchDay(end), typ: benchType(r),
		}
	}
	return out
}

const benchInsert = `INSERT INTO incidents (id, seq, type, mode, date_start, date_end, sort_date, span_days, lat, lon, country, admin1, killed, n_sources, data, sitrep_version) VALUES `

// loadMillion inserts n synthetic incidents in batches of multi-row
// inserts on the writer.
func loadMillion(t *testing.T, db *store.DB, n int) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	// PostgreSQL takes at most 65535 parameters a statement.
	batch := 5000
	if db.Dialect() == store.Postgres {
		batch = 2000 // 32000 parameters
	}
	const cols = 16
	began := time.Now()
	for done := 0; done < n; {
		k := min(batch, n-done)
		var sb strings.Builder
		sb.WriteString(benchInsert)
		args := make([]any, 0, k*cols)
		for i := range k {
			seq := done + i + 1
			var lat, lon float64
			if r.Float64() < 0.7 {
				h := benchHotspots[r.IntN(len(benchHotspots))]
				lat = h.lat + r.NormFloat64()*3
				lon = h.lon + r.NormFloat64()*3
			} else {
				lat, lon = r.Float64()*110-50, r.Float64()*360-180
			}
			lat = max(-90, min(90, lat))
			lon = max(-180, min(180, lon))
			d := r.IntN(benchDays)
			start := benchDay(d)
			end, span := start, 0
			if r.IntN(10) == 0 {
				span = 1 + r.IntN(3)
				end = benchDay(d + span)
			}
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString("(" + store.BenchPlaceholders(len(args)+1, cols) + ")")
			id := fmt.Sprintf("syn%016x-ev1", r.Uint64())
			args = append(args, id, seq, benchType(r), nil, start, end, start, span, lat, lon, "XX", nil, r.IntN(20), 1,
				`{"schema":"sitrep/incident/v1"}`, "bench")
		}
		var err error
		if db.Dialect() == store.SQLite {
			// SQLite is fastest one prepared row at a time.
			rows := make([][]any, 0, k)
			for i := 0; i < len(args); i += cols {
				rows = append(rows, args[i:i+cols])
			}
			err = db.BenchInsert(ctx, benchInsert+"("+store.BenchPlaceholders(1, cols)+")", rows)
		} else {
			err = db.BenchExec(ctx, sb.String(), args...)
		}
		if err != nil {
			t.Fatalf("load: %v", err)
		}
		done += k
		if done%100000 == 0 {
			t.Logf("loaded %d incidents in %s", done, time.Since(began).Round(time.Second))
		}
	}
	// Statistics for the planner, as a deployment gets from ANALYZE (or
	// SQLite's PRAGMA optimize); on PostgreSQL VACUUM also sets the
	// visibility map that index-only scans need.
	stmt := `ANALYZE`
	if db.Dialect() == store.Postgres {
		stmt = `VACUUM ANALYZE incidents`
	}
	if err := db.BenchExec(ctx, stmt); err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
	t.Logf("loaded %d incidents in %s", n, time.Since(began).Round(time.Second))
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
			db := storetest.Open(t, storetest.DSN(t, backend))
			loadMillion(t, db, n)
			ctx := context.Background()
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

//go:build bench

package server_test

// The load benchmark of the incident list. It fills a store with 100,000
// synthetic incidents and their reports (package storefill), starts the
// real server on a loopback port, and has 20 clients ask it, each as
// fast as answers come, for the first page of 100 incidents in a box and
// a date range, for 20 seconds, after 2 seconds of warm-up. It reports
// requests a second, latency percentiles and errors, and fails only on
// an error or a status other than 200, never on time: the figures depend
// on the machine. Run it with
//
//	go test -tags bench -run TestLoad -v -timeout 30m ./internal/server/
//
// SITREP_LOAD_N, SITREP_LOAD_CLIENTS and SITREP_LOAD_DURATION (a Go
// duration) change the number of incidents, of clients and the time
// measured; SITREP_LOAD_CPUPROFILE=DIR writes a CPU profile of the
// measured time (server and clients, one process) per backend into DIR.
// PostgreSQL is measured too when storetest's server answers.
// SITREP_LOAD_DSN=PATH|URL measures that database, as it is, instead of
// filling scratch ones; the queries assume incidents from 2023 to 2025.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"sitrep/internal/server"
	"sitrep/internal/store/storefill"
	"sitrep/internal/store/storetest"
)

// The synthetic incidents start over three years.
const (
	loadFrom = "2023-01-01"
	loadDays = 1096
)

// loadKind is a kind of query, drawn in proportion to its share.
type loadKind struct {
	name  string
	share float64
}

var loadKinds = []loadKind{
	{"country box on a hotspot (dense)", 0.5},
	{"city box on a hotspot", 0.2},
	{"country box anywhere (mostly sparse)", 0.2},
	{"continent box, up to 3 months", 0.1},
}

// loadQuery is one request path of the list, of a kind.
type loadQuery struct {
	kind int
	path string
}

// loadQueries draws n queries: a box of one kind and a date range of one
// to twelve months (one to three for a continent) in the three years.
func loadQueries(r *rand.Rand, n int) []loadQuery {
	day := func(d int) string {
		t, _ := time.Parse(time.DateOnly, loadFrom)
		return t.AddDate(0, 0, d).Format(time.DateOnly)
	}
	out := make([]loadQuery, n)
	for i := range out {
		x := r.Float64()
		kind := 0
		for kind < len(loadKinds)-1 && x >= loadKinds[kind].share {
			x -= loadKinds[kind].share
			kind++
		}
		var lat, lon, dlat, dlon float64
		months := 1 + r.IntN(12)
		h := storefill.Hotspots[r.IntN(len(storefill.Hotspots))]
		switch kind {
		case 0:
			lat, lon, dlat, dlon = h.Lat, h.Lon, 5, 6
		case 1:
			lat, lon, dlat, dlon = h.Lat+r.NormFloat64()*2, h.Lon+r.NormFloat64()*2, 1, 1
		case 2:
			// Some cross the antimeridian.
			lat, lon, dlat, dlon = r.Float64()*110-50, r.Float64()*360-180, 5, 6
		case 3:
			lat, lon, dlat, dlon = h.Lat, h.Lon, 20, 30
			months = 1 + r.IntN(3)
		}
		minLon, maxLon := lon-dlon, lon+dlon
		if minLon < -180 {
			minLon += 360
		}
		if maxLon > 180 {
			maxLon -= 360
		}
		end := 30 + r.IntN(loadDays-30)
		start := max(0, end-30*months)
		out[i] = loadQuery{kind: kind, path: fmt.Sprintf("/api/incidents?bbox=%.2f,%.2f,%.2f,%.2f&since=%s&until=%s&limit=100",
			minLon, max(-90, lat-dlat), maxLon, min(90, lat+dlat), day(start), day(end))}
	}
	return out
}

// loadSample is one answered request.
type loadSample struct {
	kind      int
	took      time.Duration
	size      int // bytes of the body
	incidents int
}

// loadResult is what a run of the clients got.
type loadResult struct {
	samples []loadSample
	errors  int
	first   []string // the first few errors
	elapsed time.Duration
}

// runLoad has clients ask base for queries, each drawing from its own
// seeded generator and sending its next request when the last is read,
// until d has passed. Requests under way then are let finish.
func runLoad(base string, c *http.Client, qs []loadQuery, clients int, seed uint64, d time.Duration) loadResult {
	var mu sync.Mutex
	var res loadResult
	marker := []byte(`{"schema":"sitrep/incident/v1"`)
	began := time.Now()
	deadline := began.Add(d)
	var wg sync.WaitGroup
	for i := range clients {
		wg.Go(func() {
			r := rand.New(rand.NewPCG(seed, uint64(i)))
			var buf bytes.Buffer
			var mine []loadSample
			var errs []string
			for time.Now().Before(deadline) {
				q := qs[r.IntN(len(qs))]
				start := time.Now()
				err := func() error {
					resp, err := c.Get(base + q.path)
					if err != nil {
						return err
					}
					defer resp.Body.Close()
					buf.Reset()
					if _, err := buf.ReadFrom(resp.Body); err != nil {
						return fmt.Errorf("read body: %w", err)
					}
					if resp.StatusCode != http.StatusOK {
						return fmt.Errorf("status %d: %.200s", resp.StatusCode, buf.Bytes())
					}
					if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") || !bytes.HasSuffix(buf.Bytes(), []byte("}\n")) {
						return fmt.Errorf("got Content-Type %q and a body ending %q, want a whole JSON object", ct, buf.Bytes()[max(0, buf.Len()-20):])
					}
					return nil
				}()
				took := time.Since(start)
				if err != nil {
					errs = append(errs, fmt.Sprintf("GET %s: %v", q.path, err))
					continue
				}
				mine = append(mine, loadSample{kind: q.kind, took: took, size: buf.Len(), incidents: bytes.Count(buf.Bytes(), marker)})
			}
			mu.Lock()
			defer mu.Unlock()
			res.samples = append(res.samples, mine...)
			res.errors += len(errs)
			for _, e := range errs {
				if len(res.first) < 5 {
					res.first = append(res.first, e)
				}
			}
		})
	}
	wg.Wait()
	res.elapsed = time.Since(began)
	return res
}

// loadStats are the figures of some samples.
type loadStats struct {
	n                  int
	p50, p90, p99, max time.Duration
	incidents, kb      float64 // means a page
}

func statsOf(ss []loadSample) loadStats {
	if len(ss) == 0 {
		return loadStats{}
	}
	times := make([]time.Duration, len(ss))
	var incidents, size int
	for i, s := range ss {
		times[i] = s.took
		incidents += s.incidents
		size += s.size
	}
	slices.Sort(times)
	pct := func(p float64) time.Duration {
		return times[int(math.Ceil(p*float64(len(times))))-1].Round(100 * time.Microsecond)
	}
	return loadStats{n: len(ss), p50: pct(0.50), p90: pct(0.90), p99: pct(0.99), max: times[len(times)-1].Round(100 * time.Microsecond),
		incidents: float64(incidents) / float64(len(ss)), kb: float64(size) / float64(len(ss)) / 1000}
}

func (s loadStats) String() string {
	return fmt.Sprintf("p50 %s, p90 %s, p99 %s, max %s; %.1f incidents and %.0f KB a page",
		s.p50, s.p90, s.p99, s.max, s.incidents, s.kb)
}

func envInt(t *testing.T, name string, def int) int {
	t.Helper()
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 1 {
		t.Fatalf("%s %q: want a whole number above 0", name, s)
	}
	return v
}

func TestLoad(t *testing.T) {
	n := envInt(t, "SITREP_LOAD_N", 100_000)
	clients := envInt(t, "SITREP_LOAD_CLIENTS", 20)
	d := 20 * time.Second
	if s := os.Getenv("SITREP_LOAD_DURATION"); s != "" {
		v, err := time.ParseDuration(s)
		if err != nil || v <= 0 {
			t.Fatalf("SITREP_LOAD_DURATION %q: want a duration such as 20s", s)
		}
		d = v
	}
	profiles := os.Getenv("SITREP_LOAD_CPUPROFILE")
	backends := storetest.Backends
	given := os.Getenv("SITREP_LOAD_DSN")
	if given != "" {
		backends = []string{"given"}
	}
	for _, backend := range backends {
		t.Run(backend, func(t *testing.T) {
			ctx := context.Background()
			dsn := given
			if dsn == "" {
				dsn = storetest.DSN(t, backend)
				err := storefill.Fill(ctx, dsn, storefill.Options{N: n, From: loadFrom, Days: loadDays, Reports: true, Seed: 11, Logf: t.Logf})
				if err != nil {
					t.Fatal(err)
				}
			}
			db := storetest.Open(t, dsn)
			if given != "" {
				c, err := db.Counts(ctx)
				if err != nil {
					t.Fatal(err)
				}
				n = c.Incidents
			}
			// Requests are logged as sitrep serve logs them, to nowhere.
			s, err := server.New(server.Config{DB: db, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			if err != nil {
				t.Fatal(err)
			}
			hs := httptest.NewServer(s)
			defer hs.Close()
			c := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
			defer c.CloseIdleConnections()
			qs := loadQueries(rand.New(rand.NewPCG(5, 6)), 4000)

			// Warm the caches, as a running server's are, and open the
			// connections.
			if w := runLoad(hs.URL, c, qs, clients, 1, 2*time.Second); w.errors > 0 {
				t.Errorf("warm-up: %d errors, the first: %s", w.errors, strings.Join(w.first, "; "))
			}
			if profiles != "" {
				f, err := os.Create(filepath.Join(profiles, "cpu-"+backend+".pprof"))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					t.Fatal(err)
				}
			}
			res := runLoad(hs.URL, c, qs, clients, 2, d)
			if profiles != "" {
				pprof.StopCPUProfile()
			}

			all := statsOf(res.samples)
			t.Logf("%s, %d incidents, %d clients for %s: %d requests, %.0f requests/s, %d errors; %s",
				backend, n, clients, d, all.n, float64(all.n)/res.elapsed.Seconds(), res.errors, all)
			for k, kind := range loadKinds {
				var ss []loadSample
				for _, s := range res.samples {
					if s.kind == k {
						ss = append(ss, s)
					}
				}
				t.Logf("  %s: %d requests, %s", kind.name, len(ss), statsOf(ss))
			}
			verdict := "met"
			if all.p99 > 50*time.Millisecond || res.errors > 0 {
				verdict = "not met"
			}
			t.Logf("target p99 ≤ 50ms with no errors: p99 %s, %s (reported, not enforced)", all.p99, verdict)
			if res.errors > 0 {
				t.Errorf("%d requests failed, the first: %s", res.errors, strings.Join(res.first, "; "))
			}
			if all.n == 0 {
				t.Errorf("no request answered in %s", d)
			}
		})
	}
}

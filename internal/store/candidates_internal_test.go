package store

import (
	"math"
	"math/rand/v2"
	"testing"

	"sitrep/internal/incident"
)

// destination is the point km from lat, lon on bearing deg, on the
// sphere incident.Km measures on.
func destination(lat, lon, km, deg float64) (float64, float64) {
	r := math.Pi / 180
	d := km / incident.EarthKm
	p1, l1, b := lat*r, lon*r, deg*r
	p2 := math.Asin(math.Sin(p1)*math.Cos(d) + math.Cos(p1)*math.Sin(d)*math.Cos(b))
	l2 := l1 + math.Atan2(math.Sin(b)*math.Sin(d)*math.Cos(p1), math.Cos(d)-math.Sin(p1)*math.Sin(p2))
	return p2 / r, l2 / r
}

// TestAroundKm checks that the box Candidates queries holds every point
// within the distance, at every latitude it gives a box for, and that it
// gives none where a plain box cannot hold them.
func TestAroundKm(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	boxes := 0
	for range 20000 {
		lat, lon := rng.Float64()*178-89, rng.Float64()*360-180
		km := []float64{10, 25, 50, 100}[rng.IntN(4)]
		box, ok := aroundKm(lat, lon, km)
		if !ok {
			continue
		}
		boxes++
		for range 8 {
			la, lo := destination(lat, lon, km*rng.Float64(), rng.Float64()*360)
			if d := incident.Km(lat, lon, la, lo); d > km {
				continue // rounding at the edge
			}
			if la < box.South || la > box.North || lo < box.West || lo > box.East {
				t.Fatalf("%.4f,%.4f is within %.0f km of %.4f,%.4f but outside %+v", la, lo, km, lat, lon, box)
			}
		}
		// A point just beyond the distance due north is outside.
		if la, _ := destination(lat, lon, km*1.05, 0); la <= box.North && la < 89 {
			t.Errorf("%.4f is %.0f km north of %.4f, yet inside %+v", la, km*1.05, lat, box)
		}
	}
	if boxes < 15000 {
		t.Errorf("only %d of 20000 places got a box", boxes)
	}
	for _, c := range []struct{ lat, lon float64 }{{88.5, 0}, {-88.9, 10}, {10, 179.9}, {-5, -179.95}} {
		if box, ok := aroundKm(c.lat, c.lon, 100); ok {
			t.Errorf("%v: box %+v, want none", c, box)
		}
	}
}

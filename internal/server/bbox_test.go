package server

import (
	"math"
	"testing"
)

func TestBBoxContains(t *testing.T) {
	for _, c := range []struct {
		b        BBox
		lat, lon float64
		want     bool
	}{
		{BBox{20, 10, 30, 20}, 15, 25, true},
		{BBox{20, 10, 30, 20}, 10, 20, true},
		{BBox{20, 10, 30, 20}, 21, 25, false},
		{BBox{20, 10, 30, 20}, 15, 31, false},
		{BBox{170, -10, -170, 10}, 0, 175, true},
		{BBox{170, -10, -170, 10}, 0, -175, true},
		{BBox{170, -10, -170, 10}, 0, 0, false},
	} {
		if got := c.b.contains(c.lat, c.lon); got != c.want {
			t.Errorf("%+v contains (%g, %g): got %v, want %v", c.b, c.lat, c.lon, got, c.want)
		}
	}
}

// TestBBoxCircle checks that the circle handed to the store holds every
// corner of the box in the store's own measure (see store's where).
func TestBBoxCircle(t *testing.T) {
	for _, b := range []BBox{{20, 10, 30, 20}, {-5.99, 54.5, -5.8, 54.7}, {100, 60, 120, 80}, {-1, -1, 1, 1}} {
		c := b.circle()
		if c == nil {
			t.Fatalf("%+v: no circle", b)
		}
		cos := math.Max(0.01, math.Cos(c.Lat*math.Pi/180))
		for _, p := range [][2]float64{{b.MinLat, b.MinLon}, {b.MinLat, b.MaxLon}, {b.MaxLat, b.MinLon}, {b.MaxLat, b.MaxLon}} {
			dy, dx := (p[0]-c.Lat)*111.2, (p[1]-c.Lon)*111.2*cos
			if dy*dy+dx*dx > c.Km*c.Km {
				t.Errorf("%+v: corner %v outside the circle %+v", b, p, *c)
			}
			dlat := c.Km / 111.2
			dlon := c.Km / (111.2 * cos)
			if p[0] < c.Lat-dlat || p[0] > c.Lat+dlat || p[1] < c.Lon-dlon || p[1] > c.Lon+dlon {
				t.Errorf("%+v: corner %v outside the circle's box", b, p)
			}
		}
	}
	if c := (BBox{170, -10, -170, 10}).circle(); c != nil {
		t.Errorf("box across the antimeridian: got %+v, want no circle (a scan)", *c)
	}
}

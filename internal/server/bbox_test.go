package server

import (
	"net/url"
	"testing"

	"sitrep/internal/store"
)

func TestParseBBox(t *testing.T) {
	for _, c := range []struct {
		in   string
		want *store.BBox
	}{
		{"20,10,30,20", &store.BBox{MinLon: 20, MinLat: 10, MaxLon: 30, MaxLat: 20}},
		{"170,-10,-170,10", &store.BBox{MinLon: 170, MinLat: -10, MaxLon: -170, MaxLat: 10}},
		{"-180,-90,180,90", &store.BBox{MinLon: -180, MinLat: -90, MaxLon: 180, MaxLat: 90}},
		{"0,50,10,40", nil},
		{"0,0,200,10", nil},
		{"1,2,3", nil},
		{"NaN,0,1,1", nil},
	} {
		q, err := parseQuery(url.Values{"bbox": {c.in}})
		switch {
		case c.want == nil && err == nil:
			t.Errorf("bbox=%s: got %+v, want an error", c.in, q.f.BBox)
		case c.want != nil && err != nil:
			t.Errorf("bbox=%s: got %v, want %+v", c.in, err, *c.want)
		case c.want != nil && (q.f.BBox == nil || *q.f.BBox != *c.want):
			t.Errorf("bbox=%s: got %+v, want %+v", c.in, q.f.BBox, *c.want)
		}
	}
}

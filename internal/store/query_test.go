package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"sitrep/internal/incident"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

// spot is one synthetic incident of the query tests.
type spot struct {
	name     string
	date     string
	lat, lon float64
	end      string // the last day, when not date
}

// spots are far enough apart, or days apart, never to merge; three share
// a day so that the cursor's tie-break on id is exercised, and two lie
// either side of the antimeridian.
var spots = []spot{
	{"Nyala", "2024-02-12", 12.05, 24.88, ""},
	{"El Fasher", "2024-02-12", 13.63, 25.35, ""},
	{"Geneina", "2024-02-12", 13.45, 22.45, ""},
	{"Khartoum", "2024-02-10", 15.50, 32.56, ""},
	{"Port Sudan", "2024-02-09", 19.62, 37.22, ""},
	{"Suva", "2024-02-08", -18.14, 178.44, ""},
	{"Apia", "2024-02-07", -13.83, -171.76, ""},
	{"Kano", "2024-02-06", 12.00, 8.52, ""},
	{"Maiduguri", "2024-02-05", 11.85, 13.16, ""},
	{"Goma", "2024-02-04", -1.68, 29.22, "2024-02-09"},
}

// seedSpots stores one incident per spot and returns their ids by name.
func seedSpots(t *testing.T, db *store.DB) map[string]string {
	t.Helper()
	ctx := context.Background()
	ids := map[string]string{}
	for i, s := range spots {
		text := fmt.Sprintf("%s: gunmen attacked a market in %s on %s (report %d of %d about %s, %s), witnesses told %s reporters.",
			s.name, s.name, s.date, i, len(spots), s.name, s.date, s.name)
		ev := assault(s.date, s.name, s.lat, s.lon, 3)
		ev.Location.Admin1 = s.name
		if s.end != "" {
			ev.Date.End = sp(s.end)
		}
		d := doc("Attack in "+s.name, text, s.date, ev)
		if _, err := db.AddArticle(ctx, &store.ArticleInput{Input: s.name, Raw: []byte(text), Doc: d}); err != nil {
			t.Fatal(err)
		}
		ids[s.name] = incident.ID(d.Article.ID, "ev1")
	}
	assign(t, db)
	c, err := db.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Incidents != len(spots) {
		t.Fatalf("seed: got %d incidents, want %d", c.Incidents, len(spots))
	}
	return ids
}

func names(ids map[string]string, ins []*incident.Incident) []string {
	byID := map[string]string{}
	for n, id := range ids {
		byID[id] = n
	}
	var out []string
	for _, in := range ins {
		out = append(out, byID[in.ID])
	}
	return out
}

func TestFilterBBoxReviewed(t *testing.T) {
	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		ctx := context.Background()
		ids := seedSpots(t, db)
		if err := db.SetReviewed(ctx, ids["Kano"], true); err != nil {
			t.Fatal(err)
		}
		if err := db.SetReviewed(ctx, "nope", true); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("review an unknown id: got %v, want ErrNotFound", err)
		}
		yes, no := true, false
		for _, c := range []struct {
			name string
			f    store.Filter
			want []string
		}{
			{"Darfur", store.Filter{BBox: &store.BBox{MinLon: 21, MinLat: 11, MaxLon: 27, MaxLat: 15}}, []string{"El Fasher", "Geneina", "Nyala"}},
			{"edges included", store.Filter{BBox: &store.BBox{MinLon: 24.88, MinLat: 12.05, MaxLon: 24.88, MaxLat: 12.05}}, []string{"Nyala"}},
			{"across the antimeridian", store.Filter{BBox: &store.BBox{MinLon: 170, MinLat: -30, MaxLon: -170, MaxLat: 0}}, []string{"Suva", "Apia"}},
			{"not across", store.Filter{BBox: &store.BBox{MinLon: -170, MinLat: -30, MaxLon: 170, MaxLat: 0}}, []string{"Goma"}},
			{"box, type and dates", store.Filter{Type: "ASSAULT", Since: "2024-02-10", Until: "2024-02-12",
				BBox: &store.BBox{MinLon: 20, MinLat: 10, MaxLon: 40, MaxLat: 20}}, []string{"El Fasher", "Geneina", "Nyala", "Khartoum"}},
			{"reviewed", store.Filter{Reviewed: &yes}, []string{"Kano"}},
			{"unreviewed in Nigeria", store.Filter{Reviewed: &no, BBox: &store.BBox{MinLon: 3, MinLat: 4, MaxLon: 15, MaxLat: 14}}, []string{"Maiduguri"}},
		} {
			got, err := db.Incidents(ctx, c.f)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			g := names(ids, got)
			// Ties on a day come in id order, which the names do not
			// show: compare same-day runs as sets.
			if !sameNewestFirst(g, c.want) {
				t.Errorf("%s: got %v, want %v", c.name, g, c.want)
			}
		}
	})
}

// sameNewestFirst compares two lists of spot names, ignoring order
// within a day.
func sameNewestFirst(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	date := map[string]string{}
	for _, s := range spots {
		date[s.name] = s.date
	}
	key := func(l []string) []string {
		out := slices.Clone(l)
		slices.SortStableFunc(out, func(a, b string) int {
			if date[a] != date[b] {
				return -cmpString(date[a], date[b])
			}
			return cmpString(a, b)
		})
		return out
	}
	for i := range got {
		if date[got[i]] != date[want[i]] {
			return false
		}
	}
	return slices.Equal(key(got), key(want))
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestPageCursor(t *testing.T) {
	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		ctx := context.Background()
		ids := seedSpots(t, db)
		all, err := db.Incidents(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range []int{1, 2, 3, 4, len(spots), len(spots) + 1} {
			var walked []string
			f := store.Filter{Limit: size}
			for pages := 0; ; pages++ {
				if pages > len(spots)+1 {
					t.Fatalf("page size %d: the cursor never ends", size)
				}
				ins, next, err := db.Page(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if len(ins) > size {
					t.Fatalf("page size %d: got %d incidents", size, len(ins))
				}
				for _, in := range ins {
					walked = append(walked, in.ID)
				}
				if next == nil {
					break
				}
				f.After = next
			}
			var want []string
			for _, in := range all {
				want = append(want, in.ID)
			}
			if !slices.Equal(walked, want) {
				t.Errorf("page size %d: walked %v, want %v", size, walked, want)
			}
		}
		// With a since, incidents that start in the range come first,
		// then those that start before it and last into it (Goma), and
		// pages walk the two parts in turn.
		since := store.Filter{Since: "2024-02-08"}
		got, err := db.Incidents(ctx, since)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"El Fasher", "Geneina", "Nyala", "Khartoum", "Port Sudan", "Suva", "Goma"}
		if g := names(ids, got); !sameNewestFirst(g, want) {
			t.Errorf("since %s: got %v, want %v", since.Since, g, want)
		}
		var walked []string
		f := since
		f.Limit = 2
		for pages := 0; pages < 10; pages++ {
			ins, next, err := db.Page(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			walked = append(walked, names(ids, ins)...)
			if next == nil {
				break
			}
			f.After = next
		}
		if g := names(ids, got); !slices.Equal(walked, g) {
			t.Errorf("since %s by pages of 2: got %v, want %v", since.Since, walked, g)
		}

		// An incident added before the cursor does not shift the pages
		// after it, as an offset would.
		first, next, err := db.Page(ctx, store.Filter{Limit: 3})
		if err != nil || next == nil {
			t.Fatalf("first page: %v, next %v", err, next)
		}
		text := "Gunmen attacked a market in Juba on 2024-02-13, killing several people, officials said."
		ev := assault("2024-02-13", "Juba", 4.85, 31.58, 3)
		ev.Location.Admin1 = "Central Equatoria"
		d := doc("Attack in Juba", text, "2024-02-13", ev)
		if _, err := db.AddArticle(ctx, &store.ArticleInput{Input: "Juba", Raw: []byte(text), Doc: d}); err != nil {
			t.Fatal(err)
		}
		assign(t, db)
		second, _, err := db.Page(ctx, store.Filter{Limit: 3, After: next})
		if err != nil {
			t.Fatal(err)
		}
		if len(second) != 3 || second[0].ID != all[3].ID {
			t.Errorf("second page after an insert: got %v, want it to start at %s", names(ids, second), all[3].ID)
		}
		if names(ids, first)[0] == "" {
			t.Errorf("first page: got unknown incidents")
		}
		// Each walks every page.
		n := 0
		if err := db.Each(ctx, store.Filter{Type: "ASSAULT"}, func(*incident.Incident) error { n++; return nil }); err != nil || n != len(spots)+1 {
			t.Errorf("Each: got %d, %v, want %d", n, err, len(spots)+1)
		}
		n = 0
		if err := db.Each(ctx, store.Filter{Limit: 4}, func(*incident.Incident) error { n++; return nil }); err != nil || n != 4 {
			t.Errorf("Each with limit 4: got %d, %v, want 4", n, err)
		}
	})
}

func TestArticleRead(t *testing.T) {
	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		ctx := context.Background()
		d := doc("Air strike kills 17", body, "2024-02-13", assault("2024-02-12", "Nyala", 12.05, 24.88, 17))
		if _, err := db.AddArticle(ctx, &store.ArticleInput{Input: "a.html", Raw: []byte("<p>" + body), Doc: d}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddArticle(ctx, &store.ArticleInput{Input: "b.html", Raw: []byte("<div>" + body), Doc: d}); err != nil {
			t.Fatal(err)
		}
		assign(t, db)
		a, err := db.Article(ctx, d.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.Article.Text != body || a.Article.Title != "Air strike kills 17" {
			t.Errorf("article: got title %q and %d bytes of text, want the stored ones", a.Article.Title, len(a.Article.Text))
		}
		if len(a.Inputs) != 2 || a.Inputs[0].Input != "a.html" || a.Inputs[0].Relation != "original" || a.Inputs[1].Relation != store.Copy {
			t.Errorf("inputs: got %+v, want a.html original then b.html copy", a.Inputs)
		}
		if len(a.Incidents) != 1 || a.Incidents[0] != incident.ID(d.Article.ID, "ev1") {
			t.Errorf("incidents: got %v, want the one its event founded", a.Incidents)
		}
		if _, err := db.Article(ctx, "0000"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown article: got %v, want ErrNotFound", err)
		}
	})
}

func TestBBoxContains(t *testing.T) {
	for _, c := range []struct {
		b        store.BBox
		lat, lon float64
		want     bool
	}{
		{store.BBox{MinLon: 20, MinLat: 10, MaxLon: 30, MaxLat: 20}, 15, 25, true},
		{store.BBox{MinLon: 20, MinLat: 10, MaxLon: 30, MaxLat: 20}, 10, 20, true},
		{store.BBox{MinLon: 20, MinLat: 10, MaxLon: 30, MaxLat: 20}, 21, 25, false},
		{store.BBox{MinLon: 20, MinLat: 10, MaxLon: 30, MaxLat: 20}, 15, 31, false},
		{store.BBox{MinLon: 170, MinLat: -10, MaxLon: -170, MaxLat: 10}, 0, 175, true},
		{store.BBox{MinLon: 170, MinLat: -10, MaxLon: -170, MaxLat: 10}, 0, -175, true},
		{store.BBox{MinLon: 170, MinLat: -10, MaxLon: -170, MaxLat: 10}, 0, 0, false},
	} {
		if got := c.b.Contains(c.lat, c.lon); got != c.want {
			t.Errorf("%+v contains (%g, %g): got %v, want %v", c.b, c.lat, c.lon, got, c.want)
		}
	}
}

package store_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"

	"sitrep/internal/incident"
	"sitrep/internal/model"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

// The contract suite: every test runs on SQLite and, when a server is
// reachable, on PostgreSQL.

func sp(s string) *string { return &s }
func ip(i int) *int       { return &i }

// doc builds a document with one body and the given events.
func doc(title, text, published string, evs ...*model.Event) *model.Document {
	sum := sha256.Sum256([]byte(text))
	a := &model.Article{ID: hex.EncodeToString(sum[:16]), Title: title, Text: text, Language: "en",
		Outlet: sp("Test Wire"), Titles: []string{}}
	if published != "" {
		a.Published = sp(published)
	}
	for i, ev := range evs {
		if ev.ID == "" {
			ev.ID = fmt.Sprintf("ev%d", i+1)
		}
		ev.Evidence = []model.Evidence{{Sentence: 0, Start: 0, End: min(len(text), 20), Trigger: "x"}}
	}
	return &model.Document{Schema: model.Schema, Article: a, Entities: []*model.Entity{
		{ID: "e1", Text: "Nyala", Kind: model.KindPlace, Mentions: []model.Span{{Start: 0, End: 5}}},
	}, Events: evs}
}

func assault(date, place string, lat, lon float64, killed int) *model.Event {
	return &model.Event{Type: "ASSAULT", Mode: sp("aerial"), CAMEO: "195", Modality: model.Asserted, Confidence: 0.8,
		Date:     &model.Date{Text: "Monday", Start: sp(date), End: sp(date), Precision: model.DateDay},
		Location: &model.Place{Text: place, Name: place, GeonameID: ip(int(lat * 1000)), Lat: lat, Lon: lon, Country: "SD", Admin1: "Southern Darfur", Precision: model.PrecCity},
		Counts:   model.Counts{Killed: &model.Range{Min: killed, Max: ip(killed), Text: fmt.Sprint(killed)}}}
}

const body = `Sudanese army warplanes bombed a crowded livestock market in Nyala, the largest city in the Darfur region, on Monday, killing at least 17 civilians and wounding 43 others, a local medical group said. The strike hit the market on the eastern edge of the city shortly after midday prayers, when traders from surrounding villages had gathered to sell camels, cattle and goats. Residents said two aircraft circled over the city for several minutes before dropping at least three bombs.`

func TestMigrationsIdempotent(t *testing.T) {
	storetest.Run(t, func(t *testing.T, dsn string, db *store.DB) {
		db2 := storetest.Open(t, dsn)
		c, err := db2.Counts(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if c != (store.Counts{}) {
			t.Errorf("counts of a new database: got %+v, want zero", c)
		}
		if err := db.Check(context.Background()); err != nil {
			t.Error(err)
		}
	})
}

func TestAddArticleIdempotent(t *testing.T) {
	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		ctx := context.Background()
		d := doc("Air strike kills 17", body, "2024-02-13", assault("2024-02-12", "Nyala", 12.05, 24.88, 17))
		raw := []byte("<html>" + body + "</html>")
		res, err := db.AddArticle(ctx, &store.ArticleInput{Input: "a.html", Raw: raw, Doc: d})
		if err != nil {
			t.Fatal(err)
		}
		if res.Outcome != store.New || res.Events != 1 {
			t.Fatalf("first add: got %+v, want new with 1 event", res)
		}
		before, _ := db.Counts(ctx)
		res, err = db.AddArticle(ctx, &store.ArticleInput{Input: "again.html", Raw: raw, Doc: d})
		if err != nil {
			t.Fatal(err)
		}
		if res.Outcome != store.Duplicate || res.Article != d.Article.ID {
			t.Errorf("same bytes again: got %+v, want duplicate of %s", res, d.Article.ID)
		}
		after, _ := db.Counts(ctx)
		if after != before {
			t.Errorf("counts after a duplicate: got %+v, want %+v", after, before)
		}
		ok, err := db.HasRaw(ctx, store.RawHash(raw))
		if err != nil || !ok {
			t.Errorf("HasRaw: got %v, %v, want true", ok, err)
		}
		back, err := db.Raw(ctx, store.RawHash(raw))
		if err != nil || !bytes.Equal(back, raw) {
			t.Errorf("raw round trip: got %q, %v, want %q", back, err, raw)
		}

		// Other bytes, the same body: another source of the article.
		res, err = db.AddArticle(ctx, &store.ArticleInput{Input: "b.html", Raw: []byte("<html><nav>x</nav>" + body + "</html>"), Doc: d})
		if err != nil {
			t.Fatal(err)
		}
		if res.Outcome != store.Copy || res.Article != d.Article.ID {
			t.Errorf("same body, other page: got %+v, want copy of %s", res, d.Article.ID)
		}

		// A syndicated version: another headline, a changed dateline, a
		// line added.
		synd := "NYALA, Sudan (Wire) — " + strings.Replace(body, "a local medical group said", "a medical group said on Tuesday", 1) + " The army did not respond to a request for comment."
		d2 := doc("Darfur market bombing toll rises", synd, "2024-02-13", assault("2024-02-12", "Nyala", 12.05, 24.88, 17))
		res, err = db.AddArticle(ctx, &store.ArticleInput{Input: "c.html", Raw: []byte(synd), Doc: d2})
		if err != nil {
			t.Fatal(err)
		}
		if res.Outcome != store.Near || res.Article != d.Article.ID {
			t.Errorf("syndicated copy: got %+v, want near duplicate of %s", res, d.Article.ID)
		}

		// A different story is new.
		other := "Police in Khartoum arrested twelve protesters on Sunday after a march against rising bread prices turned violent near the central market, witnesses said."
		res, err = db.AddArticle(ctx, &store.ArticleInput{Input: "d.txt", Raw: []byte(other), Doc: doc("Arrests in Khartoum", other, "2024-02-11")})
		if err != nil {
			t.Fatal(err)
		}
		if res.Outcome != store.New {
			t.Errorf("a different story: got %+v, want new", res)
		}
		c, _ := db.Counts(ctx)
		want := store.Counts{Articles: 2, ArticleSources: 4, Entities: 2, Events: 1}
		if c != want {
			t.Errorf("counts: got %+v, want %+v", c, want)
		}
		if err := db.Check(ctx); err != nil {
			t.Error(err)
		}
	})
}

// assign places every pending event as the ingest package does, so the
// store's half can be tested alone.
func assign(t *testing.T, db *store.DB) {
	t.Helper()
	ctx := context.Background()
	err := db.Update(ctx, func(tx *store.Tx) error {
		ms, err := tx.PendingEvents(ctx, 1000)
		if err != nil {
			return err
		}
		for _, m := range ms {
			cands, err := tx.Candidates(ctx, m)
			if err != nil {
				return err
			}
			d := incident.Decide(m, cands)
			switch {
			case d.Skip:
				err = tx.SkipEvent(ctx, m.Article, m.Event.ID)
			case d.Join == nil:
				seq, err2 := tx.NextIncidentSeq(ctx)
				if err2 != nil {
					return err2
				}
				err = tx.SaveIncident(ctx, incident.New(m, seq), nil)
			default:
				m.Reason, m.Score = d.Reason, d.Score
				for _, o := range d.Absorb {
					d.Join.Absorb(o, "merged")
				}
				d.Join.Add(m)
				err = tx.SaveIncident(ctx, d.Join, d.Absorb)
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestIncidentsQuery(t *testing.T) {
	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		ctx := context.Background()
		add := func(input, title, text, published string, evs ...*model.Event) string {
			d := doc(title, text, published, evs...)
			d.Article.Outlet = sp(input)
			if _, err := db.AddArticle(ctx, &store.ArticleInput{Input: input, Raw: []byte(text), Doc: d}); err != nil {
				t.Fatal(err)
			}
			return d.Article.ID
		}
		a1 := add("one", "Strike on Nyala market", "Warplanes bombed the livestock market in Nyala on Monday, killing 17 people.", "2024-02-12",
			assault("2024-02-12", "Nyala", 12.05, 24.88, 17))
		add("two", "Nyala toll rises", "The toll from Monday's air raid on a market in Nyala rose to 21, hospital staff said on Tuesday.", "2024-02-13",
			assault("2024-02-12", "Nyala", 12.06, 24.90, 21))
		add("three", "Raid in El Fasher", "An air raid hit a camp for displaced people in El Fasher on Monday, killing five.", "2024-02-12",
			assault("2024-02-12", "El Fasher", 13.63, 25.35, 5))
		assign(t, db)

		all, err := db.Incidents(ctx, store.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(all) != 2 {
			t.Fatalf("incidents: got %d, want 2 (Nyala reports merged, El Fasher apart)", len(all))
		}
		nyala, _, err := db.Incident(ctx, incident.ID(a1, "ev1"))
		if err != nil {
			t.Fatal(err)
		}
		rec := nyala.Record()
		if len(rec.Sources) != 2 {
			t.Errorf("Nyala sources: got %d, want 2", len(rec.Sources))
		}
		if k := rec.Counts.Killed; k == nil || k.Min != 17 {
			t.Errorf("Nyala killed: got %+v, want the conservative 17", k)
		}
		if rec.Sources[1].Joined == "" {
			t.Errorf("second source: no reason given for joining")
		}

		for _, c := range []struct {
			name string
			f    store.Filter
			want int
		}{
			{"type", store.Filter{Type: "ASSAULT"}, 2},
			{"other type", store.Filter{Type: "PROTEST"}, 0},
			{"country", store.Filter{Country: "sd"}, 2},
			{"since after", store.Filter{Since: "2024-02-13"}, 0},
			{"until before", store.Filter{Until: "2024-02-11"}, 0},
			{"day", store.Filter{Since: "2024-02-12", Until: "2024-02-12"}, 2},
			{"near Nyala", store.Filter{Near: &store.Circle{Lat: 12.05, Lon: 24.88, Km: 20}}, 1},
			{"near both", store.Filter{Near: &store.Circle{Lat: 12.8, Lon: 25.1, Km: 200}}, 2},
			{"text", store.Filter{Q: "displaced camp"}, 1},
			{"text, any report", store.Filter{Q: "hospital staff"}, 1},
			{"text, none", store.Filter{Q: "earthquake"}, 0},
			{"limit", store.Filter{Limit: 1}, 1},
			{"after the first", store.Filter{After: &store.Cursor{Date: "2024-02-12", ID: "~"}}, 2},
		} {
			got, err := db.Incidents(ctx, c.f)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if len(got) != c.want {
				t.Errorf("%s: got %d incidents, want %d", c.name, len(got), c.want)
			}
		}
		n := 0
		if err := db.Each(ctx, store.Filter{}, func(*incident.Incident) error { n++; return nil }); err != nil || n != 2 {
			t.Errorf("Each: got %d, %v, want 2", n, err)
		}
		if _, _, err := db.Incident(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown id: got %v, want ErrNotFound", err)
		}
	})
}

func TestIncidentRedirect(t *testing.T) {
	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		ctx := context.Background()
		// Two reports of one happening that first look apart (an undated
		// one, a dated one 30 km off), then a report that fits both
		// firmly... is hard to stage through Decide; merge by hand.
		d1 := doc("A", "Gunmen attacked a village near Nyala on Monday.", "2024-02-12", assault("2024-02-12", "Nyala", 12.05, 24.88, 3))
		d2 := doc("B", "Gunmen attacked a village outside Nyala on Monday, killing four.", "2024-02-12", assault("2024-02-12", "Nyala", 12.05, 24.88, 4))
		for i, d := range []*model.Document{d1, d2} {
			if _, err := db.AddArticle(ctx, &store.ArticleInput{Input: fmt.Sprint(i), Raw: []byte(d.Article.Text), Doc: d}); err != nil {
				t.Fatal(err)
			}
		}
		var first, second *incident.Incident
		err := db.Update(ctx, func(tx *store.Tx) error {
			ms, err := tx.PendingEvents(ctx, 10)
			if err != nil {
				return err
			}
			if len(ms) != 2 {
				return fmt.Errorf("pending: got %d, want 2", len(ms))
			}
			first, second = incident.New(ms[0], 1), incident.New(ms[1], 2)
			if err := tx.SaveIncident(ctx, first, nil); err != nil {
				return err
			}
			return tx.SaveIncident(ctx, second, nil)
		})
		if err != nil {
			t.Fatal(err)
		}
		err = db.Update(ctx, func(tx *store.Tx) error {
			first.Absorb(second, "test")
			return tx.SaveIncident(ctx, first, []*incident.Incident{second})
		})
		if err != nil {
			t.Fatal(err)
		}
		got, via, err := db.Incident(ctx, second.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != first.ID || via != first.ID || len(got.Members) != 2 {
			t.Errorf("absorbed id: got %s via %q with %d members, want %s with 2", got.ID, via, len(got.Members), first.ID)
		}
		c, _ := db.Counts(ctx)
		if c.Incidents != 1 || c.Redirects != 1 || c.IncidentEvents != 2 {
			t.Errorf("counts: got %+v, want 1 incident, 1 redirect, 2 incident events", c)
		}
	})
}

package store_test

import (
	"context"
	"testing"

	"sitrep/internal/incident"
	"sitrep/internal/model"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

// TestArticleVersions reads one URL three times: first 17 killed, then a
// correction to 21 with a second event, then a retraction with no
// events.
func TestArticleVersions(t *testing.T) {
	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		ctx := context.Background()
		const u = "https://wire.example/2024/02/nyala-strike"
		add := func(input, text string, evs ...*model.Event) (*model.Document, store.AddResult) {
			t.Helper()
			d := doc("Strike on Nyala market", text, "2024-02-12", evs...)
			d.Article.URL = sp(u)
			res, err := db.AddArticle(ctx, &store.ArticleInput{Input: input, Raw: []byte(text), Doc: d})
			if err != nil {
				t.Fatal(err)
			}
			return d, res
		}
		v1, res := add("v1.html", body, assault("2024-02-12", "Nyala", 12.05, 24.88, 17))
		if res.Outcome != store.New {
			t.Fatalf("first version: got %s, want new", res.Outcome)
		}
		assign(t, db)
		id := incident.ID(v1.Article.ID, "ev1")

		protest := &model.Event{Type: "PROTEST", CAMEO: "141", Modality: model.Asserted, Confidence: 0.7,
			Date:     &model.Date{Text: "Tuesday", Start: sp("2024-02-13"), End: sp("2024-02-13"), Precision: model.DateDay},
			Location: &model.Place{Text: "Nyala", Name: "Nyala", Lat: 12.05, Lon: 24.88, Country: "SD", Precision: model.PrecCity}}
		corrected := body + " Correction: the toll has risen to 21, hospital staff said, and hundreds protested on Tuesday."
		v2, res := add("v2.html", corrected, assault("2024-02-12", "Nyala", 12.05, 24.88, 21), protest)
		if res.Outcome != store.Version || res.Previous != v1.Article.ID || res.Updated != 1 {
			t.Fatalf("corrected version: got %+v, want a version of %s updating 1 incident", res, v1.Article.ID)
		}
		in, _, err := db.Incident(ctx, id)
		if err != nil {
			t.Fatalf("the incident after the correction: %v", err)
		}
		rec := in.Record()
		if len(rec.Sources) != 1 || rec.Sources[0].Article != v2.Article.ID {
			t.Errorf("sources after the correction: got %d, first %+v, want one, of the new version", len(rec.Sources), rec.Sources)
		}
		if k := rec.Counts.Killed; k == nil || k.Min != 21 {
			t.Errorf("killed after the correction: got %+v, want 21", k)
		}
		assign(t, db)
		c, err := db.Counts(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if c.Articles != 2 || c.Events != 3 || c.Incidents != 2 || c.IncidentEvents != 2 {
			t.Errorf("counts after the correction: got %+v, want 2 articles (history kept), 3 events, 2 incidents of 1 event each", c)
		}
		a, err := db.Article(ctx, v1.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.Version != 1 || a.SupersededBy == nil || *a.SupersededBy != v2.Article.ID || len(a.Versions) != 2 || len(a.Incidents) != 0 {
			t.Errorf("first version: got version %d superseded by %v, versions %v, incidents %v; want 1 superseded by %s, 2 versions, no incidents",
				a.Version, a.SupersededBy, a.Versions, a.Incidents, v2.Article.ID)
		}
		// The first version's input again is a duplicate, not a third
		// version.
		if res, err := db.AddArticle(ctx, &store.ArticleInput{Input: "v1.html", Raw: []byte(body), Doc: v1}); err != nil || res.Outcome != store.Duplicate {
			t.Errorf("first version again: got %+v, %v, want duplicate", res, err)
		}

		// A retraction with no events empties the incidents it fed.
		_, res = add("v3.html", "Retraction: an earlier report of a strike on Nyala market was wrong and has been withdrawn.")
		if res.Outcome != store.Version || res.Updated != 2 {
			t.Errorf("retraction: got %+v, want a version updating 2 incidents", res)
		}
		if _, _, err := db.Incident(ctx, id); err == nil {
			t.Errorf("incident %s after the retraction: still there, want gone", id)
		}
		a, err = db.Article(ctx, v2.Article.ID)
		if err != nil {
			t.Fatal(err)
		}
		if a.Version != 2 || len(a.Versions) != 3 {
			t.Errorf("second version: got version %d of %v, want 2 of 3", a.Version, a.Versions)
		}
		if err := db.Check(ctx); err != nil {
			t.Error(err)
		}
	})
}

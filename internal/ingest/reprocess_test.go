package ingest_test

import (
	"context"
	"os"
	"testing"
	"time"

	"sitrep/internal/ingest"
	"sitrep/internal/store"
	"sitrep/internal/store/storetest"
)

func TestReprocessUnchanged(t *testing.T) {
	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		run(t, db, []string{dir}, ingest.Options{})
		sum, err := ingest.Reprocess(context.Background(), db, extractor(t), nil)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Inputs == 0 || sum.Differ != 0 || sum.Failed != 0 || sum.Added+sum.Removed+sum.Changed != 0 {
			t.Errorf("same sitrep: got %s, want every input read and nothing changed", sum)
		}
	})
}

// TestReprocessChanged stores a report as an "older sitrep" read it,
// with one event fewer, one too many and one with another confidence,
// and checks that reading it again reports each.
func TestReprocessChanged(t *testing.T) {
	storetest.Run(t, func(t *testing.T, _ string, db *store.DB) {
		ctx := context.Background()
		x := extractor(t)
		raw, err := os.ReadFile(wire)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := x.Extract(raw, "", time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Events) < 2 {
			t.Fatalf("%s: got %d events, want 2 or more to tamper with", wire, len(doc.Events))
		}
		gone := *doc.Events[len(doc.Events)-1]
		doc.Events = doc.Events[:len(doc.Events)-1]
		extra := gone
		extra.ID = "ev-older"
		doc.Events = append(doc.Events, &extra)
		doc.Events[0].Confidence /= 2
		if _, err := db.AddArticle(ctx, &store.ArticleInput{Input: "older.html", Raw: raw, Doc: doc}); err != nil {
			t.Fatal(err)
		}
		var changes []ingest.Change
		got, err := ingest.Reprocess(ctx, db, x, func(c ingest.Change) { changes = append(changes, c) })
		if err != nil {
			t.Fatal(err)
		}
		want := ingest.ReprocessSummary{Inputs: 1, Differ: 1, Added: 1, Removed: 1, Changed: 1}
		if got != want {
			t.Errorf("older reading: got %s, want %s", got, want)
		}
		if len(changes) != 1 || changes[0].Input != "older.html" || changes[0].Article != doc.Article.ID {
			t.Errorf("changes: got %+v, want one for older.html", changes)
		}
	})
}

package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"sitrep/internal/model"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

// Change is what reading one stored input again changed.
type Change struct {
	// Article is the stored article; Input the input it came from.
	Article, Input string
	// Added, Removed and Changed count the events the current extractor
	// finds that the stored ones lack, the stored ones it no longer
	// finds, and those it finds with other content. Events are matched
	// by id.
	Added, Removed, Changed int
	// Err is why the input could not be read again, if it could not.
	Err error
}

// ReprocessSummary totals a Reprocess.
type ReprocessSummary struct {
	// Inputs is the number of stored inputs read again; Differ those
	// whose events changed; Failed those that could not be read.
	Inputs, Differ, Failed int
	// Added, Removed and Changed total the events of every input.
	Added, Removed, Changed int
}

func (s ReprocessSummary) String() string {
	return fmt.Sprintf("%d inputs, %d changed, %d failed; events: %d added, %d removed, %d changed",
		s.Inputs, s.Differ, s.Failed, s.Added, s.Removed, s.Changed)
}

// Reprocess reads the original input of every stored article again with
// x and compares the events it finds with the stored ones, calling each,
// if not nil, for every input whose events differ or that fails. It
// reports and changes nothing in the store: applying the new reading is
// the job of article versions, still to come.
func Reprocess(ctx context.Context, db *store.DB, x *pipeline.Extractor, each func(Change)) (ReprocessSummary, error) {
	var sum ReprocessSummary
	origs, err := db.Originals(ctx)
	if err != nil {
		return sum, err
	}
	for _, o := range origs {
		if err := ctx.Err(); err != nil {
			return sum, err
		}
		sum.Inputs++
		c := reprocessOne(ctx, db, x, o)
		if c.Err != nil {
			sum.Failed++
		} else if c.Added+c.Removed+c.Changed > 0 {
			sum.Differ++
		}
		sum.Added += c.Added
		sum.Removed += c.Removed
		sum.Changed += c.Changed
		if each != nil && (c.Err != nil || c.Added+c.Removed+c.Changed > 0) {
			each(c)
		}
	}
	return sum, nil
}

// reprocessOne reads one original again and compares.
func reprocessOne(ctx context.Context, db *store.DB, x *pipeline.Extractor, o store.Original) (c Change) {
	c = Change{Article: o.Article, Input: o.Input}
	defer func() {
		if p := recover(); p != nil {
			c.Err = fmt.Errorf("extraction failed: %v", p)
		}
	}()
	raw, err := db.Raw(ctx, o.RawHash)
	if err != nil {
		c.Err = err
		return c
	}
	old, err := db.ArticleEvents(ctx, o.Article)
	if err != nil {
		c.Err = err
		return c
	}
	pageURL := ""
	if o.URL != nil {
		pageURL = *o.URL
	}
	var published time.Time
	if o.Published != nil {
		published, _ = time.Parse(time.DateOnly, *o.Published)
	}
	doc, err := x.Extract(raw, pageURL, published)
	if err != nil {
		c.Err = fmt.Errorf("extract %s: %w", o.Input, err)
		return c
	}
	c.Added, c.Removed, c.Changed = diffEvents(old, doc.Events)
	return c
}

// diffEvents counts the events of now missing from was (added), those of
// was missing from now (removed), and those in both with other content
// (changed), matching them by id.
func diffEvents(was, now []*model.Event) (added, removed, changed int) {
	byID := map[string][]byte{}
	for _, e := range was {
		b, _ := json.Marshal(e)
		byID[e.ID] = b
	}
	seen := map[string]bool{}
	for _, e := range now {
		seen[e.ID] = true
		old, ok := byID[e.ID]
		if !ok {
			added++
			continue
		}
		if b, _ := json.Marshal(e); !bytes.Equal(b, old) {
			changed++
		}
	}
	for id := range byID {
		if !seen[id] {
			removed++
		}
	}
	return added, removed, changed
}

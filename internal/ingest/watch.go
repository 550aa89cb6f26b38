package ingest

import (
	"context"
	"errors"
	"slices"
	"time"

	"sitrep/internal/fetch"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

// ErrNoFeeds is returned by Watch when no input is or lists a feed.
var ErrNoFeeds = errors.New("nothing to watch: no input is a feed or lists one")

// Watch ingests inputs as Run does, then polls the feeds found among them
// (given by URL or listed in OPML) every interval, with conditional GET,
// ingesting the items it has not seen, until ctx is done. It returns the
// sum of every pass; ctx ending is no error. opt.Polled hears of each
// pass.
func Watch(ctx context.Context, db *store.DB, x *pipeline.Extractor, inputs []string, every time.Duration, opt Options) (Summary, error) {
	if opt.Fetcher == nil {
		opt.Fetcher = fetch.NewFetcher(opt.Fetch)
	}
	opt.feeds = newFeedState()
	var total Summary
	for poll := 0; ; poll++ {
		sum, err := Run(ctx, db, x, inputs, opt)
		total.add(sum)
		if ctx.Err() != nil {
			return total, nil
		}
		if err != nil {
			return total, err
		}
		if opt.Polled != nil {
			opt.Polled(poll, sum)
		}
		if len(opt.feeds.order) == 0 {
			return total, ErrNoFeeds
		}
		inputs = slices.Clone(opt.feeds.order)
		opt.Reports = nil
		t := time.NewTimer(every)
		select {
		case <-ctx.Done():
			t.Stop()
			return total, nil
		case <-t.C:
		}
	}
}

// add adds o's counts to s.
func (s *Summary) add(o Summary) {
	s.New += o.New
	s.Duplicate += o.Duplicate
	s.Copies += o.Copies
	s.Failed += o.Failed
	s.Events += o.Events
	s.Incidents += o.Incidents
	s.Merged += o.Merged
}

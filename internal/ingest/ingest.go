// Package ingest reads many reports into the store: files, directories
// (recursively), WARC archives (package warc), http(s) URLs fetched
// politely (robots.txt, a per-host interval: fetch.Fetcher), and RSS,
// Atom and JSON feeds, by URL or listed in OPML, whose items' pages are
// fetched in turn (package feed); Watch polls the feeds on an interval
// with conditional GET. Extraction runs on every core; one
// writer stores the results in input order, so that the same inputs give
// the same database whatever the number of workers, and then places each
// new event in an incident (package incident). An input stored before is
// recognised by the hash of its bytes and not extracted again; a failed
// input is reported and skipped.
//
// Every article is stored in one transaction and its events wait, marked
// pending, until they are placed in incidents; a run that is killed
// leaves whole articles only, and the next run places whatever was left
// pending before it reads anything new.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"sitrep/internal/fetch"
	"sitrep/internal/incident"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

// Version is the sitrep version recorded beside what ingest writes. The
// build may set it with -ldflags "-X sitrep/internal/ingest.Version=...";
// otherwise it is the main module's version, or "dev".
var Version = ""

// SitrepVersion returns Version, or the build's module version.
func SitrepVersion() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// MaxInput is the largest report ingest reads from a file.
const MaxInput = 16 << 20

// Extensions are the file name endings ingest reads in a directory.
var Extensions = []string{".html", ".htm", ".txt", ".warc", ".warc.gz"}

// Options tune Run.
type Options struct {
	// Workers is the number of extraction workers; zero means one per
	// CPU.
	Workers int
	// Published is the reference date for relative dates in reports that
	// carry no publication date; the zero time means none.
	Published time.Time
	// Fetch tunes fetching URLs.
	Fetch fetch.Options
	// Fetcher fetches URLs; nil means a new one made with Fetch. Share one
	// across runs to keep robots.txt and the per-host intervals.
	Fetcher *fetch.Fetcher
	// Failed is called, from the writer goroutine, for every input that
	// could not be read, extracted or stored.
	Failed func(input string, err error)
	// Stored is called, from the writer goroutine, after every input
	// stored or recognised as stored.
	Stored func(input string, res store.AddResult)
	// Polled is called by Watch after each pass over the inputs (pass 0)
	// and after each poll of the feeds (1, 2, ...), with what it did.
	Polled func(poll int, s Summary)
	// Progress is called, from the writer goroutine, after every input
	// is written, with how many are done and how many have been found.
	Progress func(Progress)
	// Reports are reports already in memory, such as ones a program
	// embeds, read before the inputs as if each were a file named Name.
	// Watch reads them on its first pass only.
	Reports []Report

	// feeds is what is known of feeds; Watch keeps it across polls.
	feeds *feedState
}

// Progress is how far a run has got: Done of the Found inputs are
// written; Walked is set once every input has been found (directories
// walked, archives and feeds read), so that Found is the total.
type Progress struct {
	Done, Found int
	Walked      bool
}

// Summary counts what a run did.
type Summary struct {
	// New is the number of reports stored as new articles.
	New int `json:"new"`
	// Duplicate is the number of inputs that added no article: stored
	// before byte for byte, the same body, or a near duplicate.
	Duplicate int `json:"duplicate"`
	// Copies is the part of Duplicate recorded as another source of an
	// article (the same body on another page, or a syndicated copy).
	Copies int `json:"copies"`
	// Versions is the part of New that is a new version of a stored
	// article: the same URL with other content.
	Versions int `json:"versions"`
	// Failed is the number of inputs that failed.
	Failed int `json:"failed"`
	// Events is the number of events stored.
	Events int `json:"events"`
	// Incidents is the number of incidents founded.
	Incidents int `json:"incidents"`
	// Merged is the number of events that joined an existing incident.
	Merged int `json:"merged"`
}

// String is the summary line.
func (s Summary) String() string {
	v := ""
	if s.Versions > 0 {
		v = fmt.Sprintf(" (%d a new version of a stored one)", s.Versions)
	}
	return fmt.Sprintf("new %d%s, duplicate %d (%d as another source), failed %d, events %d, incidents %d (%d events joined one)",
		s.New, v, s.Duplicate, s.Copies, s.Failed, s.Events, s.Incidents, s.Merged)
}

// Report is a report held in memory: its bytes, and the name it is
// stored under as its input.
type Report struct {
	Name string
	Body []byte
}

// job is one input and its place in input order.
type job struct {
	i     int
	input string
	err   error // set when the input failed before reading (a bad directory)

	raw       []byte    // the input, when already read (a WARC record, a fetched page)
	pageURL   string    // the page's URL, when known
	published time.Time // the reference date, when the source gives one
}

// result is what a worker made of a job.
type result struct {
	job
	in   *store.ArticleInput // the input extracted and prepared for storing
	seen bool                // stored before, byte for byte
}

// Run ingests inputs into db. It returns an error only when the store
// fails; inputs that fail are counted and reported through opt.Failed.
func Run(ctx context.Context, db *store.DB, x *pipeline.Extractor, inputs []string, opt Options) (Summary, error) {
	var sum Summary
	// Finish what a killed run left pending.
	st, err := Assign(ctx, db)
	if err != nil {
		return sum, err
	}
	sum.Incidents += st.Incidents
	sum.Merged += st.Merged

	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	if opt.Fetcher == nil {
		opt.Fetcher = fetch.NewFetcher(opt.Fetch)
	}
	if opt.feeds == nil {
		opt.feeds = newFeedState()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// window bounds the jobs between the producer and the writer, so that
	// a slow input holds back at most this many finished ones; it is
	// wider than a batch, so that the workers go on while one is written.
	window := make(chan struct{}, max(2*maxBatch, 8*workers))
	jobs := make(chan job)
	results := make(chan result, workers)
	var found atomic.Int64
	var walked atomic.Bool
	go func() {
		defer close(jobs)
		defer walked.Store(true)
		i := 0
		send := func(j job) bool {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return false
			}
			j.i = i
			i++
			found.Add(1)
			select {
			case jobs <- j:
				return true
			case <-ctx.Done():
				return false
			}
		}
		for _, rep := range opt.Reports {
			if !send(job{input: rep.Name, raw: rep.Body}) {
				return
			}
		}
		for _, in := range inputs {
			if !expand(ctx, in, opt, send) {
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r := work(ctx, db, x, j, opt)
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	// The writer: results in input order, in batches (see maxBatch).
	held := map[int]result{}
	next := 0
	open := true
	for open {
		r, ok := <-results
		if !ok {
			break
		}
		held[r.i] = r
		// Whatever else is waiting joins the batch.
	drain:
		for len(held) < maxBatch {
			select {
			case r, ok := <-results:
				if !ok {
					open = false
					break drain
				}
				held[r.i] = r
			default:
				break drain
			}
		}
		var batch []result
		for len(batch) < maxBatch {
			r, ok := held[next]
			if !ok {
				break
			}
			delete(held, next)
			next++
			batch = append(batch, r)
		}
		if len(batch) == 0 {
			continue
		}
		if err := writeBatch(ctx, db, batch, opt, &sum); err != nil {
			return sum, err
		}
		for k := range batch {
			<-window
			if opt.Progress != nil {
				// Walked is read before Found: once walked, Found is
				// final.
				w := walked.Load()
				opt.Progress(Progress{Done: next - len(batch) + k + 1, Found: int(found.Load()), Walked: w})
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	if len(held) > 0 {
		return sum, fmt.Errorf("ingest: %d results left unwritten", len(held))
	}
	if opt.Progress != nil {
		// Every worker is done, so the producer is too.
		opt.Progress(Progress{Done: next, Found: int(found.Load()), Walked: true})
	}
	return sum, nil
}

// maxBatch is the most results the writer stores in one transaction,
// with the placing of their events. A transaction per report spent more
// on committing than on storing it; a batch is whatever the workers
// finished while the last one was written, so a slow trickle of inputs
// is still stored one by one as it comes.
const maxBatch = 32

// writeBatch stores a batch of results and places their events in
// incidents, in one transaction, and then reports each.
func writeBatch(ctx context.Context, db *store.DB, batch []result, opt Options, sum *Summary) error {
	res := make([]store.AddResult, len(batch))
	var st AssignStats
	err := db.Update(ctx, func(tx *store.Tx) error {
		st = AssignStats{}
		placing := false
		for i, r := range batch {
			res[i] = store.AddResult{}
			if r.err != nil || r.seen {
				continue
			}
			var err error
			res[i], err = tx.AddArticle(ctx, r.in)
			if err != nil {
				// A store that fails on one article fails on the next:
				// stop.
				return err
			}
			if (res[i].Outcome == store.New || res[i].Outcome == store.Version) && res[i].Events > 0 {
				placing = true
			}
		}
		if !placing {
			return nil
		}
		var err error
		st, err = assignTx(ctx, tx)
		return err
	})
	if err != nil {
		return err
	}
	sum.Incidents += st.Incidents
	sum.Merged += st.Merged
	for i, r := range batch {
		switch {
		case r.err != nil:
			sum.Failed++
			if opt.Failed != nil {
				opt.Failed(r.input, r.err)
			}
			continue
		case r.seen:
			sum.Duplicate++
			res[i] = store.AddResult{Outcome: store.Duplicate}
		default:
			switch res[i].Outcome {
			case store.New, store.Version:
				sum.New++
				sum.Events += res[i].Events
				if res[i].Outcome == store.Version {
					sum.Versions++
				}
			case store.Duplicate:
				sum.Duplicate++
			default:
				sum.Duplicate++
				sum.Copies++
			}
		}
		if opt.Stored != nil {
			opt.Stored(r.input, res[i])
		}
	}
	return nil
}

// expand sends the files of one input: itself, or for a directory every
// file under it with one of Extensions, in lexical order. It returns
// false when send was refused.
func expand(ctx context.Context, in string, opt Options, send func(job) bool) bool {
	if isURL(in) {
		return expandURL(ctx, in, opt, send)
	}
	st, err := os.Stat(in)
	if err != nil || !st.IsDir() {
		if err == nil {
			return expandFile(ctx, in, opt, send)
		}
		return send(job{input: in}) // the worker reports what is wrong
	}
	ok := true
	err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			if !send(job{input: p, err: unwrapPath(err)}) {
				ok = false
				return fs.SkipAll
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if p != in && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if !hasExtension(p) || !d.Type().IsRegular() {
			return nil
		}
		if isWARC(p) {
			if !expandWARC(ctx, p, send) {
				ok = false
				return fs.SkipAll
			}
			return nil
		}
		if !send(job{input: p}) {
			ok = false
			return fs.SkipAll
		}
		return nil
	})
	return ok && err == nil
}

func hasExtension(p string) bool {
	p = strings.ToLower(p)
	for _, e := range Extensions {
		if strings.HasSuffix(p, e) {
			return true
		}
	}
	return false
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// work reads and extracts one input.
func work(ctx context.Context, db *store.DB, x *pipeline.Extractor, j job, opt Options) (r result) {
	r.job = j
	if j.err != nil {
		return r
	}
	defer func() {
		if p := recover(); p != nil {
			r.err = fmt.Errorf("extraction failed: %v", p)
			r.in = nil
		}
	}()
	pageURL := j.pageURL
	published := opt.Published
	if !j.published.IsZero() {
		published = j.published
	}
	var raw []byte
	switch {
	case j.raw != nil:
		raw = j.raw
	case isURL(j.input):
		resp, err := opt.Fetcher.Get(ctx, j.input)
		if err != nil {
			r.err = fetchError(err)
			return r
		}
		raw, pageURL = resp.Body, resp.URL
	default:
		b, err := readFile(j.input)
		if err != nil {
			r.err = err
			return r
		}
		raw = b
	}
	if len(raw) == 0 {
		r.err = errors.New("empty input")
		return r
	}
	seen, err := db.HasRaw(ctx, store.RawHash(raw))
	if err != nil {
		r.err = err
		return r
	}
	if seen {
		r.seen = true
		return r
	}
	doc, err := x.Extract(raw, pageURL, published)
	if err != nil {
		r.err = err
		return r
	}
	if strings.TrimSpace(doc.Article.Text) == "" {
		r.err = errors.New("no article text found")
		return r
	}
	in := &store.ArticleInput{Input: j.input, Raw: raw, Doc: doc}
	// Hashing, compressing and shingling here spares the one writer.
	if err := in.Prepare(); err != nil {
		r.err = err
		return r
	}
	r.in = in
	return r
}

// fetchError adds a hint to an error that a flag would avoid.
func fetchError(err error) error {
	if errors.Is(err, fetch.ErrPrivateAddress) {
		return fmt.Errorf("%w (--allow-private allows it)", err)
	}
	return err
}

// readFile reads a report of at most MaxInput bytes.
func readFile(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, unwrapPath(err)
	}
	if st.IsDir() {
		return nil, errors.New("is a directory")
	}
	b, err := io.ReadAll(io.LimitReader(f, MaxInput+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", unwrapPath(err))
	}
	if len(b) > MaxInput {
		return nil, fmt.Errorf("larger than the %d MiB limit", MaxInput>>20)
	}
	return b, nil
}

// unwrapPath drops the path from a *fs.PathError: the message names the
// input already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// AssignStats counts what Assign did.
type AssignStats struct {
	// Incidents is the number of incidents founded.
	Incidents int
	// Merged is the number of events that joined an incident.
	Merged int
	// Absorbed is the number of incidents merged into another.
	Absorbed int
	// Skipped is the number of events that belong in no incident.
	Skipped int
}

// Assign places every pending event in an incident, in ingest order, one
// transaction per batch.
func Assign(ctx context.Context, db *store.DB) (AssignStats, error) {
	var st AssignStats
	for {
		var part AssignStats
		n := 0
		err := db.Update(ctx, func(tx *store.Tx) error {
			var err error
			part, n, err = assignSome(ctx, tx)
			return err
		})
		if err != nil {
			return st, fmt.Errorf("assign events to incidents: %w", err)
		}
		st.add(part)
		if n < assignBatch {
			return st, nil
		}
	}
}

// assignBatch is the number of pending events read at a time.
const assignBatch = 200

// assignTx places every pending event in an incident within tx.
func assignTx(ctx context.Context, tx *store.Tx) (AssignStats, error) {
	var st AssignStats
	for {
		part, n, err := assignSome(ctx, tx)
		st.add(part)
		if err != nil {
			return st, fmt.Errorf("assign events to incidents: %w", err)
		}
		if n < assignBatch {
			return st, nil
		}
	}
}

// assignSome places up to assignBatch pending events, and returns how
// many it read.
func assignSome(ctx context.Context, tx *store.Tx) (AssignStats, int, error) {
	var st AssignStats
	ms, err := tx.PendingEvents(ctx, assignBatch)
	if err != nil {
		return st, 0, err
	}
	for _, m := range ms {
		if err := place(ctx, tx, m, &st); err != nil {
			return st, len(ms), err
		}
	}
	return st, len(ms), nil
}

func (s *AssignStats) add(o AssignStats) {
	s.Incidents += o.Incidents
	s.Merged += o.Merged
	s.Absorbed += o.Absorbed
	s.Skipped += o.Skipped
}

// place decides and writes where one event goes.
func place(ctx context.Context, tx *store.Tx, m *incident.Member, st *AssignStats) error {
	if !incident.Eligible(m.Event) {
		st.Skipped++
		return tx.SkipEvent(ctx, m.Article, m.Event.ID)
	}
	cands, err := tx.Candidates(ctx, m)
	if err != nil {
		return err
	}
	d := incident.Decide(m, cands)
	switch {
	case d.Skip:
		st.Skipped++
		return tx.SkipEvent(ctx, m.Article, m.Event.ID)
	case d.Join == nil:
		seq, err := tx.NextIncidentSeq(ctx)
		if err != nil {
			return err
		}
		st.Incidents++
		return tx.SaveIncident(ctx, incident.New(m, seq), nil)
	default:
		m.Reason, m.Score = d.Reason, d.Score
		for _, o := range d.Absorb {
			d.Join.Absorb(o, fmt.Sprintf("merged into %s when %s/%s fitted both", d.Join.ID, m.Article, m.Event.ID))
			st.Absorbed++
		}
		d.Join.Add(m)
		st.Merged++
		return tx.SaveIncident(ctx, d.Join, d.Absorb)
	}
}

package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"sitrep/internal/fetch"
	"sitrep/internal/ingest"
	"sitrep/internal/store"
)

// defaultDB is the database used when --db is not given.
const defaultDB = "sitrep.db"

func runIngest(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, "database: a SQLite file `path` or a postgres:// URL")
	published := fs.String("published", "", "reference date `YYYY-MM-DD` for relative dates in reports that carry none")
	workers := fs.Int("workers", 0, "extraction workers (0: one per CPU)")
	allowPrivate := fs.Bool("allow-private", false, "allow URLs whose host resolves to a private or loopback address")
	timeout := fs.Duration("timeout", 20*time.Second, "time limit for fetching one URL")
	interval := fs.Duration("host-interval", fetch.DefaultHostInterval, "least time between two requests to one host")
	watch := fs.Duration("watch", 0, "after ingesting, poll the feeds every `DURATION` until interrupted")
	verbose := fs.Bool("v", false, "print one line per input")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep ingest [--db PATH|URL] [flags] INPUT...")
		fmt.Fprintln(stderr, "INPUT is a file, a directory (read recursively: .html, .htm, .txt, .warc, .warc.gz),")
		fmt.Fprintln(stderr, "an http(s) URL of a page or of an RSS, Atom or JSON feed, or an OPML file of feeds.")
		fmt.Fprintln(stderr, "URLs are fetched politely: robots.txt is honoured and requests to one host spaced.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	if *watch < 0 || (*watch > 0 && *watch < time.Second) {
		fmt.Fprintf(stderr, "sitrep ingest: --watch %v: want a duration of at least 1s\n", *watch)
		return 2
	}
	if *interval < 0 {
		fmt.Fprintf(stderr, "sitrep ingest: --host-interval %v: want a duration of 0 or more\n", *interval)
		return 2
	}
	if *interval == 0 {
		*interval = -1 // fetch.Options: no wait
	}
	var ref time.Time
	if *published != "" {
		t, err := time.Parse(time.DateOnly, *published)
		if err != nil {
			fmt.Fprintf(stderr, "sitrep ingest: --published %q: want a date as YYYY-MM-DD\n", *published)
			return 2
		}
		ref = t
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	st, x, err := openReader(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep ingest: %v\n", err)
		return 1
	}
	defer st.Close()
	opt := ingest.Options{
		Workers:   *workers,
		Published: ref,
		Fetch:     fetch.Options{AllowPrivate: *allowPrivate, Timeout: *timeout, HostInterval: *interval},
		Failed: func(input string, err error) {
			fmt.Fprintf(stderr, "sitrep ingest: %s: %v\n", input, err)
		},
	}
	if *verbose {
		opt.Stored = func(input string, res store.AddResult) {
			fmt.Fprintf(stderr, "%s: %s %s\n", input, res.Outcome, res.Article)
		}
	}
	// On a terminal, a progress bar, unless every input gets its own line.
	if bar := newProgressBar(stderr); bar != nil && !*verbose && *watch == 0 {
		opt.Progress = bar.update
		opt.Failed = func(input string, err error) {
			bar.finish()
			fmt.Fprintf(stderr, "sitrep ingest: %s: %v\n", input, err)
		}
	}
	if *watch > 0 {
		opt.Polled = func(poll int, s ingest.Summary) {
			if poll == 0 {
				fmt.Fprintf(stdout, "ingest: %s\n", s)
			} else if s != (ingest.Summary{}) {
				fmt.Fprintf(stdout, "poll %d: %s\n", poll, s)
			}
		}
		sum, err := ingest.Watch(ctx, st, x, fs.Args(), *watch, opt)
		fmt.Fprintf(stdout, "ingest: total: %s\n", sum)
		if err != nil {
			fmt.Fprintf(stderr, "sitrep ingest: %v\n", err)
			return 1
		}
		return 0
	}
	sum, err := ingest.Run(ctx, st, x, fs.Args(), opt)
	if opt.Progress != nil {
		fmt.Fprint(stderr, "\r\x1b[K") // the bar gives way to the summary
	}
	fmt.Fprintf(stdout, "ingest: %s\n", sum)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep ingest: %v\n", err)
		return 1
	}
	if sum.Failed > 0 {
		return 1
	}
	return 0
}

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
	"sitrep/internal/pipeline"
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
	verbose := fs.Bool("v", false, "print one line per input")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep ingest [--db PATH|URL] [flags] INPUT...")
		fmt.Fprintln(stderr, "INPUT is a file, a directory (read recursively: .html, .htm, .txt) or an http(s) URL.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
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
	st, err := store.Open(ctx, *db, store.Options{Version: ingest.SitrepVersion()})
	if err != nil {
		fmt.Fprintf(stderr, "sitrep ingest: %v\n", err)
		return 1
	}
	defer st.Close()
	x, err := pipeline.New()
	if err != nil {
		fmt.Fprintf(stderr, "sitrep ingest: %v\n", err)
		return 1
	}
	opt := ingest.Options{
		Workers:   *workers,
		Published: ref,
		Fetch:     fetch.Options{AllowPrivate: *allowPrivate, Timeout: *timeout},
		Failed: func(input string, err error) {
			fmt.Fprintf(stderr, "sitrep ingest: %s: %v\n", input, err)
		},
	}
	if *verbose {
		opt.Stored = func(input string, res store.AddResult) {
			fmt.Fprintf(stderr, "%s: %s %s\n", input, res.Outcome, res.Article)
		}
	}
	sum, err := ingest.Run(ctx, st, x, fs.Args(), opt)
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

package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"sitrep/internal/demo"
	"sitrep/internal/ingest"
)

// runDemo fills a database with the project's example reports, read by
// ingest as any report is, so that the server has something to show.
func runDemo(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, "database: a SQLite file `path` or a postgres:// URL")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep demo [--db PATH|URL]")
		fmt.Fprintln(stderr, "Ingests a few example wire reports written by the project into the database.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sitrep demo: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	st, x, err := openReader(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep demo: %v\n", err)
		return 1
	}
	defer st.Close()
	sum, err := ingest.Run(ctx, st, x, nil, ingest.Options{
		Reports: demo.Reports(),
		Failed:  func(input string, err error) { fmt.Fprintf(stderr, "sitrep demo: %s: %v\n", input, err) },
	})
	if err != nil {
		fmt.Fprintf(stderr, "sitrep demo: %v\n", err)
		return 1
	}
	c, err := st.Counts(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep demo: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "demo: %d example reports read (%d new), %d incidents in %s; serve them with: sitrep serve --db %s\n",
		len(demo.Reports()), sum.New, c.Incidents, *db, *db)
	if sum.Failed > 0 {
		return 1
	}
	return 0
}

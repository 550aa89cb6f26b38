package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"sitrep/internal/ingest"
)

// runReprocess reads every stored raw input again with this sitrep and
// reports how its events differ from the stored ones. It changes nothing.
func runReprocess(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("reprocess", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, "database: a SQLite file `path` or a postgres:// URL")
	verbose := fs.Bool("v", false, "print each input whose events changed")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep reprocess [--db PATH|URL] [-v]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sitrep reprocess: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	st, x, err := openReader(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep reprocess: %v\n", err)
		return 1
	}
	defer st.Close()
	sum, err := ingest.Reprocess(ctx, st, x, func(c ingest.Change) {
		if c.Err != nil {
			fmt.Fprintf(stderr, "sitrep reprocess: %s: %v\n", c.Input, c.Err)
			return
		}
		if *verbose {
			fmt.Fprintf(stdout, "%s (%s): events +%d -%d ~%d\n", c.Input, c.Article, c.Added, c.Removed, c.Changed)
		}
	})
	fmt.Fprintf(stdout, "reprocess: %s\n", sum)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep reprocess: %v\n", err)
		return 1
	}
	if sum.Failed > 0 {
		return 1
	}
	return 0
}

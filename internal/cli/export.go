package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"sitrep/internal/export"
	"sitrep/internal/incident"
)

func runExport(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, "database: a SQLite file `path` or a postgres:// URL")
	format := fs.String("format", "jsonl", "output `format`: "+strings.Join(export.Formats, ", "))
	out := fs.String("o", "-", "write to `FILE` instead of standard output")
	mentions := fs.String("mentions", "", "with --format gdelt, also write GDELT's mentions table to `FILE`")
	limit := fs.Int("limit", 0, "export at most `N` incidents (0: all)")
	filter := filterFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep export [--db PATH|URL] --format jsonl|acled|gdelt|geojson [--since D] [--until D] [--type T] [--country CC] [--near LAT,LON,KM] [--q TEXT] [--review STATUS|all] [-o FILE]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sitrep export: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	f, err := filter()
	if err != nil {
		fmt.Fprintf(stderr, "sitrep export: %v\n", err)
		return 2
	}
	f.Limit = *limit
	if *mentions != "" && *format != "gdelt" {
		fmt.Fprintln(stderr, "sitrep export: --mentions goes with --format gdelt")
		return 2
	}
	known := false
	for _, k := range export.Formats {
		known = known || k == *format
	}
	if !known {
		fmt.Fprintf(stderr, "sitrep export: --format %q: want one of %s\n", *format, strings.Join(export.Formats, ", "))
		return 2
	}
	ctx := context.Background()
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep export: %v\n", err)
		return 1
	}
	defer st.Close()

	w := stdout
	if *out != "-" {
		file, err := os.Create(*out)
		if err != nil {
			fmt.Fprintf(stderr, "sitrep export: %v\n", err)
			return 1
		}
		defer file.Close()
		w = file
	}
	var opt export.Options
	if *mentions != "" {
		m, err := os.Create(*mentions)
		if err != nil {
			fmt.Fprintf(stderr, "sitrep export: %v\n", err)
			return 1
		}
		defer m.Close()
		opt.Mentions = m
	}
	ew, err := export.New(*format, w, opt)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep export: %v\n", err)
		return 1
	}
	err = st.Each(ctx, f, func(in *incident.Incident) error { return ew.Write(in) })
	if cerr := ew.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(stderr, "sitrep export: %v\n", err)
		return 1
	}
	return 0
}

// Command fill writes a database of synthetic incidents with their
// reports for the browser test's many-markers check: go run ./e2e/fill
// -db PATH -n 10000. It is storefill's generator, the one the load
// benchmark uses.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"sitrep/internal/store/storefill"
)

func main() {
	db := flag.String("db", "", "SQLite file `path` to create")
	n := flag.Int("n", 10000, "number of incidents")
	flag.Parse()
	if *db == "" {
		fmt.Fprintln(os.Stderr, "usage: fill -db PATH [-n N]")
		os.Exit(2)
	}
	err := storefill.Fill(context.Background(), *db, storefill.Options{N: *n, From: "2024-01-01", Days: 365, Reports: true, Seed: 1})
	if err != nil {
		fmt.Fprintf(os.Stderr, "fill: %v\n", err)
		os.Exit(1)
	}
}

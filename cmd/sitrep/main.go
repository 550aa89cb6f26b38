// Command sitrep turns news reports into a verified, geocoded database of
// incidents. See README.md.
package main

import (
	"os"

	"sitrep/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

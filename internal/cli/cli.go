// Package cli holds sitrep's subcommands, one file each, behind a map of
// commands. Exit status: 0 success, 1 failure of some input, 2 usage error.
package cli

import (
	"fmt"
	"io"
	"sort"
)

// command is one subcommand.
type command struct {
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

func commands() map[string]command {
	return map[string]command{
		"extract":   {"read reports and print their events as JSON", runExtract},
		"eval":      {"measure accuracy on an evaluation set (gold)", runEval},
		"ingest":    {"read reports into the incident database", runIngest},
		"export":    {"write incidents as JSONL, ACLED CSV, GDELT TSV or GeoJSON", runExport},
		"incidents": {"list incidents, or show one and why its reports joined", runIncidents},
		"serve":     {"serve the HTTP JSON API", runServe},
		"reprocess": {"read stored inputs again and report how their events changed", runReprocess},
		"user":      {"add or list the users who log in to the server", runUser},
		"token":     {"make an API token that acts as a user", runToken},
		"demo":      {"fill a database with the project's example reports", runDemo},
	}
}

// Main runs the subcommand named by args[0] and returns the exit status.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "sitrep: unknown command %q\n", args[0])
		usage(stderr, cmds)
		return 2
	}
	return c.run(args[1:], stdin, stdout, stderr)
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: sitrep COMMAND [flags] [args]")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
}

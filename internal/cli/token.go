package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"sitrep/internal/access"
	"sitrep/internal/store"
)

// runToken makes API tokens, which act as their user for programs.
func runToken(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	usage := func() {
		fmt.Fprintln(stderr, "usage: sitrep token add NAME --user USER [--db PATH|URL]")
		fmt.Fprintln(stderr, "Prints a new API token once; only its SHA-256 is stored. Send it as Authorization: Bearer TOKEN.")
	}
	if len(args) == 0 || args[0] != "add" {
		usage()
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			return 0
		}
		return 2
	}
	fs := flag.NewFlagSet("token add", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, "database: a SQLite file `path` or a postgres:// URL")
	user := fs.String("user", "", "the `USER` the token acts as")
	fs.Usage = func() {
		usage()
		fs.PrintDefaults()
	}
	pos, err := parseMixed(fs, args[1:])
	if err != nil {
		return 2
	}
	if len(pos) != 1 || *user == "" {
		fs.Usage()
		return 2
	}
	name := pos[0]
	if name == "" || len(name) > 100 {
		fmt.Fprintf(stderr, "sitrep token add: token name %q: want 1 to 100 bytes\n", name)
		return 2
	}
	ctx := context.Background()
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep token add: %v\n", err)
		return 1
	}
	defer st.Close()
	tok := access.NewToken()
	switch err := st.AddToken(ctx, access.HashSecret(tok), name, *user); {
	case errors.Is(err, store.ErrNotFound):
		fmt.Fprintf(stderr, "sitrep token add: --user %q: no such user (sitrep user add)\n", *user)
		return 1
	case errors.Is(err, store.ErrExists):
		fmt.Fprintf(stderr, "sitrep token add: %s has a token named %q already\n", *user, name)
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "sitrep token add: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, tok)
	fmt.Fprintf(stderr, "token %q of %s: shown once, keep it now\n", name, *user)
	return 0
}

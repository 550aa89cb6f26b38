package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"sitrep/internal/access"
	"sitrep/internal/store"
)

// runUser adds and lists the users who log in to the server.
func runUser(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	usage := func() {
		fmt.Fprintln(stderr, "usage: sitrep user add NAME --role viewer|reviewer|admin [--password-file F] [--db PATH|URL]")
		fmt.Fprintln(stderr, "       sitrep user list [--db PATH|URL]")
	}
	if len(args) == 0 {
		usage()
		return 2
	}
	switch args[0] {
	case "add":
		return runUserAdd(args[1:], stdin, stdout, stderr)
	case "list":
		return runUserList(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		usage()
		return 0
	}
	fmt.Fprintf(stderr, "sitrep user: unknown subcommand %q\n", args[0])
	usage()
	return 2
}

// parseMixed parses flags that may come before, after or between the
// positional arguments ("user add NAME --role R"), which flag alone
// stops at, and returns the positional ones.
func parseMixed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func runUserAdd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, "database: a SQLite file `path` or a postgres:// URL")
	role := fs.String("role", "", "the user's `ROLE`: viewer (reads), reviewer (reads and reviews), admin (all)")
	pwFile := fs.String("password-file", "", "read the password from the first line of `FILE` rather than from stdin")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep user add NAME --role viewer|reviewer|admin [--password-file F] [--db PATH|URL]")
		fmt.Fprintln(stderr, "The password is read from --password-file, or from stdin (one line; at a terminal, without echo).")
		fs.PrintDefaults()
	}
	pos, err := parseMixed(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		fs.Usage()
		return 2
	}
	name := pos[0]
	if err := access.CheckName(name); err != nil {
		fmt.Fprintf(stderr, "sitrep user add: %v\n", err)
		return 2
	}
	if _, err := access.ParseRole(*role); err != nil {
		fmt.Fprintf(stderr, "sitrep user add: --role %q: %v\n", *role, access.ErrBadRole)
		return 2
	}
	pw, err := readPassword(*pwFile, stdin, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep user add: %v\n", err)
		return 2
	}
	hash, err := access.HashPassword(pw, access.DefaultParams)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep user add: %v\n", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep user add: %v\n", err)
		return 1
	}
	defer st.Close()
	if err := st.AddUser(ctx, store.User{Name: name, Role: *role}, hash); err != nil {
		if errors.Is(err, store.ErrExists) {
			fmt.Fprintf(stderr, "sitrep user add: user %q exists already\n", name)
			return 1
		}
		fmt.Fprintf(stderr, "sitrep user add: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "user %s added as %s\n", name, *role)
	return 0
}

// readPassword reads a new password: the first line of file, or of
// stdin. At a terminal it prompts on stderr, without echo, twice.
// x/term is the one way to turn echo off that works on every system Go
// runs on; it is the Go team's and needs only x/sys, already built in.
func readPassword(file string, stdin io.Reader, stderr io.Writer) (string, error) {
	var pw string
	switch f, ok := stdin.(*os.File); {
	case file != "":
		b, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("--password-file: %w", err)
		}
		pw, _, _ = strings.Cut(string(b), "\n")
	case ok && term.IsTerminal(int(f.Fd())):
		var again string
		for i, dst := range []*string{&pw, &again} {
			fmt.Fprint(stderr, []string{"Password: ", "Again: "}[i])
			b, err := term.ReadPassword(int(f.Fd()))
			fmt.Fprintln(stderr)
			if err != nil {
				return "", fmt.Errorf("read password: %w", err)
			}
			*dst = string(b)
		}
		if pw != again {
			return "", errors.New("the two passwords differ")
		}
	default:
		line, err := bufio.NewReader(io.LimitReader(stdin, access.MaxPassword+2)).ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			return "", fmt.Errorf("read password from stdin: %w", err)
		}
		pw = strings.TrimSuffix(line, "\n")
	}
	pw = strings.TrimSuffix(pw, "\r")
	if len(pw) < access.MinPassword || len(pw) > access.MaxPassword {
		return "", fmt.Errorf("password: %d bytes, want %d to %d", len(pw), access.MinPassword, access.MaxPassword)
	}
	return pw, nil
}

func runUserList(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("user list", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, "database: a SQLite file `path` or a postgres:// URL")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sitrep user list: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	ctx := context.Background()
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep user list: %v\n", err)
		return 1
	}
	defer st.Close()
	us, err := st.Users(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep user list: %v\n", err)
		return 1
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tROLE\tCREATED")
	for _, u := range us {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", u.Name, u.Role, u.Created)
	}
	tw.Flush()
	return 0
}

package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"sitrep/internal/fetch"
	"sitrep/internal/server"
)

func runServe(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, "database: a SQLite file `path` or a postgres:// URL")
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `host:port`")
	token := fs.String("token", "", "bearer `TOKEN` that acts as an admin, beside users' sessions and API tokens; default $SITREP_TOKEN")
	private := fs.Bool("private", false, "make reads of incidents, articles, audit logs and exports need a logged-in viewer or an API token")
	allowPrivate := fs.Bool("allow-private", false, "let POST /api/extract fetch URLs whose host resolves to a private or loopback address")
	timeout := fs.Duration("timeout", 20*time.Second, "time limit for fetching one submitted URL")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep serve [--db PATH|URL] [--addr 127.0.0.1:8080] [--token TOKEN] [--private]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sitrep serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	if *token == "" {
		*token = os.Getenv("SITREP_TOKEN")
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	st, x, err := openReader(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep serve: %v\n", err)
		return 1
	}
	defer st.Close()
	srv, err := server.New(server.Config{
		DB: st, Extractor: x, Token: *token, Private: *private, Logger: log,
		Fetch: fetch.Options{AllowPrivate: *allowPrivate, Timeout: *timeout},
	})
	if err != nil {
		fmt.Fprintf(stderr, "sitrep serve: %v\n", err)
		return 1
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep serve: %v\n", err)
		return 1
	}
	if us, err := st.Users(ctx); err == nil && len(us) == 0 && *token == "" {
		log.Warn("no users and no --token: writes are refused until you add a user (sitrep user add NAME --role reviewer)")
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(stdout, "sitrep serve: listening on http://%s\n", ln.Addr())
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		if !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(stderr, "sitrep serve: %v\n", err)
			return 1
		}
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := hs.Shutdown(sctx); err != nil {
			fmt.Fprintf(stderr, "sitrep serve: shut down: %v\n", err)
			return 1
		}
	}
	return 0
}

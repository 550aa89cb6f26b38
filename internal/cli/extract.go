package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"sitrep/internal/fetch"
	"sitrep/internal/model"
	"sitrep/internal/pipeline"
)

// maxInput is the largest report sitrep reads from a file or standard input.
const maxInput = 16 << 20

func runExtract(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	published := fs.String("published", "", "reference date `YYYY-MM-DD` for relative dates when a report carries none")
	format := fs.String("format", "json", "output format: json or jsonl")
	allowPrivate := fs.Bool("allow-private", false, "allow URLs whose host resolves to a private or loopback address")
	timeout := fs.Duration("timeout", 20*time.Second, "time limit for fetching one URL")
	actors := fs.String("actors", "", "PETRARCH/TABARI actor dictionary `FILE`: its phrases are read as actors with its codes")
	agents := fs.String("agents", "", "PETRARCH/TABARI agent dictionary `FILE`: agent words give the actor code its role")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep extract [--published YYYY-MM-DD] [--format json|jsonl] [INPUT ...]")
		fmt.Fprintln(stderr, "INPUT is a file, - for standard input, or an http(s) URL; none reads standard input.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	var ref time.Time
	if *published != "" {
		t, err := time.Parse("2006-01-02", *published)
		if err != nil {
			fmt.Fprintf(stderr, "sitrep extract: --published %q: want a date as YYYY-MM-DD\n", *published)
			return 2
		}
		ref = t
	}
	if *format != "json" && *format != "jsonl" {
		fmt.Fprintf(stderr, "sitrep extract: --format %q: want json or jsonl\n", *format)
		return 2
	}
	inputs := fs.Args()
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	coder, err := loadCoder(*actors, *agents)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep extract: %v\n", err)
		return 2
	}
	var opt pipeline.Options
	if coder != nil {
		opt.Actors, opt.Agents = coder.Actors, coder.Agents
	}
	x, err := pipeline.New(opt)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep extract: %v\n", err)
		return 1
	}
	jsonl := *format == "jsonl" || len(inputs) > 1
	status := 0
	for _, in := range inputs {
		doc, err := extractOne(x, in, stdin, ref, fetch.Options{AllowPrivate: *allowPrivate, Timeout: *timeout})
		if err != nil {
			fmt.Fprintf(stderr, "sitrep extract: %s: %v\n", in, err)
			status = 1
			continue
		}
		var b []byte
		if jsonl {
			b, err = json.Marshal(doc)
		} else {
			b, err = json.MarshalIndent(doc, "", "  ")
		}
		if err != nil {
			fmt.Fprintf(stderr, "sitrep extract: %s: encode: %v\n", in, err)
			status = 1
			continue
		}
		b = append(b, '\n')
		if _, err := stdout.Write(b); err != nil {
			fmt.Fprintf(stderr, "sitrep extract: write output: %v\n", err)
			return 1
		}
	}
	return status
}

// extractOne reads one input (a file, "-" or a URL) and extracts it.
func extractOne(x *pipeline.Extractor, in string, stdin io.Reader, ref time.Time, opt fetch.Options) (*model.Document, error) {
	var raw []byte
	var pageURL string
	switch {
	case in == "-":
		b, err := readLimited(stdin)
		if err != nil {
			return nil, err
		}
		raw = b
	case strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://"):
		ctx, cancel := context.WithTimeout(context.Background(), opt.Timeout+5*time.Second)
		defer cancel()
		resp, err := fetch.Get(ctx, in, opt)
		if errors.Is(err, fetch.ErrPrivateAddress) {
			return nil, fmt.Errorf("%w (--allow-private allows it)", err)
		}
		if err != nil {
			return nil, err
		}
		raw, pageURL = resp.Body, resp.URL
	default:
		f, err := os.Open(in)
		if err != nil {
			return nil, errors.Unwrap(err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, errors.New("is a directory")
		}
		b, err := readLimited(f)
		if err != nil {
			return nil, err
		}
		raw = b
	}
	return x.Extract(raw, pageURL, ref)
}

// readLimited reads at most maxInput bytes and fails beyond that.
func readLimited(r io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if len(b) > maxInput {
		return nil, fmt.Errorf("input larger than the %d MiB limit", maxInput>>20)
	}
	return b, nil
}

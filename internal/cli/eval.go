package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sitrep/internal/eval"
	"sitrep/internal/geo"
	"sitrep/internal/pipeline"
)

func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: sitrep eval gold|geo ...")
		return 2
	}
	switch args[0] {
	case "gold":
		return runEvalGold(args[1:], stdout, stderr)
	case "geo":
		return runEvalGeo(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "sitrep eval: unknown set %q (want gold)\n", args[0])
	return 2
}

// runEvalGold scores every gold file in a directory, printing the scorer's
// line for each and a total.
func runEvalGold(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval gold", flag.ContinueOnError)
	fs.SetOutput(stderr)
	verbose := fs.Bool("v", false, "print what each report missed")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: sitrep eval gold [-v] DIR")
		return 2
	}
	dir := fs.Arg(0)
	golds, err := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	if err != nil || len(golds) == 0 {
		fmt.Fprintf(stderr, "sitrep eval gold: %s: no *.gold.json files\n", dir)
		return 1
	}
	x, err := pipeline.New()
	if err != nil {
		fmt.Fprintf(stderr, "sitrep eval gold: %v\n", err)
		return 1
	}
	var tot eval.Report
	passed := 0
	start := time.Now()
	for _, path := range golds {
		g, err := eval.LoadGold(path)
		if err != nil {
			fmt.Fprintf(stderr, "sitrep eval gold: %v\n", err)
			return 1
		}
		raw, err := os.ReadFile(filepath.Join(filepath.Dir(path), g.Doc))
		if err != nil {
			fmt.Fprintf(stderr, "sitrep eval gold: %s: %v\n", path, err)
			return 1
		}
		ref, _ := time.Parse("2006-01-02", g.Published)
		doc, err := x.Extract(raw, "", ref)
		if err != nil {
			fmt.Fprintf(stderr, "sitrep eval gold: %s: %v\n", g.Doc, err)
			return 1
		}
		r := eval.Score(g, doc)
		mark := "FAIL"
		if r.Pass() {
			mark, passed = "pass", passed+1
		}
		fmt.Fprintf(stdout, "%s %s\n", mark, r.Line())
		if *verbose && (!r.Pass() || len(r.Unmatched) > 0) {
			if len(r.Missed) > 0 {
				fmt.Fprintf(stdout, "     missed: %s\n", strings.Join(r.Missed, ", "))
			}
			for id, f := range r.FieldMisses {
				fmt.Fprintf(stdout, "     %s: wrong %s\n", id, strings.Join(f, ", "))
			}
			if len(r.Unmatched) > 0 {
				fmt.Fprintf(stdout, "     unmatched: %s\n", strings.Join(r.Unmatched, "; "))
			}
			if len(r.PlacesMissed) > 0 {
				fmt.Fprintf(stdout, "     places missed: %s\n", strings.Join(r.PlacesMissed, ", "))
			}
		}
		tot.Required += r.Required
		tot.Found += r.Found
		tot.FieldsOK += r.FieldsOK
		tot.Fields += r.Fields
		tot.Predicted += r.Predicted
		tot.Matched += r.Matched
		tot.Forbidden += r.Forbidden
		tot.Confident += r.Confident
		tot.ConfidentRight += r.ConfidentRight
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	fmt.Fprintf(stdout, "total: %d/%d reports pass; recall %.3f (%d/%d), fields %.3f (%d/%d), precision %.3f (%d/%d), forbidden %d; confidence>=0.8 right %.3f (%d/%d); %.0f ms\n",
		passed, len(golds), ratio(tot.Found, tot.Required), tot.Found, tot.Required,
		ratio(tot.FieldsOK, tot.Fields), tot.FieldsOK, tot.Fields,
		ratio(tot.Matched, tot.Predicted), tot.Matched, tot.Predicted, tot.Forbidden,
		ratio(tot.ConfidentRight, tot.Confident), tot.ConfidentRight, tot.Confident,
		float64(time.Since(start).Microseconds())/1000)
	if passed < len(golds) {
		return 1
	}
	return 0
}

// runEvalGeo scores the geoparser on an LGL or TR-News corpus file.
func runEvalGeo(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: sitrep eval geo FILE.xml")
		return 2
	}
	g, err := geo.Load()
	if err != nil {
		fmt.Fprintf(stderr, "sitrep eval geo: %v\n", err)
		return 1
	}
	res, err := g.EvaluateFile(args[0])
	if err != nil {
		fmt.Fprintf(stderr, "sitrep eval geo: %s: %v\n", args[0], err)
		return 1
	}
	fmt.Fprintln(stdout, res.String())
	return 0
}

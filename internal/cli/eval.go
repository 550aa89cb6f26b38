package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sitrep/internal/dict"
	"sitrep/internal/eval"
	"sitrep/internal/geo"
	"sitrep/internal/pipeline"
)

func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: sitrep eval gold|geo|cameo|acled|plover ...")
		return 2
	}
	switch args[0] {
	case "gold":
		return runEvalGold(args[1:], stdout, stderr)
	case "geo":
		return runEvalGeo(args[1:], stdout, stderr)
	case "cameo":
		return runEvalCAMEO(args[1:], stdout, stderr)
	case "acled":
		return runEvalACLED(args[1:], stdout, stderr)
	case "plover":
		return runEvalPLOVER(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "sitrep eval: unknown set %q (want gold, geo, cameo, acled or plover)\n", args[0])
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
				for _, w := range r.FieldWhy[id] {
					fmt.Fprintf(stdout, "       %s\n", w)
				}
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
	fs := flag.NewFlagSet("eval geo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	verbose := fs.Bool("v", false, "print each recognised toponym resolved more than 161 km away")
	files, err := parseAnywhere(fs, args)
	if err != nil {
		return 2
	}
	if len(files) != 1 {
		fmt.Fprintln(stderr, "usage: sitrep eval geo FILE.xml [-v]")
		return 2
	}
	g, err := geo.Load()
	if err != nil {
		fmt.Fprintf(stderr, "sitrep eval geo: %v\n", err)
		return 1
	}
	res, err := g.EvaluateFile(files[0])
	if err != nil {
		fmt.Fprintf(stderr, "sitrep eval geo: %s: %v\n", files[0], err)
		return 1
	}
	if *verbose {
		for _, m := range res.Misses {
			got := "unresolved"
			if p := m.Got; p != nil {
				got = fmt.Sprintf("%s, %s (%s %s) %.2f,%.2f", p.Name, p.Country, p.Precision, p.Feature, p.Lat, p.Lon)
			}
			fmt.Fprintf(stdout, "%s %q (class %s, %.2f,%.2f): got %s, %.0f km\n", m.Doc, m.Phrase, m.Class, m.Lat, m.Lon, got, m.Km)
		}
	}
	fmt.Fprintln(stdout, res.String())
	return 0
}

// runEvalCAMEO scores sitrep's CAMEO codes on PETRARCH validation records.
func runEvalCAMEO(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval cameo", flag.ContinueOnError)
	fs.SetOutput(stderr)
	actorsPath := fs.String("actors", "", "PETRARCH/TABARI actor dictionary to code actors with")
	agentsPath := fs.String("agents", "", "PETRARCH/TABARI agent dictionary to code actors with")
	verbose := fs.Bool("v", false, "print each record sitrep got wrong")
	files, err := parseAnywhere(fs, args)
	if err != nil {
		return 2
	}
	if len(files) != 1 {
		fmt.Fprintln(stderr, "usage: sitrep eval cameo FILE.xml [-v] [--actors FILE] [--agents FILE]")
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "sitrep eval cameo: %v\n", err)
		return 1
	}
	coder, err := loadCoder(*actorsPath, *agentsPath)
	if err != nil {
		return fail(err)
	}
	f, err := os.Open(files[0])
	if err != nil {
		return fail(err)
	}
	suite, err := eval.ReadCAMEO(f)
	f.Close()
	if err != nil {
		return fail(fmt.Errorf("%s: %w", files[0], err))
	}
	if len(suite.Records) == 0 {
		return fail(fmt.Errorf("%s: %w", files[0], eval.ErrNoRecords))
	}
	var opt pipeline.Options
	if coder != nil {
		opt.Actors, opt.Agents = coder.Actors, coder.Agents
	}
	x, err := pipeline.New(opt)
	if err != nil {
		return fail(err)
	}
	tot := eval.NewCAMEOTotals()
	for i := range suite.Records {
		rec := &suite.Records[i]
		if why := rec.Skip(suite.Include); why != "" {
			tot.Skip(why)
			continue
		}
		doc, err := x.Extract([]byte(rec.Text), "", rec.Date)
		if err != nil {
			return fail(fmt.Errorf("record %s: %w", rec.ID, err))
		}
		s := eval.ScoreCAMEO(rec, eval.CAMEOTriples(doc, coder, rec.Date))
		tot.Add(s)
		if *verbose && (len(s.Missed) > 0 || len(s.Wrong) > 0) {
			fmt.Fprintf(stdout, "%s: %s\n", rec.ID, rec.Text)
			for _, t := range s.Missed {
				fmt.Fprintf(stdout, "     missed: %s\n", t)
			}
			for _, t := range s.Wrong {
				fmt.Fprintf(stdout, "     extra:  %s\n", t)
			}
			if rec.NoEvents && len(s.Wrong) > 0 {
				fmt.Fprintln(stdout, "     (expects no events)")
			}
		}
	}
	actors := "sitrep's own actor codes"
	if coder != nil {
		actors = fmt.Sprintf("actors %s, agents %s", orNone(*actorsPath), orNone(*agentsPath))
	}
	fmt.Fprintf(stdout, "%s: %s; events negated, denied or hypothetical are not coded\n", files[0], actors)
	if err := tot.Write(stdout); err != nil {
		return fail(err)
	}
	return 0
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// loadCoder reads the actor and agent dictionaries named by flags; it
// returns nil when neither is given.
func loadCoder(actorsPath, agentsPath string) (*dict.Coder, error) {
	if actorsPath == "" && agentsPath == "" {
		return nil, nil
	}
	c := &dict.Coder{}
	if actorsPath != "" {
		f, err := os.Open(actorsPath)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if c.Actors, err = dict.LoadActors(f); err != nil {
			return nil, fmt.Errorf("%s: %w", actorsPath, err)
		}
	}
	if agentsPath != "" {
		f, err := os.Open(agentsPath)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if c.Agents, err = dict.LoadAgents(f); err != nil {
			return nil, fmt.Errorf("%s: %w", agentsPath, err)
		}
	}
	return c, nil
}

// runEvalACLED scores sitrep's ACLED sub-event types on CASE 2021 task 2
// snippets.
func runEvalACLED(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval acled", flag.ContinueOnError)
	fs.SetOutput(stderr)
	verbose := fs.Bool("v", false, "print each snippet sitrep got wrong")
	files, err := parseAnywhere(fs, args)
	if err != nil {
		return 2
	}
	if len(files) != 1 {
		fmt.Fprintln(stderr, "usage: sitrep eval acled FILE.tsv [-v]")
		return 2
	}
	path := files[0]
	fail := func(err error) int {
		fmt.Fprintf(stderr, "sitrep eval acled: %v\n", err)
		return 1
	}
	f, err := os.Open(path)
	if err != nil {
		return fail(err)
	}
	snippets, err := eval.ReadACLED(f)
	f.Close()
	if err != nil {
		return fail(fmt.Errorf("%s: %w", path, err))
	}
	x, err := pipeline.New()
	if err != nil {
		return fail(err)
	}
	score := eval.NewACLEDScore()
	for _, sn := range snippets {
		doc, err := x.Extract([]byte(sn.Text), "", time.Time{})
		if err != nil {
			return fail(fmt.Errorf("%s line %d: %w", path, sn.Line, err))
		}
		pred := eval.ACLEDPrediction(doc)
		score.Add(sn.Label, pred)
		if *verbose && !eval.ACLEDRight(sn.Label, pred) {
			fmt.Fprintf(stdout, "%s: gold %s, sitrep %s: %s\n", sn.ID, sn.Label, pred, sn.Text)
		}
	}
	fmt.Fprintf(stdout, "%s: ACLED sub-event of the most confident event that has one, none when no event has one\n", path)
	if err := score.Write(stdout, 15); err != nil {
		return fail(err)
	}
	return 0
}

// parseAnywhere parses flags that may come before or after the positional
// arguments ("FILE --actors F") and returns the positional ones.
func parseAnywhere(fs *flag.FlagSet, args []string) ([]string, error) {
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

// runEvalPLOVER scores event types on the PLOVER coded examples.
func runEvalPLOVER(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval plover", flag.ContinueOnError)
	fs.SetOutput(stderr)
	verbose := fs.Bool("v", false, "print each sentence whose most confident event is not of the gold type")
	files, err := parseAnywhere(fs, args)
	if err != nil {
		return 2
	}
	if len(files) != 1 {
		fmt.Fprintln(stderr, "usage: sitrep eval plover FILE [-v]")
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "sitrep eval plover: %v\n", err)
		return 1
	}
	f, err := os.Open(files[0])
	if err != nil {
		return fail(err)
	}
	exs, err := eval.ReadPLOVER(f)
	f.Close()
	if err != nil {
		return fail(fmt.Errorf("%s: %w", files[0], err))
	}
	x, err := pipeline.New()
	if err != nil {
		return fail(err)
	}
	score := eval.NewPLOVERScore()
	for _, e := range exs {
		ref, _ := time.Parse(time.DateOnly, e.Date)
		doc, err := x.Extract([]byte(e.Text), "", ref)
		if err != nil {
			return fail(fmt.Errorf("%s: %w", e.ID, err))
		}
		top := score.Add(e.Event, doc)
		if *verbose && top != e.Event {
			fmt.Fprintf(stdout, "%s: gold %s, sitrep %s: %s\n", e.ID, e.Event, top, e.Text)
		}
	}
	score.Write(stdout)
	return 0
}

package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"sitrep/internal/incident"
	"sitrep/internal/ingest"
	"sitrep/internal/model"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

// filterFlags adds the incident filter flags to fs and returns a function
// that reads them once fs is parsed.
func filterFlags(fs *flag.FlagSet) func() (store.Filter, error) {
	since := fs.String("since", "", "keep incidents on or after `YYYY-MM-DD`")
	until := fs.String("until", "", "keep incidents on or before `YYYY-MM-DD`")
	typ := fs.String("type", "", "keep incidents of this PLOVER `TYPE` (ASSAULT, PROTEST, ...)")
	country := fs.String("country", "", "keep incidents in this country (ISO 3166-1 alpha-2 `CODE`)")
	near := fs.String("near", "", "keep incidents within KM kilometres of a point: `LAT,LON,KM`")
	q := fs.String("q", "", "keep incidents some report of which contains all these `WORDS`")
	review := fs.String("review", "", "keep incidents of this review `STATUS` (unreviewed, confirmed, edited, rejected) or all; default all but rejected")
	return func() (store.Filter, error) {
		f := store.Filter{Type: strings.ToUpper(*typ), Country: strings.ToUpper(*country), Q: *q}
		switch {
		case *review == "":
			// Rejected incidents are not incidents, unless asked for, as
			// in the API.
			f.Review = []string{incident.Unreviewed, incident.Confirmed, incident.Edited}
		case *review == "all":
		case slices.Contains(incident.Statuses, *review):
			f.Review = []string{*review}
		default:
			return f, fmt.Errorf("--review %q: want all, unreviewed, confirmed, edited or rejected", *review)
		}
		for _, d := range []struct {
			name string
			v    string
			dst  *string
		}{{"since", *since, &f.Since}, {"until", *until, &f.Until}} {
			if d.v == "" {
				continue
			}
			if _, err := time.Parse(time.DateOnly, d.v); err != nil {
				return f, fmt.Errorf("--%s %q: want a date as YYYY-MM-DD", d.name, d.v)
			}
			*d.dst = d.v
		}
		if *near != "" {
			parts := strings.Split(*near, ",")
			var v [3]float64
			ok := len(parts) == 3
			for i := 0; ok && i < 3; i++ {
				x, err := strconv.ParseFloat(strings.TrimSpace(parts[i]), 64)
				v[i], ok = x, err == nil
			}
			if !ok || v[0] < -90 || v[0] > 90 || v[1] < -180 || v[1] > 180 || v[2] <= 0 {
				return f, fmt.Errorf("--near %q: want LAT,LON,KM such as 12.05,24.88,50", *near)
			}
			f.Near = &store.Circle{Lat: v[0], Lon: v[1], Km: v[2]}
		}
		return f, nil
	}
}

// openStore opens the database named by --db for a command.
func openStore(ctx context.Context, dsn string) (*store.DB, error) {
	return store.Open(ctx, dsn, store.Options{Version: ingest.SitrepVersion()})
}

// openReader opens the database and the extraction pipeline that the
// commands reading reports into it (ingest, demo, reprocess, serve) need.
func openReader(ctx context.Context, dsn string) (*store.DB, *pipeline.Extractor, error) {
	st, err := openStore(ctx, dsn)
	if err != nil {
		return nil, nil, err
	}
	x, err := pipeline.New()
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, x, nil
}

func runIncidents(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "show" {
		return runIncidentShow(args[1:], stdout, stderr)
	}
	fs := flag.NewFlagSet("incidents", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, "database: a SQLite file `path` or a postgres:// URL")
	limit := fs.Int("limit", 100, "print at most `N` incidents (0: all)")
	filter := filterFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep incidents [--db PATH|URL] [--since D] [--until D] [--type T] [--country CC] [--near LAT,LON,KM] [--q TEXT] [--review STATUS|all] [--limit N]")
		fmt.Fprintln(stderr, "       sitrep incidents show [--db PATH|URL] [--json] ID")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "sitrep incidents: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	f, err := filter()
	if err != nil {
		fmt.Fprintf(stderr, "sitrep incidents: %v\n", err)
		return 2
	}
	f.Limit = *limit
	ctx := context.Background()
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep incidents: %v\n", err)
		return 1
	}
	defer st.Close()
	ins, err := st.Incidents(ctx, f)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep incidents: %v\n", err)
		return 1
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tTYPE\tMODE\tPLACE\tCC\tKILLED\tSRC\tHEADLINE")
	for _, in := range ins {
		r := in.Record()
		place := ""
		if r.Location != nil {
			place = r.Location.Name
		}
		cc := ""
		if r.Location != nil {
			cc = r.Location.Country
		}
		title := ""
		if len(r.Sources) > 0 {
			title = r.Sources[0].Title
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", r.ID, dateText(r.Date), r.Type, deref(r.Mode),
			clip(place, 24), cc, rangeText(r.Counts.Killed), len(r.Sources), clip(title, 60))
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(stderr, "sitrep incidents: write output: %v\n", err)
		return 1
	}
	return 0
}

func runIncidentShow(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("incidents show", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", defaultDB, "database: a SQLite file `path` or a postgres:// URL")
	asJSON := fs.Bool("json", false, "print the incident as JSON (sitrep/incident/v1)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: sitrep incidents show [--db PATH|URL] [--json] ID")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	id := fs.Arg(0)
	ctx := context.Background()
	st, err := openStore(ctx, *db)
	if err != nil {
		fmt.Fprintf(stderr, "sitrep incidents show: %v\n", err)
		return 1
	}
	defer st.Close()
	in, via, err := st.Incident(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		fmt.Fprintf(stderr, "sitrep incidents show: %s: no such incident\n", id)
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "sitrep incidents show: %v\n", err)
		return 1
	}
	if *asJSON {
		b, err := json.MarshalIndent(in.Record(), "", "  ")
		if err != nil {
			fmt.Fprintf(stderr, "sitrep incidents show: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "%s\n", b)
		return 0
	}
	if via != "" {
		fmt.Fprintf(stdout, "%s was merged into %s\n\n", id, via)
	}
	explain(stdout, in)
	return 0
}

// explain prints an incident's reconciled fields and, for each source,
// what it said and why it joined.
func explain(w io.Writer, in *incident.Incident) {
	r := in.Record()
	fmt.Fprintf(w, "incident %s\n", r.ID)
	fmt.Fprintf(w, "  type       %s %s (CAMEO %s", r.Type, deref(r.Mode), r.CAMEO)
	if r.ACLED != nil {
		fmt.Fprintf(w, "; ACLED %s / %s", r.ACLED.EventType, r.ACLED.SubEventType)
	}
	fmt.Fprintln(w, ")")
	fmt.Fprintf(w, "  date       %s\n", dateText(r.Date))
	fmt.Fprintf(w, "  place      %s\n", placeText(r.Location))
	fmt.Fprintf(w, "  source     %s\n", actorText(r.Source))
	fmt.Fprintf(w, "  target     %s\n", actorText(r.Target))
	fmt.Fprintf(w, "  killed     %s   injured %s   arrested %s   participants %s\n",
		rangeText(r.Counts.Killed), rangeText(r.Counts.Injured), rangeText(r.Counts.Arrested), rangeText(r.Counts.Participants))
	fmt.Fprintf(w, "  modality   %s   confidence %.2f\n", r.Modality, r.Confidence)
	fmt.Fprintf(w, "\n%d source(s):\n", len(r.Sources))
	for i, s := range r.Sources {
		fmt.Fprintf(w, "\n[%d] %s %s  %q\n", i+1, deref(s.Outlet), deref(s.Published), s.Title)
		fmt.Fprintf(w, "    input    %s\n", s.Input)
		if s.URL != nil {
			fmt.Fprintf(w, "    url      %s\n", *s.URL)
		}
		fmt.Fprintf(w, "    event    %s/%s: %s %s, %s, %s, %s\n", s.Article, s.Event, s.Type, deref(s.Mode),
			eventDateText(s.Date), placeText(s.Location), s.Modality)
		fmt.Fprintf(w, "    says     killed %s, injured %s, arrested %s, participants %s\n",
			rangeText(s.Counts.Killed), rangeText(s.Counts.Injured), rangeText(s.Counts.Arrested), rangeText(s.Counts.Participants))
		if s.Joined == "" {
			fmt.Fprintf(w, "    why      founded the incident (the first report of it)\n")
		} else {
			fmt.Fprintf(w, "    why      joined (score %.2f): %s\n", s.Score, s.Joined)
		}
		for _, e := range s.Evidence {
			fmt.Fprintf(w, "    evidence [%d:%d] %s\n", e.Start, e.End, clip(e.Text, 160))
		}
		for _, c := range s.Copies {
			fmt.Fprintf(w, "    copy     %s (%s, %.0f%% of shingles shared) %s %q\n", c.Input, c.Relation, c.Similarity*100, deref(c.Outlet), c.Title)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return "-"
	}
	return *s
}

func clip(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func dateText(d *incident.Date) string {
	if d == nil || d.Start == nil {
		return "-"
	}
	if d.End == nil || *d.End == *d.Start {
		return *d.Start
	}
	return *d.Start + ".." + *d.End
}

func eventDateText(d *model.Date) string {
	if d == nil || d.Start == nil {
		if d != nil && d.Text != "" {
			return fmt.Sprintf("date %q unresolved", d.Text)
		}
		return "no date"
	}
	s := *d.Start
	if d.End != nil && *d.End != s {
		s += ".." + *d.End
	}
	if d.Text != "" {
		s += fmt.Sprintf(" (%q)", d.Text)
	}
	return s
}

func placeText(p *model.Place) string {
	if p == nil {
		return "-"
	}
	s := p.Name
	if p.Admin1 != "" {
		s += ", " + p.Admin1
	}
	if p.Country != "" {
		s += ", " + p.Country
	}
	return fmt.Sprintf("%s (%.4f, %.4f; %s)", s, p.Lat, p.Lon, p.Precision)
}

func actorText(a *model.Actor) string {
	if a == nil {
		return "-"
	}
	s := a.Text
	var tags []string
	if a.Sector != nil {
		tags = append(tags, *a.Sector)
	}
	if a.Country != nil {
		tags = append(tags, *a.Country)
	}
	if len(tags) > 0 {
		s += " (" + strings.Join(tags, ", ") + ")"
	}
	return s
}

func rangeText(r *model.Range) string {
	if r == nil {
		return "-"
	}
	switch {
	case r.Max == nil:
		return fmt.Sprintf("%d+", r.Min)
	case *r.Max == r.Min:
		return strconv.Itoa(r.Min)
	default:
		return fmt.Sprintf("%d-%d", r.Min, *r.Max)
	}
}

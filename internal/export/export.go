// Package export writes incidents in the formats the field already uses:
// JSON Lines in sitrep's own incident-v1 form, ACLED's CSV columns, the
// GDELT 2.0 event table (and its mentions table), and a GeoJSON
// FeatureCollection (RFC 7946). Writers take incidents one at a time, so
// an export of any size streams.
package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/incident"
	"sitrep/internal/model"
)

// Formats are the names New accepts.
var Formats = []string{"jsonl", "acled", "gdelt", "geojson"}

// Writer writes incidents in one format.
type Writer interface {
	// Write writes one incident.
	Write(in *incident.Incident) error
	// Close finishes the output (a closing bracket, a flush); it does not
	// close the underlying writer.
	Close() error
}

// Options tune the writers.
type Options struct {
	// Now is the export time, written where a format wants a timestamp
	// (ACLED's timestamp, GDELT's DATEADDED); zero means time.Now().
	Now time.Time
	// Mentions, when set, receives GDELT's mentions table beside the
	// event table: one row per report of each incident.
	Mentions io.Writer
}

// New returns a writer of format to w.
func New(format string, w io.Writer, opt Options) (Writer, error) {
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	opt.Now = opt.Now.UTC()
	switch format {
	case "jsonl":
		return &jsonlWriter{w: bufio.NewWriter(w)}, nil
	case "acled":
		cw := csv.NewWriter(w)
		if err := cw.Write(ACLEDColumns); err != nil {
			return nil, err
		}
		return &acledWriter{w: cw, opt: opt}, nil
	case "gdelt":
		g := &gdeltWriter{w: bufio.NewWriter(w), opt: opt}
		if opt.Mentions != nil {
			g.m = bufio.NewWriter(opt.Mentions)
		}
		return g, nil
	case "geojson":
		bw := bufio.NewWriter(w)
		_, err := bw.WriteString(`{"type":"FeatureCollection","features":[`)
		return &geojsonWriter{w: bw}, err
	}
	return nil, fmt.Errorf("unknown format %q: want one of %s", format, strings.Join(Formats, ", "))
}

// jsonlWriter writes one incident-v1 object per line.
type jsonlWriter struct{ w *bufio.Writer }

func (j *jsonlWriter) Write(in *incident.Incident) error {
	b, err := json.Marshal(in.Record())
	if err != nil {
		return fmt.Errorf("encode incident %s: %w", in.ID, err)
	}
	j.w.Write(b)
	return j.w.WriteByte('\n')
}

func (j *jsonlWriter) Close() error { return j.w.Flush() }

// geojsonWriter writes a FeatureCollection, one Feature per incident: a
// Point at the incident's place ([longitude, latitude], RFC 7946), or a
// null geometry when the place is unknown.
type geojsonWriter struct {
	w *bufio.Writer
	n int
}

// feature is a GeoJSON Feature.
type feature struct {
	Type       string         `json:"type"`
	ID         string         `json:"id"`
	Geometry   *point         `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

func (g *geojsonWriter) Write(in *incident.Incident) error {
	r := in.Record()
	f := feature{Type: "Feature", ID: r.ID, Properties: map[string]any{
		"type": r.Type, "mode": r.Mode, "cameo": r.CAMEO, "acled": r.ACLED, "date": r.Date,
		"source": actorName(r.Source), "target": actorName(r.Target), "counts": r.Counts,
		"modality": r.Modality, "confidence": r.Confidence, "reviewed": r.Reviewed,
		"sources": len(r.Sources), "outlets": outlets(r), "title": firstTitle(r),
	}}
	if p := r.Location; p != nil {
		f.Geometry = &point{Type: "Point", Coordinates: [2]float64{round(p.Lon, 6), round(p.Lat, 6)}}
		f.Properties["place"] = p.Name
		f.Properties["admin1"] = p.Admin1
		f.Properties["country"] = p.Country
		f.Properties["precision"] = p.Precision
		f.Properties["geonameid"] = p.GeonameID
	}
	b, err := json.Marshal(f)
	if err != nil {
		return fmt.Errorf("encode incident %s: %w", in.ID, err)
	}
	if g.n > 0 {
		g.w.WriteByte(',')
	}
	g.w.WriteByte('\n')
	g.n++
	_, err = g.w.Write(b)
	return err
}

func (g *geojsonWriter) Close() error {
	g.w.WriteString("\n]}\n")
	return g.w.Flush()
}

func round(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}

func actorName(a *model.Actor) string {
	if a == nil {
		return ""
	}
	if a.Name != nil {
		return *a.Name
	}
	return a.Text
}

// outlets lists the distinct outlets of an incident's reports, in order.
func outlets(r *incident.Record) []string {
	seen := map[string]bool{}
	var out []string
	add := func(o *string) {
		if o != nil && *o != "" && !seen[*o] {
			seen[*o] = true
			out = append(out, *o)
		}
	}
	for _, s := range r.Sources {
		add(s.Outlet)
		for _, c := range s.Copies {
			add(c.Outlet)
		}
	}
	return out
}

func firstTitle(r *incident.Record) string {
	if len(r.Sources) == 0 {
		return ""
	}
	return r.Sources[0].Title
}

// startDate returns the incident's first day, or false.
func startDate(r *incident.Record) (time.Time, bool) {
	if r.Date == nil || r.Date.Start == nil {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, *r.Date.Start)
	return t, err == nil
}

// articles counts an incident's distinct reports.
func articles(r *incident.Record) int {
	seen := map[string]bool{}
	for _, s := range r.Sources {
		seen[s.Article] = true
	}
	return len(seen)
}

func itoa(i int) string { return strconv.Itoa(i) }

func ftoa(x float64, prec int) string { return strconv.FormatFloat(x, 'f', prec, 64) }

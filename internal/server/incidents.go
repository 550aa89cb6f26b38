package server

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/export"
	"sitrep/internal/incident"
	"sitrep/internal/store"
)

// Page sizes of GET /api/incidents.
const (
	DefaultLimit = 100
	MaxLimit     = 500
)

// BBox is a bounding box in degrees; MinLon > MaxLon is a box across
// the antimeridian. The store filters by it.
type BBox = store.BBox

// query is a parsed incident filter, all of it selected by the store.
type query struct {
	f store.Filter
}

func badParam(name, value, want string) error {
	return apiError(BadRequest, "bad_parameter", "%s %q: want %s", name, value, want)
}

// parseQuery reads the filter parameters shared by the list and export.
func parseQuery(v url.Values) (query, error) {
	var q query
	for _, d := range []struct {
		name string
		dst  *string
	}{{"since", &q.f.Since}, {"until", &q.f.Until}} {
		s := v.Get(d.name)
		if s == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return q, badParam(d.name, s, "a date as YYYY-MM-DD")
		}
		*d.dst = s
	}
	if t := v.Get("type"); t != "" {
		if !isWord(t) {
			return q, badParam("type", t, "a PLOVER event type such as PROTEST")
		}
		q.f.Type = strings.ToUpper(t)
	}
	if c := v.Get("country"); c != "" {
		if len(c) != 2 || !isWord(c) {
			return q, badParam("country", c, "an ISO 3166-1 alpha-2 code such as SD")
		}
		q.f.Country = strings.ToUpper(c)
	}
	if s := v.Get("bbox"); s != "" {
		parts := strings.Split(s, ",")
		var x [4]float64
		ok := len(parts) == 4
		for i := 0; ok && i < 4; i++ {
			f, err := strconv.ParseFloat(strings.TrimSpace(parts[i]), 64)
			x[i], ok = f, err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
		}
		b := BBox{MinLon: x[0], MinLat: x[1], MaxLon: x[2], MaxLat: x[3]}
		if !ok || !b.Valid() {
			return q, badParam("bbox", s, "minlon,minlat,maxlon,maxlat in degrees such as 20,10,30,20")
		}
		q.f.BBox = &b
	}
	q.f.Q = strings.TrimSpace(v.Get("q"))
	if s := v.Get("reviewed"); s != "" {
		b, err := strconv.ParseBool(s)
		if err != nil {
			return q, badParam("reviewed", s, "true or false")
		}
		q.f.Reviewed = &b
	}
	switch r := v.Get("review"); {
	case r == "":
		// Rejected incidents are not incidents, unless asked for.
		q.f.Review = []string{incident.Unreviewed, incident.Confirmed, incident.Edited}
	case r == "all":
	case slices.Contains(incident.Statuses, r):
		q.f.Review = []string{r}
	default:
		return q, badParam("review", r, "all, or a review status: unreviewed, confirmed, edited or rejected")
	}
	return q, nil
}

func isWord(s string) bool {
	for _, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return s != ""
}

// encodeCursor and decodeCursor make the opaque cursor of a page from
// the store's keyset position (store.Cursor, store.QueueCursor); clients
// must not rely on its form.
func encodeCursor(c any) string {
	b, _ := json.Marshal(c)
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string, c any) bool {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(c) == nil
}

// parseLimit reads the page size of a list.
func parseLimit(v url.Values) (int, error) {
	l := v.Get("limit")
	if l == "" {
		return DefaultLimit, nil
	}
	n, err := strconv.Atoi(l)
	if err != nil || n < 1 || n > MaxLimit {
		return 0, badParam("limit", l, fmt.Sprintf("a whole number from 1 to %d", MaxLimit))
	}
	return n, nil
}

// page is the body of GET /api/incidents and of the review queue. The
// list writes it by hand from stored records (listIncidents), in the
// form encoding/json gives it.
type page struct {
	Incidents  []*incident.Record `json:"incidents"`
	Limit      int                `json:"limit"`
	NextCursor *string            `json:"next_cursor"`
}

// errStop ends a scan early.
var errStop = errors.New("stop")

// listIncidents answers GET /api/incidents.
func (s *Server) listIncidents(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	q, err := parseQuery(v)
	if err != nil {
		return err
	}
	limit, err := parseLimit(v)
	if err != nil {
		return err
	}
	if o := v.Get("offset"); o != "" {
		return badParam("offset", o, "no offset: pages follow one another by cursor (next_cursor)")
	}
	if c := v.Get("cursor"); c != "" {
		var after store.Cursor
		if !decodeCursor(c, &after) || after.ID == "" {
			return badParam("cursor", c, "a next_cursor from an earlier page")
		}
		q.f.After = &after
	}
	if srt := v.Get("sort"); srt != "" && srt != "newest" {
		return badParam("sort", srt, "newest (the only order so far)")
	}
	f := q.f
	f.Limit = limit
	// The page is written as the records are read: the stored records
	// joined as the elements of the array that encoding/json would
	// give, byte for byte, copied in as they are stored (valid JSON,
	// checked when they were written) rather than decoded and encoded
	// again.
	buf := getBuf()
	defer putBuf(buf)
	buf.WriteString(`{"incidents":[`)
	_, next, err := s.cfg.DB.PageRecords(r.Context(), f, func(rec []byte) {
		if buf.Len() > len(`{"incidents":[`) {
			buf.WriteByte(',')
		}
		buf.Write(rec)
	})
	if err != nil {
		return err
	}
	buf.WriteString(`],"limit":`)
	buf.WriteString(strconv.Itoa(limit))
	buf.WriteString(`,"next_cursor":`)
	if next == nil {
		buf.WriteString(`null`)
	} else {
		// A cursor is base64url: nothing in it needs escaping.
		buf.WriteByte('"')
		buf.WriteString(encodeCursor(next))
		buf.WriteByte('"')
	}
	buf.WriteString("}\n")
	send(w, http.StatusOK, buf)
	return nil
}

// redirectBody is the body of a 301 for a merged incident.
type redirectBody struct {
	ID       string `json:"id"`
	MergedIn string `json:"merged_into"`
	Location string `json:"location"`
}

// getIncident answers GET /api/incidents/{id}. An id merged into another
// incident answers 301 with the survivor's address.
func (s *Server) getIncident(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	in, via, err := s.cfg.DB.Incident(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return apiError(NotFound, "incident_not_found", "incident %q: not found", id)
	}
	if err != nil {
		return err
	}
	if via != "" {
		loc := "/api/incidents/" + url.PathEscape(via)
		w.Header().Set("Location", loc)
		writeJSON(w, http.StatusMovedPermanently, &redirectBody{ID: id, MergedIn: via, Location: loc})
		return nil
	}
	writeJSON(w, http.StatusOK, in.Record())
	return nil
}

// exportTypes are the Content-Types of the export formats.
var exportTypes = map[string]string{
	"jsonl":   "application/x-ndjson; charset=utf-8",
	"acled":   "text/csv; charset=utf-8",
	"gdelt":   "text/tab-separated-values; charset=utf-8",
	"geojson": "application/geo+json; charset=utf-8",
}

// exportExt are the file name endings of the export formats.
var exportExt = map[string]string{"jsonl": "jsonl", "acled": "csv", "gdelt": "tsv", "geojson": "geojson"}

// export answers GET /api/export: every incident the filters select,
// streamed in one of the formats of package export.
func (s *Server) export(w http.ResponseWriter, r *http.Request) error {
	v := r.URL.Query()
	format := v.Get("format")
	if format == "" {
		format = "jsonl"
	}
	if exportTypes[format] == "" {
		return badParam("format", format, "one of "+strings.Join(export.Formats, ", "))
	}
	q, err := parseQuery(v)
	if err != nil {
		return err
	}
	limit := 0
	if l := v.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 0 {
			return badParam("limit", l, "a whole number, 0 (all) or more")
		}
		limit = n
	}
	w.Header().Set("Content-Type", exportTypes[format])
	w.Header().Set("Content-Disposition", `attachment; filename="incidents.`+exportExt[format]+`"`)
	cw := &countWriter{w: w}
	ew, err := export.New(format, cw, export.Options{})
	if err != nil {
		return err
	}
	written := 0
	err = s.cfg.DB.Each(r.Context(), q.f, func(in *incident.Incident) error {
		if err := ew.Write(in); err != nil {
			return err
		}
		written++
		if limit > 0 && written >= limit {
			return errStop
		}
		return nil
	})
	if errors.Is(err, errStop) {
		err = nil
	}
	if err != nil && cw.n == 0 {
		// Nothing is sent yet: the error can still be the response.
		w.Header().Del("Content-Disposition")
		return err
	}
	if cerr := ew.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		// The status is sent: the output can only be cut short.
		s.log.Error("export failed", "format", format, "err", err)
	}
	return nil
}

// countWriter counts the bytes written through it.
type countWriter struct {
	w interface{ Write([]byte) (int, error) }
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

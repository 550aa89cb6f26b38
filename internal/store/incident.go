package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"sitrep/internal/incident"
	"sitrep/internal/model"
)

// Tx is a write transaction on the incident tables. It is used by one
// goroutine.
type Tx struct {
	db *DB
	tx *wtx

	// stale lists, once each, the incidents whose stored records must
	// be rendered again before the transaction commits (renderStale).
	stale  []string
	staled map[string]bool
}

// Update runs fn in a write transaction, committed when fn returns nil.
func (db *DB) Update(ctx context.Context, fn func(*Tx) error) error {
	var wanted []string
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		t := &Tx{db: db, tx: db.newWtx(tx)}
		defer func() { wanted = t.tx.wanted }()
		if err := fn(t); err != nil {
			return err
		}
		return t.renderStale(ctx)
	})
	if len(wanted) > 0 {
		db.prepareWanted(ctx, wanted)
	}
	return err
}

// memberColumns are the columns memberFrom reads, in order.
const memberColumns = `e.article_id, e.data, e.evidence, a.seq, o.input, a.url, a.outlet, a.title, a.published`

// memberJoin joins an event to its article and the article's first input.
const memberJoin = `JOIN articles a ON a.id = e.article_id
	JOIN article_sources o ON o.article_id = a.id AND o.relation = 'original'`

type scanner interface{ Scan(dest ...any) error }

// scanMember reads memberColumns, followed by extra destinations.
func scanMember(s scanner, extra ...any) (*incident.Member, error) {
	m := &incident.Member{}
	var data, evid string
	dest := append([]any{&m.Article, &data, &evid, &m.Seq, &m.Input, &m.URL, &m.Outlet, &m.Title, &m.Published}, extra...)
	if err := s.Scan(dest...); err != nil {
		return nil, err
	}
	m.Event = &model.Event{}
	if err := json.Unmarshal([]byte(data), m.Event); err != nil {
		return nil, fmt.Errorf("decode event of %s: %w", m.Article, err)
	}
	if err := json.Unmarshal([]byte(evid), &m.Evidence); err != nil {
		return nil, fmt.Errorf("decode evidence of %s/%s: %w", m.Article, m.Event.ID, err)
	}
	return m, nil
}

// PendingEvents returns up to limit events not yet placed in an incident,
// in ingest order.
func (t *Tx) PendingEvents(ctx context.Context, limit int) ([]*incident.Member, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT `+memberColumns+` FROM events e `+memberJoin+`
		WHERE e.pending = 1 ORDER BY a.seq, e.ord LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("pending events: %w", err)
	}
	defer rows.Close()
	var out []*incident.Member
	for rows.Next() {
		m, err := scanMember(rows)
		if err != nil {
			return nil, fmt.Errorf("pending events: %w", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pending events: %w", err)
	}
	if err := loadCopies(ctx, t.tx, out); err != nil {
		return nil, err
	}
	return out, nil
}

// MaxCandidates caps the incidents Candidates returns.
const MaxCandidates = 50

// shortSpan is the longest date range, in days, of the incidents that
// Candidates finds by the newest-first index, from a floor this many
// days before the event's range; longer ones it finds by their span.
const shortSpan = 31

// Candidates returns the incidents event m might join: same type, dates
// within reach, the same country or none known, not too far away,
// oldest first.
//
// The query reads few rows however many incidents are stored. Those of a
// short range (most) are found from a floor shortSpan days before the
// event's range to its end: for an event placed at a district or finer,
// those at a district or finer by the cells of the map around it
// (incidents_cell_newest, checking the box in the index) and the others
// by incidents_coarse; otherwise all along incidents_type_newest. Those
// of a long range ("last year") are found by incidents_span, which holds
// few of them.
func (t *Tx) Candidates(ctx context.Context, m *incident.Member) ([]*incident.Incident, error) {
	start, end, ok := incident.Dates(m)
	if !ok {
		return nil, nil
	}
	s, err := time.Parse(time.DateOnly, start)
	if err != nil {
		return nil, fmt.Errorf("candidates: date %q: %w", start, err)
	}
	floor := s.AddDate(0, 0, -shortSpan).Format(time.DateOnly)
	args := []any{m.Event.Type, end, start, floor}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	country := ""
	if p := m.Event.Location; p != nil && p.Country != "" {
		country = ` AND (country = ` + arg(p.Country) + ` OR country IS NULL)`
	}
	fine := fmt.Sprintf(`place_precision IN ('%s', '%s', '%s')`, model.PrecPoint, model.PrecCity, model.PrecAdmin2)
	// incident.Match refuses two places at a district or finer that lie
	// further apart than the type allows: a box around the event's place,
	// a little larger than that distance, leaves them out here.
	var box kmBox
	var cells []int
	boxed := false
	if p := m.Event.Location; p != nil && incident.Fine(p) {
		box, boxed = aroundKm(p.Lat, p.Lon, incident.MaxKm(m.Event.Type))
		if boxed {
			cells = BBox{MinLon: box.West, MinLat: box.South, MaxLon: box.East, MaxLat: box.North}.cells()
		}
	}
	outside, south, north, west, east := "", "", "", "", ""
	if boxed {
		south, north, west, east = arg(box.South), arg(box.North), arg(box.West), arg(box.East)
		outside = fmt.Sprintf(` AND NOT ((lat < %s OR lat > %s OR lon < %s OR lon > %s) AND %s)`, south, north, west, east, fine)
	}
	cols := "id, seq"
	if t.db.cands != nil {
		cols = "id, seq, record"
	}
	// SQLite, left to itself, may walk every incident of the type, or
	// all of them in seq order.
	from := func(index string) string {
		if t.db.dialect == SQLite {
			return "incidents INDEXED BY " + index
		}
		return "incidents"
	}
	short := fmt.Sprintf(`sort_date >= $4 AND sort_date <= $2 AND date_end >= $3 AND span_days <= %d`, shortSpan)
	var parts []string
	if len(cells) > 0 {
		in := make([]string, len(cells))
		for i, c := range cells {
			in[i] = strconv.Itoa(c)
		}
		parts = append(parts,
			fmt.Sprintf(`SELECT %s FROM %s WHERE cell IN (%s) AND %s AND lat >= %s AND lat <= %s AND lon >= %s AND lon <= %s
				AND type = $1 AND %s%s`, cols, from("incidents_cell_newest"), strings.Join(in, ", "), short,
				south, north, west, east, fine, country),
			fmt.Sprintf(`SELECT %s FROM %s WHERE type = $1 AND %s AND (place_precision IS NULL OR NOT %s)%s`,
				cols, from("incidents_coarse"), short, fine, country))
	} else {
		parts = append(parts, fmt.Sprintf(`SELECT %s FROM %s WHERE type = $1 AND %s%s%s`,
			cols, from("incidents_type_newest"), short, country, outside))
	}
	parts = append(parts, fmt.Sprintf(`SELECT %s FROM %s WHERE span_days > %d AND type = $1 AND date_start <= $2
		AND date_end >= $3%s%s`, cols, from("incidents_span"), shortSpan, country, outside))
	q := fmt.Sprintf(`SELECT %s FROM (%s) c ORDER BY seq LIMIT %d`, cols, strings.Join(parts, "\n\t\tUNION ALL\n\t\t"), MaxCandidates)
	if t.db.cands == nil {
		return loadIncidents(ctx, t.tx, q, args...)
	}
	return t.cachedCandidates(ctx, q, args...)
}

// kmBox is a range of latitudes and longitudes.
type kmBox struct{ South, North, West, East float64 }

// aroundKm returns a box that holds every point within km of lat, lon,
// with a margin; false where no such box is a plain range of latitudes
// and longitudes (near a pole or across the antimeridian).
func aroundKm(lat, lon, km float64) (kmBox, bool) {
	// An arc of km on the sphere incident.Km measures on, in degrees,
	// and one per cent more.
	d := km / (incident.EarthKm * math.Pi / 180) * 1.01
	if math.Abs(lat)+d >= 89 {
		return kmBox{}, false
	}
	dlon := d / math.Cos((math.Abs(lat)+d)*math.Pi/180)
	if lon-dlon < -180 || lon+dlon > 180 {
		return kmBox{}, false
	}
	return kmBox{South: lat - d, North: lat + d, West: lon - dlon, East: lon + dlon}, true
}

// NextIncidentSeq returns the creation number for a new incident.
func (t *Tx) NextIncidentSeq(ctx context.Context) (int64, error) {
	var seq int64
	if err := t.tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) + 1 FROM incidents`).Scan(&seq); err != nil {
		return 0, fmt.Errorf("next incident seq: %w", err)
	}
	return seq, nil
}

// SaveIncident writes an incident, its reconciled fields and every
// member, and marks the members' events placed. The incidents in absorbed
// have merged into it: their rows go, and their ids redirect to it.
//
// It stores the incident's record as the list serves it (record.go),
// rendered as the head (data) always was, from in's members, which the
// caller read from the store, with their copies read again: byte for
// byte what a fresh reading of the rows gives.
//
// The review state is the store's, not the caller's: SaveIncident reads
// it (and carries over the values set by hand on absorbed incidents
// that the survivor lacks), so that however the incident was rebuilt (a
// new report, a new version of one, a merge) what reviewers set is
// applied over it and never lost. Change the review with SetReview.
func (t *Tx) SaveIncident(ctx context.Context, in *incident.Incident, absorbed []*incident.Incident) error {
	// Whatever the cache held of them is changed or gone.
	t.db.cands.forget(in.ID)
	for _, o := range absorbed {
		t.db.cands.forget(o.ID)
	}
	// The members' copies as stored, whatever the caller's members
	// held: the stored record lists them.
	for _, m := range in.Members {
		m.Copies = nil
	}
	if err := loadCopies(ctx, t.tx, in.Members); err != nil {
		return fmt.Errorf("save incident %s: %w", in.ID, err)
	}
	rv, stored, err := t.review(ctx, in.ID)
	if err != nil {
		return fmt.Errorf("save incident %s: %w", in.ID, err)
	}
	if !stored {
		// A new incident: whatever review it was made with (none, as a
		// rule) is its first.
		rv = in.Review()
	}
	carried := false
	for _, o := range absorbed {
		orv, _, err := t.review(ctx, o.ID)
		if err != nil {
			return fmt.Errorf("merge incident %s: %w", o.ID, err)
		}
		for f, v := range orv.Overrides {
			if _, set := rv.Overrides[f]; !set {
				if rv.Overrides == nil {
					rv.Overrides = map[string]json.RawMessage{}
				}
				rv.Overrides[f] = v
				carried = true
			}
		}
	}
	in.SetReview(rv)
	rec := in.Record()
	head := *rec
	head.Sources = nil
	data, err := json.Marshal(&head)
	if err != nil {
		return fmt.Errorf("encode incident %s: %w", in.ID, err)
	}
	// The stored record (record.go): json.Marshal checks the JSON it
	// emits, the overrides (raw JSON) included, so the record is valid
	// JSON once here and never parsed when it is served.
	full, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("encode incident %s: %w", in.ID, err)
	}
	ov, err := json.Marshal(rec.Review.Overrides)
	if err != nil {
		return fmt.Errorf("encode incident %s: %w", in.ID, err)
	}
	start, end := window(in)
	var lat, lon *float64
	var country, admin1 *string
	if p := rec.Location; p != nil {
		lat, lon = &p.Lat, &p.Lon
		country, admin1 = nonEmpty(p.Country), nonEmpty(p.Admin1)
	}
	var killed *int
	if rec.Counts.Killed != nil {
		killed = &rec.Counts.Killed.Min
	}
	// The review columns are written for a new row only: an existing
	// row's are changed by SetReview alone (and by a carry, below).
	_, err = t.tx.ExecContext(ctx, `INSERT INTO incidents
		(id, seq, type, mode, date_start, date_end, sort_date, span_days, lat, lon, country, admin1, killed, n_sources, data, sitrep_version,
		 confidence, needs, review_status, reviewed_by, reviewed_at, overrides, reviewed, record)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
		ON CONFLICT (id) DO UPDATE SET type = excluded.type, mode = excluded.mode,
			date_start = excluded.date_start, date_end = excluded.date_end, sort_date = excluded.sort_date,
			span_days = excluded.span_days, lat = excluded.lat, lon = excluded.lon,
			country = excluded.country, admin1 = excluded.admin1, killed = excluded.killed,
			n_sources = excluded.n_sources, data = excluded.data, sitrep_version = excluded.sitrep_version,
			confidence = excluded.confidence, needs = excluded.needs, record = excluded.record,
			updated_at = CURRENT_TIMESTAMP`,
		in.ID, in.Seq, rec.Type, rec.Mode, start, end, sortDate(start), spanDays(start, end), lat, lon, country, admin1, killed, len(in.Members), string(data), t.db.version,
		rec.Confidence, len(rec.Review.Needs), rec.Review.Status, rec.Review.By, rec.Review.At, string(ov), flag(rec.Reviewed), string(full))
	if err != nil {
		return fmt.Errorf("save incident %s: %w", in.ID, err)
	}
	if carried && stored {
		if _, err := t.tx.ExecContext(ctx, `UPDATE incidents SET overrides = $1 WHERE id = $2`, string(ov), in.ID); err != nil {
			return fmt.Errorf("save incident %s: %w", in.ID, err)
		}
	}
	// A live incident is reached under its own id, even one that was
	// merged away once and split off again.
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM incident_redirects WHERE from_id = $1`, in.ID); err != nil {
		return fmt.Errorf("save incident %s: %w", in.ID, err)
	}
	// The incidents other than these that hold a member now (the one a
	// split takes it from) lose it: their records are rendered again too.
	losers, err := t.holders(ctx, in, absorbed)
	if err != nil {
		return fmt.Errorf("save incident %s: %w", in.ID, err)
	}
	for i, m := range in.Members {
		_, err := t.tx.ExecContext(ctx, `INSERT INTO incident_sources
			(article_id, event_id, incident_id, ord, reason, score, sitrep_version)
			VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (article_id, event_id) DO UPDATE SET incident_id = excluded.incident_id,
				ord = excluded.ord, reason = excluded.reason, score = excluded.score`,
			m.Article, m.Event.ID, in.ID, i, m.Reason, m.Score, t.db.version)
		if err != nil {
			return fmt.Errorf("save incident %s: source %s/%s: %w", in.ID, m.Article, m.Event.ID, err)
		}
		if _, err := t.tx.ExecContext(ctx, `UPDATE events SET pending = 0 WHERE article_id = $1 AND id = $2 AND pending = 1`,
			m.Article, m.Event.ID); err != nil {
			return fmt.Errorf("save incident %s: %w", in.ID, err)
		}
	}
	for _, o := range absorbed {
		why := fmt.Sprintf("merged into %s", in.ID)
		if _, err := t.tx.ExecContext(ctx, `DELETE FROM incidents WHERE id = $1`, o.ID); err != nil {
			return fmt.Errorf("merge incident %s: %w", o.ID, err)
		}
		if _, err := t.tx.ExecContext(ctx, `UPDATE incident_redirects SET to_id = $1 WHERE to_id = $2`, in.ID, o.ID); err != nil {
			return fmt.Errorf("merge incident %s: %w", o.ID, err)
		}
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO incident_redirects (from_id, to_id, reason, sitrep_version)
			VALUES ($1, $2, $3, $4) ON CONFLICT (from_id) DO UPDATE SET to_id = excluded.to_id`,
			o.ID, in.ID, why, t.db.version); err != nil {
			return fmt.Errorf("merge incident %s: %w", o.ID, err)
		}
	}
	// The incidents that lost a member: their records are rendered
	// again, from the tables, before the transaction commits.
	t.markStale(losers...)
	return nil
}

// holders returns the ids of the incidents, other than in and those
// absorbed, that hold any of in's members.
func (t *Tx) holders(ctx context.Context, in *incident.Incident, absorbed []*incident.Incident) ([]string, error) {
	if len(in.Members) == 0 {
		return nil, nil
	}
	skip := map[string]bool{in.ID: true}
	for _, o := range absorbed {
		skip[o.ID] = true
	}
	mine := map[[2]string]bool{}
	seen := map[string]bool{}
	var articles []any
	for _, m := range in.Members {
		mine[[2]string{m.Article, m.Event.ID}] = true
		if !seen[m.Article] {
			seen[m.Article] = true
			articles = append(articles, m.Article)
		}
	}
	rows, err := t.tx.QueryContext(ctx, `SELECT article_id, event_id, incident_id FROM incident_sources
		WHERE article_id IN (`+placeholders(1, len(articles))+`)`, articles...)
	if err != nil {
		return nil, fmt.Errorf("incidents of members: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var a, e, id string
		if err := rows.Scan(&a, &e, &id); err != nil {
			return nil, fmt.Errorf("incidents of members: %w", err)
		}
		if mine[[2]string{a, e}] && !skip[id] {
			skip[id] = true
			out = append(out, id)
		}
	}
	return out, rows.Err()
}

// window is the range of days stored for an incident: its reconciled
// date, or for an incident no report dates, the days up to its first
// report's publication.
func window(in *incident.Incident) (start, end *string) {
	rec := in.Record()
	if rec.Date != nil && rec.Date.Start != nil && rec.Date.End != nil {
		return rec.Date.Start, rec.Date.End
	}
	for _, m := range in.Members {
		if s, e, ok := incident.Dates(m); ok {
			return &s, &e
		}
	}
	return nil, nil
}

// sortDate is the incidents.sort_date of a start date: the date, or ""
// for none, which sorts after every date in newest-first order.
func sortDate(start *string) string {
	if start == nil {
		return ""
	}
	return *start
}

// spanDays is the incidents.span_days of a date range: the days from
// its start to its end, 0 when either is unknown.
func spanDays(start, end *string) int {
	if start == nil || end == nil {
		return 0
	}
	s, err1 := time.Parse(time.DateOnly, *start)
	e, err2 := time.Parse(time.DateOnly, *end)
	if err1 != nil || err2 != nil || e.Before(s) {
		return 0
	}
	return int(e.Sub(s).Hours()/24 + 0.5)
}

// SkipEvent marks an event that belongs in no incident as placed.
func (t *Tx) SkipEvent(ctx context.Context, articleID, eventID string) error {
	if _, err := t.tx.ExecContext(ctx, `UPDATE events SET pending = 0 WHERE article_id = $1 AND id = $2`, articleID, eventID); err != nil {
		return fmt.Errorf("skip event %s/%s: %w", articleID, eventID, err)
	}
	return nil
}

// loadIncidents runs query, which selects id and seq of incidents, and
// loads each with its members, in the query's order.
func loadIncidents(ctx context.Context, q querier, query string, args ...any) ([]*incident.Incident, error) {
	return loadIncidentsKeyed(ctx, q, nil, query, args...)
}

// loadIncidentsKeyed is loadIncidents for a query that also selects
// sort_date, third; each row's keyset position is appended to keys.
func loadIncidentsKeyed(ctx context.Context, q querier, keys *[]Cursor, query string, args ...any) ([]*incident.Incident, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("query incidents: %w", err)
	}
	var out []*incident.Incident
	byID := map[string]*incident.Incident{}
	for rows.Next() {
		in := &incident.Incident{}
		dest := []any{&in.ID, &in.Seq}
		var date string
		if keys != nil {
			dest = append(dest, &date)
		}
		if err := rows.Scan(dest...); err != nil {
			rows.Close()
			return nil, fmt.Errorf("query incidents: %w", err)
		}
		if keys != nil {
			*keys = append(*keys, Cursor{Date: date, ID: in.ID})
		}
		out = append(out, in)
		byID[in.ID] = in
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query incidents: %w", err)
	}
	const batch = 500
	for i := 0; i < len(out); i += batch {
		part := out[i:min(len(out), i+batch)]
		ids := make([]any, len(part))
		for j, in := range part {
			ids[j] = in.ID
		}
		if err := loadReviews(ctx, q, byID, ids); err != nil {
			return nil, err
		}
		rows, err := q.QueryContext(ctx, `SELECT `+memberColumns+`, s.incident_id, s.reason, s.score
			FROM incident_sources s JOIN events e ON e.article_id = s.article_id AND e.id = s.event_id `+memberJoin+`
			WHERE s.incident_id IN (`+placeholders(1, len(ids))+`) ORDER BY s.incident_id, s.ord`, ids...)
		if err != nil {
			return nil, fmt.Errorf("load incident sources: %w", err)
		}
		var all []*incident.Member
		for rows.Next() {
			var incID string
			var reason string
			var score float64
			m, err := scanMember(rows, &incID, &reason, &score)
			if err != nil {
				rows.Close()
				return nil, fmt.Errorf("load incident sources: %w", err)
			}
			m.Reason, m.Score = reason, score
			byID[incID].Members = append(byID[incID].Members, m)
			all = append(all, m)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("load incident sources: %w", err)
		}
		if err := loadCopies(ctx, q, all); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// loadCopies fills in the other inputs that carried each member's
// article.
func loadCopies(ctx context.Context, q querier, ms []*incident.Member) error {
	byArticle := map[string][]*incident.Member{}
	var ids []any
	for _, m := range ms {
		if _, ok := byArticle[m.Article]; !ok {
			ids = append(ids, m.Article)
		}
		byArticle[m.Article] = append(byArticle[m.Article], m)
	}
	if len(ids) == 0 {
		return nil
	}
	rows, err := q.QueryContext(ctx, `SELECT article_id, input, url, outlet, title, published, relation, similarity
		FROM article_sources WHERE relation <> 'original' AND article_id IN (`+placeholders(1, len(ids))+`)
		ORDER BY created_at, raw_hash`, ids...)
	if err != nil {
		return fmt.Errorf("load article copies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var c incident.Copy
		if err := rows.Scan(&id, &c.Input, &c.URL, &c.Outlet, &c.Title, &c.Published, &c.Relation, &c.Similarity); err != nil {
			return fmt.Errorf("load article copies: %w", err)
		}
		c.Similarity = math.Round(c.Similarity*1000) / 1000
		for _, m := range byArticle[id] {
			m.Copies = append(m.Copies, c)
		}
	}
	return rows.Err()
}

// Filter selects incidents. Zero fields select everything.
type Filter struct {
	// Since and Until (YYYY-MM-DD) keep incidents whose dates overlap
	// the range, both ends inclusive.
	Since, Until string
	// Type is a PLOVER event type.
	Type string
	// Country is an ISO 3166-1 alpha-2 code.
	Country string
	// Near keeps incidents within Km kilometres of Lat, Lon.
	Near *Circle
	// BBox keeps incidents located in the box, edges included.
	BBox *BBox
	// Reviewed, when set, keeps reviewed (true) or unreviewed (false)
	// incidents.
	Reviewed *bool
	// Review, when not empty, keeps the incidents whose review status
	// (incident.Unreviewed, Confirmed, Edited, Rejected) is one of these.
	Review []string
	// Q keeps incidents of which some report's text matches all its words.
	Q string
	// After, when set, keeps the incidents after this position in
	// newest-first order: the next page after one that ended there.
	After *Cursor
	// Limit caps the number returned (zero: no cap).
	Limit int

	floor string // set by selectNewest for PostgreSQL's walks of the whole map; see there
}

// Circle is a circle on the map.
type Circle struct {
	Lat, Lon, Km float64
}

// BBox is a box on the map in degrees. MinLon > MaxLon is a box across
// the antimeridian: from MinLon east to 180 and on from -180 to MaxLon.
type BBox struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// Valid reports whether the box's corners are on the map and its south
// edge is not north of its north edge.
func (b BBox) Valid() bool {
	in := func(x, lim float64) bool { return x >= -lim && x <= lim }
	return in(b.MinLon, 180) && in(b.MaxLon, 180) && in(b.MinLat, 90) && in(b.MaxLat, 90) && b.MinLat <= b.MaxLat
}

// Contains reports whether the point is in the box, edges included.
func (b BBox) Contains(lat, lon float64) bool {
	if lat < b.MinLat || lat > b.MaxLat {
		return false
	}
	if b.MinLon <= b.MaxLon {
		return b.MinLon <= lon && lon <= b.MaxLon
	}
	return lon >= b.MinLon || lon <= b.MaxLon
}

// Cursor is a position in the newest-first order of incidents: the
// sort date of an incident ("" for one without a date, which sort last)
// and its id, which breaks ties. Pages that follow one another by cursor
// neither skip nor repeat an incident when others are added meanwhile.
type Cursor struct {
	Date string `json:"d"`
	ID   string `json:"i"`
}

// where builds the WHERE clause of a filter, its arguments numbered from
// $1.
func (db *DB) where(f Filter) (string, []any) {
	var conds []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return db.param(len(args))
	}
	if f.Since != "" {
		since := arg(f.Since)
		conds = append(conds, "i.date_end >= "+since)
		// No incident lasts longer than the longest stored, so none
		// that overlaps the range starts more days before it (floor):
		// the newest-first indexes stop there. The longest is read, by
		// index, in the same statement, unless selectNewest read it
		// first.
		const longest = `(SELECT COALESCE(MAX(span_days), 0) FROM incidents)`
		_, err := time.Parse(time.DateOnly, f.Since)
		switch {
		case f.floor != "":
			conds = append(conds, "i.sort_date >= "+arg(f.floor))
		case err != nil:
			// Not a date: no floor.
		case db.dialect == Postgres:
			conds = append(conds, "i.sort_date >= to_char(CAST("+since+" AS date) - "+longest+", 'YYYY-MM-DD')")
		default:
			conds = append(conds, "i.sort_date >= date("+since+", '-' || "+longest+" || ' days')")
		}
	}
	if f.Until != "" {
		// sort_date is date_start or ''; the range is written on it so
		// that the newest-first indexes can start there.
		conds = append(conds, "i.sort_date > '' AND i.sort_date <= "+arg(f.Until))
	}
	if f.Type != "" {
		conds = append(conds, "i.type = "+arg(strings.ToUpper(f.Type)))
	}
	if f.Country != "" {
		conds = append(conds, "i.country = "+arg(strings.ToUpper(f.Country)))
	}
	if n := f.Near; n != nil {
		// A box first, which the lat/lon index answers, then the
		// distance on a plane tangent at the centre: within a few
		// hundred kilometres it is as good as the great circle.
		dlat := n.Km / 111.2
		cos := math.Max(0.01, math.Cos(n.Lat*math.Pi/180))
		dlon := n.Km / (111.2 * cos)
		conds = append(conds, fmt.Sprintf("i.lat BETWEEN %s AND %s AND i.lon BETWEEN %s AND %s",
			arg(n.Lat-dlat), arg(n.Lat+dlat), arg(n.Lon-dlon), arg(n.Lon+dlon)))
		conds = append(conds, fmt.Sprintf("((i.lat - %s) * 111.2) * ((i.lat - %s) * 111.2) + ((i.lon - %s) * %s) * ((i.lon - %s) * %s) <= %s",
			arg(n.Lat), arg(n.Lat), arg(n.Lon), arg(111.2*cos), arg(n.Lon), arg(111.2*cos), arg(n.Km*n.Km)))
	}
	if b := f.BBox; b != nil {
		conds = append(conds, fmt.Sprintf("i.lat BETWEEN %s AND %s", arg(b.MinLat), arg(b.MaxLat)))
		if b.MinLon <= b.MaxLon {
			conds = append(conds, fmt.Sprintf("i.lon BETWEEN %s AND %s", arg(b.MinLon), arg(b.MaxLon)))
		} else {
			conds = append(conds, fmt.Sprintf("(i.lon >= %s OR i.lon <= %s)", arg(b.MinLon), arg(b.MaxLon)))
		}
	}
	if f.Reviewed != nil {
		r := 0
		if *f.Reviewed {
			r = 1
		}
		conds = append(conds, "i.reviewed = "+arg(r))
	}
	if len(f.Review) > 0 {
		ps := make([]string, len(f.Review))
		for i, st := range f.Review {
			ps[i] = arg(st)
		}
		conds = append(conds, "i.review_status IN ("+strings.Join(ps, ", ")+")")
	}
	if c := f.After; c != nil {
		conds = append(conds, fmt.Sprintf("(i.sort_date < %s OR i.sort_date = %s AND i.id < %s)", arg(c.Date), arg(c.Date), arg(c.ID)))
	}
	if words := queryWords(f.Q); len(words) > 0 {
		var match string
		if db.dialect == Postgres {
			match = "a.search @@ plainto_tsquery('english', " + arg(strings.Join(words, " ")) + ")"
		} else {
			quoted := make([]string, len(words))
			for i, w := range words {
				quoted[i] = `"` + w + `"`
			}
			match = "a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH " + arg(strings.Join(quoted, " ")) + ")"
		}
		conds = append(conds, `i.id IN (SELECT s.incident_id FROM incident_sources s
			JOIN articles a ON a.id = s.article_id WHERE `+match+`)`)
	}
	if len(conds) == 0 {
		return "", args
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// param is the SQL of the nth parameter of a filter's query.
//
// On SQLite it is +$n, which means the same: unary plus changes no
// value. SQLite (modernc's is built with STAT4) re-plans a statement
// for the values bound to any parameter it could weigh against the
// index samples of ANALYZE, which means preparing every page's query
// twice, and a kept one (DB.queryPage) again on every run: preparing
// took half of the list's CPU time on SQLite. It weighs only a bare
// parameter, not +$n, and no plan of these queries depends on the
// values: each filter picks its index (the grid, or the newest-first
// order) by its form alone.
func (db *DB) param(n int) string {
	if db.dialect == SQLite {
		return "+$" + strconv.Itoa(n)
	}
	return "$" + strconv.Itoa(n)
}

// queryWords splits a search into words, dropping what full-text query
// syntax would read as operators.
func queryWords(q string) []string {
	return strings.FieldsFunc(q, func(r rune) bool {
		return !(r == '-' || r == '\'' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127)
	})
}

// newest is the newest-first order of incidents, which the indexes
// incidents_type_newest and incidents_newest serve.
const newest = ` ORDER BY i.sort_date DESC, i.id DESC`

// Incidents returns the incidents f selects, newest first, each with its
// sources.
func (db *DB) Incidents(ctx context.Context, f Filter) ([]*incident.Incident, error) {
	q, args, err := db.selectNewest(ctx, f, f.Limit, newestColumns)
	if err != nil {
		return nil, err
	}
	return loadIncidentsKeyed(ctx, db.r, new([]Cursor), q, args...)
}

// newestColumns are the columns of incidents i that loadIncidentsKeyed
// reads.
const newestColumns = `i.id, i.seq, i.sort_date`

// selectNewest returns the query of the first limit (zero: all)
// incidents f selects, newest first: the columns cols of incidents i.
//
// A walk back along a newest-first index stops at the floor of a Since
// (see where), which is read from the longest span of any incident.
// The query reads it itself, but for PostgreSQL's walks of the whole
// map (no box, or a large one), whose best plan depends on the values:
// the planner must see the floor as a value, and selectNewest reads it
// first. Left to guess it, it guessed a scan of a month of the table.
func (db *DB) selectNewest(ctx context.Context, f Filter, limit int, cols string) (string, []any, error) {
	var cells []int
	if f.BBox != nil {
		cells = f.BBox.cells()
	}
	if f.Since != "" && db.dialect == Postgres && cells == nil {
		var span int
		if err := db.r.QueryRowContext(ctx, `SELECT COALESCE(MAX(span_days), 0) FROM incidents`).Scan(&span); err != nil {
			return "", nil, fmt.Errorf("longest incident: %w", err)
		}
		if t, err := time.Parse(time.DateOnly, f.Since); err == nil {
			f.floor = t.AddDate(0, 0, -span).Format(time.DateOnly)
		}
	}
	where, args := db.where(f)
	lim := ""
	if limit > 0 {
		lim = fmt.Sprintf(" LIMIT %d", limit)
	}
	if cells != nil {
		// One walk a cell, each of the first limit incidents of the
		// cell, by id and date alone (from the index); the walks
		// merged, and the first limit of them read. The plan is the
		// same whatever the values.
		arms := make([]string, len(cells))
		for i, c := range cells {
			args = append(args, c)
			arms[i] = fmt.Sprintf(`SELECT * FROM (SELECT i.id, i.sort_date FROM incidents i%s AND i.cell = %s%s%s) c%d`,
				where, db.param(len(args)), newest, lim, i)
		}
		q := `SELECT ` + cols + ` FROM (` + strings.Join(arms, ` UNION ALL `) + ` ORDER BY sort_date DESC, id DESC` + lim +
			`) k JOIN incidents i ON i.id = k.id ORDER BY k.sort_date DESC, k.id DESC`
		return q, args, nil
	}
	q := `SELECT ` + cols + ` FROM incidents i` + where + newest + lim
	if db.dialect == Postgres {
		// Which index is best depends on the values (a small box, a
		// long range): PostgreSQL plans this query for each, rather
		// than settling after five runs on a plan for any values, one
		// that read a continent through the lat/lon index at 40 ms.
		args = append([]any{pgx.QueryExecModeExec}, args...)
	}
	return q, args, nil
}

// Page returns the first f.Limit incidents f selects, newest first, and
// the cursor of the next page, nil when there are no more. A Limit of
// zero or less means DefaultPage.
func (db *DB) Page(ctx context.Context, f Filter) ([]*incident.Incident, *Cursor, error) {
	if f.Limit <= 0 {
		f.Limit = DefaultPage
	}
	leave, err := db.enter(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer leave()
	q, args, err := db.selectNewest(ctx, f, f.Limit+1, newestColumns)
	if err != nil {
		return nil, nil, err
	}
	var keys []Cursor
	ins, err := loadIncidentsKeyed(ctx, db.r, &keys, q, args...)
	if err != nil {
		return nil, nil, err
	}
	if len(ins) <= f.Limit {
		return ins, nil, nil
	}
	next := keys[f.Limit-1]
	return ins[:f.Limit], &next, nil
}

// DefaultPage is the page size of Page when none is given.
const DefaultPage = 100

// Each calls fn for every incident f selects, newest first, reading them
// a page at a time by cursor so that memory stays flat. f.Limit caps the
// total.
func (db *DB) Each(ctx context.Context, f Filter, fn func(*incident.Incident) error) error {
	const page = 500
	total := f.Limit
	done := 0
	for {
		g := f
		g.Limit = page
		if total > 0 && total-done < page {
			g.Limit = total - done
		}
		ins, next, err := db.Page(ctx, g)
		if err != nil {
			return err
		}
		for _, in := range ins {
			if err := fn(in); err != nil {
				return err
			}
		}
		done += len(ins)
		if next == nil || total > 0 && done >= total {
			return nil
		}
		f.After = next
	}
}

// Incident returns the incident with id, following redirects from
// incidents merged into another. redirected is the id it was found under
// when that differs.
func (db *DB) Incident(ctx context.Context, id string) (in *incident.Incident, redirected string, err error) {
	return incidentByID(ctx, db.r, id)
}

// Incident is DB.Incident inside the transaction.
func (t *Tx) Incident(ctx context.Context, id string) (in *incident.Incident, redirected string, err error) {
	return incidentByID(ctx, t.tx, id)
}

func incidentByID(ctx context.Context, q querier, id string) (*incident.Incident, string, error) {
	target := id
	var to string
	err := q.QueryRowContext(ctx, `SELECT to_id FROM incident_redirects WHERE from_id = $1`, id).Scan(&to)
	switch {
	case err == nil:
		target = to
	case !errors.Is(err, sql.ErrNoRows):
		return nil, "", fmt.Errorf("incident %s: %w", id, err)
	}
	ins, err := loadIncidents(ctx, q, `SELECT id, seq FROM incidents WHERE id = $1`, target)
	if err != nil {
		return nil, "", fmt.Errorf("incident %s: %w", id, err)
	}
	if len(ins) == 0 {
		return nil, "", fmt.Errorf("incident %s: %w", id, ErrNotFound)
	}
	if target != id {
		return ins[0], target, nil
	}
	return ins[0], "", nil
}

// SetReviewed records whether a person has checked the incident with id,
// as a review by no one in particular: confirmed, or back to unreviewed.
// The review desk uses SetReview, which says who and keeps the values set
// by hand.
func (db *DB) SetReviewed(ctx context.Context, id string, reviewed bool) error {
	return db.Update(ctx, func(t *Tx) error {
		rv, ok, err := t.review(ctx, id)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("set reviewed of incident %s: %w", id, ErrNotFound)
		}
		rv.Status = incident.Unreviewed
		if reviewed {
			rv.Status = incident.Confirmed
		}
		return t.SetReview(ctx, id, rv)
	})
}

// flag is a boolean as the 0 or 1 of an integer column.
func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}

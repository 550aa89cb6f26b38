package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"sitrep/internal/incident"
)

// Audit actions.
const (
	ActionConfirm = "confirm"
	ActionReject  = "reject"
	ActionEdit    = "edit"
	ActionMerge   = "merge"
	ActionSplit   = "split"
)

// Stamp is a time as the store writes it: RFC 3339 in UTC to the second,
// which sorts as it reads.
func Stamp(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// review reads the review state of incident id in t; stored is false when
// no incident has that id. On PostgreSQL the row stays locked until t
// ends, so that a review set meanwhile by another transaction is not
// written over with the one read here.
func (t *Tx) review(ctx context.Context, id string) (rv incident.Review, stored bool, err error) {
	q := `SELECT review_status, reviewed_by, reviewed_at, overrides FROM incidents WHERE id = $1`
	if t.db.dialect == Postgres {
		q += ` FOR UPDATE`
	}
	var ov string
	err = t.tx.QueryRowContext(ctx, q, id).Scan(&rv.Status, &rv.By, &rv.At, &ov)
	if errors.Is(err, sql.ErrNoRows) {
		return incident.Review{}, false, nil
	}
	if err != nil {
		return rv, false, fmt.Errorf("review of incident %s: %w", id, err)
	}
	if err := json.Unmarshal([]byte(ov), &rv.Overrides); err != nil {
		return rv, false, fmt.Errorf("decode overrides of incident %s: %w", id, err)
	}
	return rv, true, nil
}

// SetReview records the review of incident id (status, by whom, when and
// the values set by hand) and rebuilds the incident with it, so that
// its indexed columns (place, date, type, toll, needs) follow the values
// set by hand.
func (t *Tx) SetReview(ctx context.Context, id string, rv incident.Review) error {
	if rv.Status == "" {
		rv.Status = incident.Unreviewed
	}
	if rv.Overrides == nil {
		rv.Overrides = map[string]json.RawMessage{}
	}
	ov, err := json.Marshal(rv.Overrides)
	if err != nil {
		return fmt.Errorf("encode overrides of incident %s: %w", id, err)
	}
	res, err := t.tx.ExecContext(ctx, `UPDATE incidents SET review_status = $1, reviewed_by = $2, reviewed_at = $3,
		overrides = $4, reviewed = $5, updated_at = CURRENT_TIMESTAMP WHERE id = $6`,
		rv.Status, rv.By, rv.At, string(ov), flag(rv.Reviewed()), id)
	if err != nil {
		return fmt.Errorf("set review of incident %s: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("set review of incident %s: %w", id, ErrNotFound)
	}
	ins, err := loadIncidents(ctx, t.tx, `SELECT id, seq FROM incidents WHERE id = $1`, id)
	if err != nil || len(ins) == 0 {
		return fmt.Errorf("set review of incident %s: reload: %w", id, errors.Join(err, ErrNotFound))
	}
	return t.SaveIncident(ctx, ins[0], nil)
}

// loadReviews sets the review state of the incidents byID with the given
// ids.
func loadReviews(ctx context.Context, q querier, byID map[string]*incident.Incident, ids []any) error {
	rows, err := q.QueryContext(ctx, `SELECT id, review_status, reviewed_by, reviewed_at, overrides
		FROM incidents WHERE id IN (`+placeholders(1, len(ids))+`)`, ids...)
	if err != nil {
		return fmt.Errorf("load reviews: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, ov string
		var rv incident.Review
		if err := rows.Scan(&id, &rv.Status, &rv.By, &rv.At, &ov); err != nil {
			return fmt.Errorf("load reviews: %w", err)
		}
		if err := json.Unmarshal([]byte(ov), &rv.Overrides); err != nil {
			return fmt.Errorf("decode overrides of incident %s: %w", id, err)
		}
		if in := byID[id]; in != nil {
			in.SetReview(rv)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("load reviews: %w", err)
	}
	return nil
}

// AuditEntry is one thing a reviewer did to an incident.
type AuditEntry struct {
	ID     int64  `json:"id"`
	At     string `json:"at"`
	User   string `json:"user"`
	Action string `json:"action"`
	// Field is the field path an edit set; nil for other actions.
	Field *string `json:"field"`
	// Before and After are JSON: the field's value for an edit, the
	// status for a confirmation or rejection, the sources for a merge or
	// a split.
	Before json.RawMessage `json:"before"`
	After  json.RawMessage `json:"after"`
	Note   string          `json:"note"`
	// Incident is the id the entry was recorded under: the incident's
	// own, or that of one merged into it since.
	Incident string `json:"incident"`
}

// Audit appends e to the audit log and returns its id. A zero At is now.
func (t *Tx) Audit(ctx context.Context, e AuditEntry) (int64, error) {
	if e.At == "" {
		e.At = Stamp(time.Now())
	}
	str := func(b json.RawMessage) *string {
		if b == nil {
			return nil
		}
		s := string(b)
		return &s
	}
	var id int64
	err := t.tx.QueryRowContext(ctx, `INSERT INTO audit_log
		(incident_id, user_name, action, field, before_value, after_value, note, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		e.Incident, e.User, e.Action, e.Field, str(e.Before), str(e.After), e.Note, e.At).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("audit %s of incident %s: %w", e.Action, e.Incident, err)
	}
	return id, nil
}

// AuditLog returns what reviewers did to incident id and to the
// incidents merged into it, newest first.
func (db *DB) AuditLog(ctx context.Context, id string) ([]AuditEntry, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, created_at, user_name, action, field, before_value, after_value, note, incident_id
		FROM audit_log WHERE incident_id = $1 OR incident_id IN (SELECT from_id FROM incident_redirects WHERE to_id = $1)
		ORDER BY id DESC`, id)
	if err != nil {
		return nil, fmt.Errorf("audit log of incident %s: %w", id, err)
	}
	defer rows.Close()
	out := []AuditEntry{}
	for rows.Next() {
		var e AuditEntry
		var before, after *string
		if err := rows.Scan(&e.ID, &e.At, &e.User, &e.Action, &e.Field, &before, &after, &e.Note, &e.Incident); err != nil {
			return nil, fmt.Errorf("audit log of incident %s: %w", id, err)
		}
		if before != nil {
			e.Before = json.RawMessage(*before)
		}
		if after != nil {
			e.After = json.RawMessage(*after)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("audit log of incident %s: %w", id, err)
	}
	return out, nil
}

// QueueCursor is a position in the review queue's order.
type QueueCursor struct {
	Needs      int     `json:"n"`
	Confidence float64 `json:"c"`
	Date       string  `json:"d"`
	ID         string  `json:"i"`
}

// Queue returns up to limit unreviewed incidents in the order a reviewer
// should see them: those with the most needs first, then the least
// confident, then the newest; and the cursor of the next page, nil at the
// end. after, when set, is where the previous page ended.
func (db *DB) Queue(ctx context.Context, limit int, after *QueueCursor) ([]*incident.Incident, *QueueCursor, error) {
	if limit <= 0 {
		limit = DefaultPage
	}
	q := `SELECT id, needs, confidence, sort_date FROM incidents WHERE review_status = $1`
	args := []any{incident.Unreviewed}
	if c := after; c != nil {
		q += ` AND (needs < $2 OR needs = $2 AND (confidence > $3 OR confidence = $3 AND (sort_date < $4 OR sort_date = $4 AND id < $5)))`
		args = append(args, c.Needs, c.Confidence, c.Date, c.ID)
	}
	q += fmt.Sprintf(` ORDER BY needs DESC, confidence, sort_date DESC, id DESC LIMIT %d`, limit+1)
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("review queue: %w", err)
	}
	var keys []QueueCursor
	for rows.Next() {
		var k QueueCursor
		if err := rows.Scan(&k.ID, &k.Needs, &k.Confidence, &k.Date); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("review queue: %w", err)
		}
		keys = append(keys, k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("review queue: %w", err)
	}
	var next *QueueCursor
	if len(keys) > limit {
		keys = keys[:limit]
		next = &keys[limit-1]
	}
	if len(keys) == 0 {
		return nil, nil, nil
	}
	ids := make([]any, len(keys))
	for i, k := range keys {
		ids[i] = k.ID
	}
	ins, err := loadIncidents(ctx, db.r, `SELECT id, seq FROM incidents WHERE id IN (`+placeholders(1, len(ids))+`)`, ids...)
	if err != nil {
		return nil, nil, fmt.Errorf("review queue: %w", err)
	}
	byID := make(map[string]*incident.Incident, len(ins))
	for _, in := range ins {
		byID[in.ID] = in
	}
	out := make([]*incident.Incident, 0, len(keys))
	for _, k := range keys {
		if in := byID[k.ID]; in != nil {
			out = append(out, in)
		}
	}
	return out, next, nil
}

// NextIncidentID returns an id for an incident split off from another:
// the stable id of the first of ms's events whose id names no live
// incident. An id that only redirects is free: the incident it named
// comes back. When every such id is taken (only the founding event of
// the incident moves), the first is numbered: ID-2, ID-3 and so on.
func (t *Tx) NextIncidentID(ctx context.Context, ms []*incident.Member) (string, error) {
	if len(ms) == 0 {
		return "", errors.New("new incident id: no events")
	}
	live := func(id string, redirects bool) (bool, error) {
		q := `SELECT count(*) FROM incidents WHERE id = $1`
		if redirects {
			q = `SELECT (SELECT count(*) FROM incidents WHERE id = $1) + (SELECT count(*) FROM incident_redirects WHERE from_id = $1)`
		}
		var n int
		if err := t.tx.QueryRowContext(ctx, q, id).Scan(&n); err != nil {
			return false, fmt.Errorf("new incident id: %w", err)
		}
		return n > 0, nil
	}
	for _, m := range ms {
		id := incident.ID(m.Article, m.Event.ID)
		taken, err := live(id, false)
		if err != nil || !taken {
			return id, err
		}
	}
	base := incident.ID(ms[0].Article, ms[0].Event.ID)
	for n := 2; ; n++ {
		id := fmt.Sprintf("%s-%d", base, n)
		taken, err := live(id, true)
		if err != nil || !taken {
			return id, err
		}
	}
}

package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// Stored records (schema 6). incidents.record holds each incident's
// incident-v1 record, sources, copies and review included, as
// json.Marshal encodes incident.Record: the object GET /api/incidents
// serves for it, byte for byte. PageRecords reads a page of them with
// no other lookup and no decoding.
//
// SaveIncident writes the record with the row, rendered from the
// incident saved, whose members the caller read from the store (their
// copies read again): it covers new reports, merges, review actions
// (SetReview saves) and new versions of a report (supersede saves every
// incident the old version fed). The other writes that change what a
// record shows mark it stale, and the transaction renders the stale
// ones before it commits (Update, which AddArticle uses too), by loading
// them back from the tables with the code that serves them fresh
// (loadIncidents), once each however often they were marked:
//
//   - SaveIncident, for any other incident that lost an event to the one
//     saved (the rest of a split);
//   - AddArticle, when a copy or a near duplicate of a stored report
//     arrives, for every incident that report feeds.
//
// An incident deleted (absorbed, or emptied by a new version) takes its
// record with it; redirects are not part of a record.
//
// Migrations cannot run Go, so the column starts NULL; Open renders
// every incident whose record is NULL before it returns (renderMissing),
// and PageRecords renders any it still meets in memory.

// renderBatch is the number of incidents rendered in one transaction by
// renderMissing, and in one load by render.
const renderBatch = 500

// render renders and stores the records of the incidents with ids, as
// they stand in t. Ids of incidents that no longer exist are skipped.
func (t *Tx) render(ctx context.Context, ids ...string) error {
	for len(ids) > 0 {
		part := ids[:min(len(ids), renderBatch)]
		ids = ids[len(part):]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		ins, err := loadIncidents(ctx, t.tx, `SELECT id, seq FROM incidents WHERE id IN (`+placeholders(1, len(args))+`)`, args...)
		if err != nil {
			return fmt.Errorf("render records: %w", err)
		}
		for _, in := range ins {
			// json.Marshal checks the JSON it emits, the stored
			// overrides (raw JSON) included: the record is valid JSON
			// once here, and never parsed again when it is served.
			b, err := json.Marshal(in.Record())
			if err != nil {
				return fmt.Errorf("render record of incident %s: %w", in.ID, err)
			}
			if _, err := t.tx.ExecContext(ctx, `UPDATE incidents SET record = $1 WHERE id = $2`, string(b), in.ID); err != nil {
				return fmt.Errorf("store record of incident %s: %w", in.ID, err)
			}
		}
	}
	return nil
}

// markStale notes that the records of the incidents with ids must be
// rendered again before t commits.
func (t *Tx) markStale(ids ...string) {
	if t.staled == nil {
		t.staled = map[string]bool{}
	}
	for _, id := range ids {
		if !t.staled[id] {
			t.staled[id] = true
			t.stale = append(t.stale, id)
		}
	}
}

// renderStale renders the records marked stale; every writer of
// incidents calls it last, before its transaction commits.
func (t *Tx) renderStale(ctx context.Context) error {
	ids := t.stale
	t.stale, t.staled = nil, nil
	return t.render(ctx, ids...)
}

// articleStale marks stale the records of the incidents that events of
// article id feed: after a copy or a near duplicate of it is added.
func (t *Tx) articleStale(ctx context.Context, id string) error {
	ids, err := queryStrings(ctx, t.tx, `SELECT DISTINCT incident_id FROM incident_sources WHERE article_id = $1`, id)
	if err != nil {
		return fmt.Errorf("incidents of article %s: %w", id, err)
	}
	t.markStale(ids...)
	return nil
}

// renderMissing renders every incident whose record is NULL (all of
// them, once, after migration 6; any a bulk loader wrote without one),
// a batch a transaction, oldest first.
func (db *DB) renderMissing(ctx context.Context) error {
	// Nothing to do, as a rule: found by a read, without taking the
	// write lock.
	var missing int
	if err := db.w.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM incidents WHERE record IS NULL LIMIT 1) x`).Scan(&missing); err != nil {
		return fmt.Errorf("render incident records: %w", err)
	}
	if missing == 0 {
		return nil
	}
	for {
		done := 0
		err := db.Update(ctx, func(t *Tx) error {
			ids, err := queryStrings(ctx, t.tx, fmt.Sprintf(`SELECT id FROM incidents WHERE record IS NULL ORDER BY seq LIMIT %d`, renderBatch))
			if err != nil {
				return err
			}
			done = len(ids)
			return t.render(ctx, ids...)
		})
		if err != nil {
			return fmt.Errorf("render incident records: %w", err)
		}
		if done < renderBatch {
			return nil
		}
	}
}

// queryStrings runs a query of one text column and returns its values.
func queryStrings(ctx context.Context, q querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// recordColumns are the columns of incidents i that PageRecords reads.
const recordColumns = `i.id, i.sort_date, i.record`

// PageRecords is Page for a client of the list: it calls each with the
// stored record of each of the first f.Limit incidents f selects, newest
// first, and returns how many it gave and the cursor of the next page, nil
// when there are no more. A record is the JSON of the incident's
// incident-v1 record, what json.Marshal of Incident.Record gives; each
// must copy it if it keeps it after it returns. A Limit of zero or less
// means DefaultPage.
//
// The records are handed over as they are read, with no copy: a page is
// read with no allocation of its size. A record not rendered yet (a
// writer of an older schema, or a bulk loader, at work since Open) is
// rendered here, from the tables, and not stored.
func (db *DB) PageRecords(ctx context.Context, f Filter, each func(rec []byte)) (n int, next *Cursor, err error) {
	if f.Limit <= 0 {
		f.Limit = DefaultPage
	}
	leave, err := db.enter(ctx)
	if err != nil {
		return 0, nil, err
	}
	defer leave()
	q, args, err := db.selectNewest(ctx, f, f.Limit+1, recordColumns)
	if err != nil {
		return 0, nil, err
	}
	give := func(rec []byte) {
		n++
		each(rec)
	}
	rows, err := db.queryPage(ctx, q, args...)
	if err != nil {
		return 0, nil, fmt.Errorf("query incident records: %w", err)
	}
	// From the first record missing on, the rest are held back (later
	// ones copied into held) until the missing ones are rendered, after
	// the rows are closed: the store never holds two connections at once.
	var keys []Cursor
	var held []json.RawMessage
	var missing []any
	var rec sql.RawBytes
	for rows.Next() {
		var k Cursor
		if err := rows.Scan(&k.ID, &k.Date, &rec); err != nil {
			rows.Close()
			return 0, nil, fmt.Errorf("query incident records: %w", err)
		}
		keys = append(keys, k)
		switch {
		case len(keys) > f.Limit:
			// Only its position is needed, for the next page.
		case rec == nil:
			missing = append(missing, k.ID)
			held = append(held, nil)
		case held != nil:
			held = append(held, bytes.Clone(rec))
		default:
			give(rec)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, nil, fmt.Errorf("query incident records: %w", err)
	}
	if len(missing) > 0 {
		ins, err := loadIncidents(ctx, db.r, `SELECT id, seq FROM incidents WHERE id IN (`+placeholders(1, len(missing))+`)`, missing...)
		if err != nil {
			return 0, nil, err
		}
		fresh := make(map[string]json.RawMessage, len(ins))
		for _, in := range ins {
			b, err := json.Marshal(in.Record())
			if err != nil {
				return 0, nil, fmt.Errorf("render record of incident %s: %w", in.ID, err)
			}
			fresh[in.ID] = b
		}
		first := min(len(keys), f.Limit) - len(held)
		for i, b := range held {
			if b == nil {
				b = fresh[keys[first+i].ID]
			}
			if b != nil { // nil: deleted since
				give(b)
			}
		}
	}
	if len(keys) <= f.Limit {
		return n, nil, nil
	}
	return n, &keys[f.Limit-1], nil
}

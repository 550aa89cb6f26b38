package store

import (
	"bytes"
	"context"
	"fmt"
	"sync"

	"sitrep/internal/incident"
)

// candCache keeps, on SQLite, the incidents Tx.Candidates loaded, each
// with the stored record it was loaded beside. Placing an event compares
// it with a handful of incidents, the same ones again and again while a
// day's reports come in, and loading one in full (its members, their
// events decoded, their copies, its review) cost more than anything
// else the writer did. An incident's record is rendered from all of
// that (record.go), so a stored record byte for byte the same as the
// cached one means the incident is too, whoever wrote it meanwhile; an
// incident whose record is stale in the running transaction is loaded
// afresh. Writes on SQLite are one transaction at a time, so an
// incident handed out is not shared; one that is to be changed is
// forgotten first (SaveIncident). PostgreSQL, with writers side by side,
// keeps no cache.
type candCache struct {
	mu sync.Mutex
	m  map[string]cachedIncident
}

type cachedIncident struct {
	record []byte
	in     *incident.Incident
}

// maxCachedIncidents caps the cache; past it, it starts again empty.
const maxCachedIncidents = 4096

func newCandCache() *candCache { return &candCache{m: map[string]cachedIncident{}} }

func (c *candCache) get(id string, record []byte) *incident.Incident {
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.m[id]; ok && bytes.Equal(e.record, record) {
		return e.in
	}
	return nil
}

func (c *candCache) put(id string, record []byte, in *incident.Incident) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= maxCachedIncidents {
		clear(c.m)
	}
	c.m[id] = cachedIncident{record: record, in: in}
}

func (c *candCache) forget(ids ...string) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, id := range ids {
		delete(c.m, id)
	}
}

// cachedCandidates runs query, which selects id, seq and record of
// incidents in order, and returns them, from the cache where it holds them as
// stored.
func (t *Tx) cachedCandidates(ctx context.Context, query string, args ...any) ([]*incident.Incident, error) {
	rows, err := t.tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("query incidents: %w", err)
	}
	type row struct {
		id     string
		seq    int64
		record []byte
	}
	var found []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.seq, &r.record); err != nil {
			rows.Close()
			return nil, fmt.Errorf("query incidents: %w", err)
		}
		found = append(found, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query incidents: %w", err)
	}
	out := make([]*incident.Incident, len(found))
	var missing []any
	for i, r := range found {
		if r.record != nil && !t.staled[r.id] {
			out[i] = t.db.cands.get(r.id, r.record)
		}
		if out[i] == nil {
			missing = append(missing, r.id)
		}
	}
	if len(missing) == 0 {
		return out, nil
	}
	loaded, err := loadIncidents(ctx, t.tx, `SELECT id, seq FROM incidents WHERE id IN (`+placeholders(1, len(missing))+`)`, missing...)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*incident.Incident, len(loaded))
	for _, in := range loaded {
		byID[in.ID] = in
	}
	for i, r := range found {
		if out[i] != nil {
			continue
		}
		out[i] = byID[r.id]
		if out[i] == nil {
			return nil, fmt.Errorf("query incidents: %s vanished", r.id)
		}
		if r.record != nil && !t.staled[r.id] {
			t.db.cands.put(r.id, r.record, out[i])
		}
	}
	return out, nil
}

package store

import (
	"context"
	"fmt"

	"sitrep/internal/incident"
)

// supersede makes article next the current version of article prev, in
// t: prev points to next, and every incident prev's events fed is
// updated. An event of next with the id of one of prev's takes its place
// in the incident, so the incident keeps its id; prev's events without
// such a successor leave their incidents; next's other events stay
// pending for the incident step. An incident left with no event is
// deleted. It returns the number of incidents updated.
func supersede(ctx context.Context, t *Tx, prev, next string) (int, error) {
	if _, err := t.tx.ExecContext(ctx, `UPDATE articles SET superseded_by = $1, updated_at = CURRENT_TIMESTAMP WHERE id = $2`, next, prev); err != nil {
		return 0, fmt.Errorf("supersede article %s: %w", prev, err)
	}
	rows, err := t.tx.QueryContext(ctx, `SELECT DISTINCT incident_id FROM incident_sources WHERE article_id = $1`, prev)
	if err != nil {
		return 0, fmt.Errorf("supersede article %s: %w", prev, err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, fmt.Errorf("supersede article %s: %w", prev, err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("supersede article %s: %w", prev, err)
	}
	// Successors take their predecessors' places; the rest leave.
	if _, err := t.tx.ExecContext(ctx, `UPDATE incident_sources SET article_id = $1, sitrep_version = $2
		WHERE article_id = $3 AND event_id IN (SELECT id FROM events WHERE article_id = $1)`, next, t.db.version, prev); err != nil {
		return 0, fmt.Errorf("supersede article %s: move events: %w", prev, err)
	}
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM incident_sources WHERE article_id = $1`, prev); err != nil {
		return 0, fmt.Errorf("supersede article %s: drop events: %w", prev, err)
	}
	if _, err := t.tx.ExecContext(ctx, `UPDATE events SET pending = 0 WHERE article_id = $1`, prev); err != nil {
		return 0, fmt.Errorf("supersede article %s: %w", prev, err)
	}
	if _, err := t.tx.ExecContext(ctx, `UPDATE events SET pending = 0 WHERE article_id = $1
		AND id IN (SELECT event_id FROM incident_sources WHERE article_id = $1)`, next); err != nil {
		return 0, fmt.Errorf("supersede article %s: %w", prev, err)
	}
	if len(ids) == 0 {
		return 0, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	ins, err := loadIncidents(ctx, t.tx, `SELECT id, seq FROM incidents WHERE id IN (`+placeholders(1, len(args))+`)`, args...)
	if err != nil {
		return 0, fmt.Errorf("supersede article %s: %w", prev, err)
	}
	for _, in := range ins {
		if len(in.Members) == 0 {
			if _, err := t.tx.ExecContext(ctx, `DELETE FROM incidents WHERE id = $1`, in.ID); err != nil {
				return 0, fmt.Errorf("supersede article %s: drop incident %s: %w", prev, in.ID, err)
			}
			continue
		}
		if err := t.SaveIncident(ctx, in, []*incident.Incident{}); err != nil {
			return 0, fmt.Errorf("supersede article %s: %w", prev, err)
		}
	}
	return len(ins), nil
}

// versions returns the ids of every version of the article at url, oldest
// first.
func (db *DB) versions(ctx context.Context, url string) ([]string, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id FROM articles WHERE url = $1 ORDER BY version, seq`, url)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

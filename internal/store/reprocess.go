package store

import (
	"context"
	"encoding/json"
	"fmt"

	"sitrep/internal/model"
)

// Original is the first input that carried an article, as stored, for a
// later sitrep to read again.
type Original struct {
	// RawHash names the raw input; Raw reads it.
	RawHash string
	// Article is the id of the article read from it.
	Article string
	// Input is the file path or URL it was read from.
	Input string
	// URL is the page's address, if known.
	URL *string
	// Published is the article's publication date, if known.
	Published *string
	// Version is the sitrep version that read it.
	Version string
}

// Originals returns the original input of every article, in ingest
// order. Raw inputs are not included: read each with Raw.
func (db *DB) Originals(ctx context.Context) ([]Original, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT o.raw_hash, o.article_id, o.input, o.url, a.published, a.sitrep_version
		FROM article_sources o JOIN articles a ON a.id = o.article_id
		WHERE o.relation = 'original' ORDER BY a.seq`)
	if err != nil {
		return nil, fmt.Errorf("list original inputs: %w", err)
	}
	defer rows.Close()
	var out []Original
	for rows.Next() {
		var o Original
		if err := rows.Scan(&o.RawHash, &o.Article, &o.Input, &o.URL, &o.Published, &o.Version); err != nil {
			return nil, fmt.Errorf("list original inputs: %w", err)
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list original inputs: %w", err)
	}
	return out, nil
}

// ArticleEvents returns the stored events of an article, in the order
// the extractor gave them.
func (db *DB) ArticleEvents(ctx context.Context, articleID string) ([]*model.Event, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT data FROM events WHERE article_id = $1 ORDER BY ord`, articleID)
	if err != nil {
		return nil, fmt.Errorf("events of article %s: %w", articleID, err)
	}
	defer rows.Close()
	var out []*model.Event
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("events of article %s: %w", articleID, err)
		}
		ev := &model.Event{}
		if err := json.Unmarshal([]byte(data), ev); err != nil {
			return nil, fmt.Errorf("decode event of %s: %w", articleID, err)
		}
		out = append(out, ev)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("events of article %s: %w", articleID, err)
	}
	return out, nil
}

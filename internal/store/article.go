package store

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"sitrep/internal/fingerprint"
	"sitrep/internal/incident"
	"sitrep/internal/model"
)

// ArticleInput is one extracted report to store.
type ArticleInput struct {
	// Input is the file path or URL the report was read from.
	Input string
	// Raw is the report as read, before extraction.
	Raw []byte
	// Doc is what the extractor read from it.
	Doc *model.Document

	prep *prepared // see Prepare
}

// prepared is what storing an input needs that depends on the input
// alone.
type prepared struct {
	rawHash  string
	gz       []byte
	shingles fingerprint.Set
	sketch   []int64
}

// Prepare computes what storing the input needs that depends on it alone:
// the raw input's hash and compressed form, the body's shingles and
// sketch. AddArticle calls it when the caller has not; an ingest calls it
// in its workers, so that the one writer does not.
func (in *ArticleInput) Prepare() error {
	if in.prep != nil {
		return nil
	}
	if in.Doc == nil || in.Doc.Article == nil {
		return errors.New("no document")
	}
	gz, err := compress(in.Raw)
	if err != nil {
		return err
	}
	sh := fingerprint.Shingles(in.Doc.Article.Text)
	in.prep = &prepared{rawHash: RawHash(in.Raw), gz: gz, shingles: sh, sketch: sh.Sketch()}
	return nil
}

// RawHash returns the hex SHA-256 of a raw input, its identity in the
// store.
func RawHash(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// Outcomes of AddArticle.
const (
	// New is a report whose body was not stored before.
	New = "new"
	// Duplicate is an input stored before, byte for byte.
	Duplicate = "duplicate"
	// Copy is another input with the same body as a stored article.
	Copy = "copy"
	// Near is a near duplicate of a stored article, such as a syndicated
	// copy under another headline and page chrome.
	Near = "near"
	// Version is the same URL as a stored article with other content (a
	// rising toll, a correction, a retraction): a new version of it.
	Version = "version"
)

// AddResult says what AddArticle did.
type AddResult struct {
	// Outcome is New, Duplicate, Copy or Near.
	Outcome string
	// Article is the id of the article that holds the report.
	Article string
	// Similarity is the share of shingles a near duplicate shares.
	Similarity float64
	// Events is the number of events stored.
	Events int
	// Previous is, for a Version, the id of the version it replaced.
	Previous string
	// Updated is, for a Version, the number of incidents whose members
	// moved to the new version's events or left them.
	Updated int
}

// HasRaw reports whether an input with this raw hash is stored, so that
// a caller can skip extracting it again.
func (db *DB) HasRaw(ctx context.Context, rawHash string) (bool, error) {
	var n int
	err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM article_sources WHERE raw_hash = $1`, rawHash).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look up raw hash: %w", err)
	}
	return n > 0, nil
}

// AddArticle stores a report in one transaction. An input stored before
// adds nothing; a body stored before, or a near duplicate of one, is
// recorded as another source of that article; anything else becomes a new
// article with its entities and events, the events pending assignment to
// incidents.
func (db *DB) AddArticle(ctx context.Context, in *ArticleInput) (AddResult, error) {
	if err := in.Prepare(); err != nil {
		return AddResult{}, fmt.Errorf("add article %s: %w", in.Input, err)
	}
	var res AddResult
	err := db.Update(ctx, func(t *Tx) error {
		var err error
		res, err = t.AddArticle(ctx, in)
		return err
	})
	if err != nil {
		return AddResult{}, err
	}
	return res, nil
}

// AddArticle is DB.AddArticle within the transaction.
func (t *Tx) AddArticle(ctx context.Context, in *ArticleInput) (AddResult, error) {
	if err := in.Prepare(); err != nil {
		return AddResult{}, fmt.Errorf("add article %s: %w", in.Input, err)
	}
	db := t.db
	a := in.Doc.Article
	rawHash, gz, sketch := in.prep.rawHash, in.prep.gz, in.prep.sketch
	var res AddResult
	err := func() error {
		tx := t.tx
		res = AddResult{}
		var existing string
		err := tx.QueryRowContext(ctx, `SELECT article_id FROM article_sources WHERE raw_hash = $1`, rawHash).Scan(&existing)
		if err == nil {
			res = AddResult{Outcome: Duplicate, Article: existing}
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("look up raw hash: %w", err)
		}
		addSource := func(articleID, relation string, sim float64) error {
			_, err := tx.ExecContext(ctx, `INSERT INTO article_sources
				(raw_hash, article_id, input, url, outlet, title, published, relation, similarity, raw, raw_size, sitrep_version)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
				rawHash, articleID, in.Input, a.URL, a.Outlet, a.Title, a.Published, relation, sim, gz, len(in.Raw), db.version)
			if err != nil {
				return fmt.Errorf("insert article source: %w", err)
			}
			return nil
		}

		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE id = $1`, a.ID).Scan(&n); err != nil {
			return fmt.Errorf("look up article: %w", err)
		}
		if n > 0 {
			res = AddResult{Outcome: Copy, Article: a.ID, Similarity: 1}
			if err := addSource(a.ID, Copy, 1); err != nil {
				return err
			}
			// The records of the incidents it feeds list its copies.
			return t.articleStale(ctx, a.ID)
		}

		var prev string
		var prevVersion int
		if a.URL != nil && *a.URL != "" {
			err := tx.QueryRowContext(ctx, `SELECT id, version FROM articles WHERE url = $1 AND superseded_by IS NULL
				ORDER BY seq DESC LIMIT 1`, *a.URL).Scan(&prev, &prevVersion)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("look up article by url: %w", err)
			}
		}

		var near string
		var sim float64
		err = nil
		if prev == "" {
			near, sim, err = nearDuplicate(ctx, tx, db.shingles, in.prep.shingles, sketch)
		}
		if err != nil {
			return err
		}
		if near != "" {
			res = AddResult{Outcome: Near, Article: near, Similarity: sim}
			if err := addSource(near, Near, sim); err != nil {
				return err
			}
			return t.articleStale(ctx, near)
		}

		var seq int64
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) + 1 FROM articles`).Scan(&seq); err != nil {
			return fmt.Errorf("next article seq: %w", err)
		}
		meta := *a
		meta.Text = ""
		mb, err := json.Marshal(&meta)
		if err != nil {
			return fmt.Errorf("encode article: %w", err)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO articles
			(id, seq, url, outlet, title, published, language, text, meta, sitrep_version, version)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			a.ID, seq, a.URL, a.Outlet, a.Title, a.Published, a.Language, a.Text, string(mb), db.version, prevVersion+1)
		if err != nil {
			return fmt.Errorf("insert article: %w", err)
		}
		for _, h := range sketch {
			if _, err := tx.ExecContext(ctx, `INSERT INTO article_sketches (hash, article_id) VALUES ($1, $2)`, h, a.ID); err != nil {
				return fmt.Errorf("insert sketch: %w", err)
			}
		}
		if err := addSource(a.ID, "original", 1); err != nil {
			return err
		}
		db.shingles.put(a.ID, in.prep.shingles)
		for _, e := range in.Doc.Entities {
			data, err := json.Marshal(e)
			if err != nil {
				return fmt.Errorf("encode entity %s: %w", e.ID, err)
			}
			var gid *int
			if e.Place != nil {
				gid = e.Place.GeonameID
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO entities (article_id, id, kind, text, geonameid, data, sitrep_version)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`, a.ID, e.ID, e.Kind, e.Text, gid, string(data), db.version); err != nil {
				return fmt.Errorf("insert entity %s: %w", e.ID, err)
			}
		}
		for i, ev := range in.Doc.Events {
			if err := insertEvent(ctx, tx, a, ev, i, db.version); err != nil {
				return err
			}
		}
		res = AddResult{Outcome: New, Article: a.ID, Events: len(in.Doc.Events)}
		if prev != "" {
			n, err := supersede(ctx, t, prev, a.ID)
			if err != nil {
				return err
			}
			res.Outcome, res.Previous, res.Updated = Version, prev, n
		}
		return nil
	}()
	if err != nil {
		return AddResult{}, fmt.Errorf("add article %s: %w", in.Input, err)
	}
	return res, nil
}

func insertEvent(ctx context.Context, tx querier, a *model.Article, ev *model.Event, ord int, version string) error {
	data, err := json.Marshal(ev)
	if err != nil {
		return fmt.Errorf("encode event %s: %w", ev.ID, err)
	}
	evid, err := json.Marshal(evidence(a.Text, ev))
	if err != nil {
		return fmt.Errorf("encode evidence of %s: %w", ev.ID, err)
	}
	var start, end *string
	if ev.Date != nil {
		start, end = ev.Date.Start, ev.Date.End
	}
	var lat, lon *float64
	var country, admin1 *string
	var gid *int
	if p := ev.Location; p != nil {
		lat, lon, gid = &p.Lat, &p.Lon, p.GeonameID
		country, admin1 = nonEmpty(p.Country), nonEmpty(p.Admin1)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO events
		(article_id, id, ord, type, mode, modality, date_start, date_end, lat, lon, country, admin1, geonameid, confidence, data, evidence, pending, sitrep_version)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 1, $17)`,
		a.ID, ev.ID, ord, ev.Type, ev.Mode, ev.Modality, start, end, lat, lon, country, admin1, gid, ev.Confidence,
		string(data), string(evid), version)
	if err != nil {
		return fmt.Errorf("insert event %s: %w", ev.ID, err)
	}
	return nil
}

// evidence cuts the words of an event's evidence spans from the text.
func evidence(text string, ev *model.Event) []incident.Evidence {
	out := make([]incident.Evidence, 0, len(ev.Evidence))
	for _, e := range ev.Evidence {
		s := incident.Evidence{Start: e.Start, End: e.End}
		if 0 <= e.Start && e.Start <= e.End && e.End <= len(text) {
			s.Text = text[e.Start:e.End]
		}
		out = append(out, s)
	}
	return out
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// maxNearCandidates caps the stored articles compared with a new one:
// those that share the most sketch hashes with it.
const maxNearCandidates = 20

// minSharedHashes is how many sketch hashes a stored article must share
// with a new one to be compared in full. One shared three-word shingle is
// a common phrase ("police said on"); a copy with 70% of its shingles in
// the other text, even one four times as long, shares several of the
// smallest sixteen.
func minSharedHashes(n int) int {
	if n < 8 {
		return 1
	}
	return 2
}

// nearDuplicate finds the stored article text is a near duplicate of: the
// candidates share sketch hashes with it, and the one that shares the most
// shingles, if enough, wins. It returns "" when there is none.
func nearDuplicate(ctx context.Context, q querier, cache *shingleCache, sh fingerprint.Set, sketch []int64) (string, float64, error) {
	if len(sketch) == 0 {
		return "", 0, nil
	}
	args := make([]any, len(sketch))
	for i, h := range sketch {
		args[i] = h
	}
	rows, err := q.QueryContext(ctx, `SELECT article_id FROM article_sketches
		WHERE hash IN (`+placeholders(1, len(args))+`)
		GROUP BY article_id HAVING count(*) >= `+strconv.Itoa(minSharedHashes(len(sketch)))+`
		ORDER BY count(*) DESC, article_id LIMIT `+strconv.Itoa(maxNearCandidates), args...)
	if err != nil {
		return "", 0, fmt.Errorf("find near duplicates: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return "", 0, fmt.Errorf("find near duplicates: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", 0, fmt.Errorf("find near duplicates: %w", err)
	}
	best, bestSim := "", 0.0
	for _, id := range ids {
		osh, ok := cache.get(id)
		if !ok {
			var other string
			if err := q.QueryRowContext(ctx, `SELECT text FROM articles WHERE id = $1`, id).Scan(&other); err != nil {
				return "", 0, fmt.Errorf("read near duplicate %s: %w", id, err)
			}
			osh = fingerprint.Shingles(other)
			cache.put(id, osh)
		}
		if ok, sim := sh.Near(osh); ok && sim > bestSim {
			best, bestSim = id, sim
		}
	}
	return best, bestSim, nil
}

func compress(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, fmt.Errorf("compress raw input: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress raw input: %w", err)
	}
	return buf.Bytes(), nil
}

// Raw returns the raw input stored under rawHash, decompressed.
func (db *DB) Raw(ctx context.Context, rawHash string) ([]byte, error) {
	var gz []byte
	err := db.r.QueryRowContext(ctx, `SELECT raw FROM article_sources WHERE raw_hash = $1`, rawHash).Scan(&gz)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("raw input %s: %w", rawHash, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("raw input %s: %w", rawHash, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("raw input %s: %w", rawHash, err)
	}
	var out bytes.Buffer
	if _, err := out.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("raw input %s: %w", rawHash, err)
	}
	return out.Bytes(), nil
}

// placeholders returns "$from, $from+1, ..." for n arguments.
func placeholders(from, n int) string {
	var sb strings.Builder
	for i := range n {
		if i > 0 {
			sb.WriteString(", ")
		}
		sb.WriteString("$" + strconv.Itoa(from+i))
	}
	return sb.String()
}

// ArticleSource is one input that carried an article: the original, an
// exact copy, or a near duplicate.
type ArticleSource struct {
	Input      string  `json:"input"`
	URL        *string `json:"url"`
	Outlet     *string `json:"outlet"`
	Title      string  `json:"title"`
	Published  *string `json:"published"`
	Relation   string  `json:"relation"`
	Similarity float64 `json:"similarity"`
}

// StoredArticle is an article as stored: the extract-v1 article, its
// text included, the inputs that carried it, the original first, and the
// ids of the incidents it contributes to.
type StoredArticle struct {
	Article *model.Article `json:"article"`
	// Version numbers the versions of one URL from 1; SupersededBy is
	// the id of the next version, nil for the current one.
	Version      int     `json:"version"`
	SupersededBy *string `json:"superseded_by"`
	// Versions lists the ids of every version of the article's URL,
	// oldest first; just the article's own when it has no URL.
	Versions  []string        `json:"versions"`
	Inputs    []ArticleSource `json:"inputs"`
	Incidents []string        `json:"incidents"`
}

// Article returns the article with id, or an error wrapping ErrNotFound.
func (db *DB) Article(ctx context.Context, id string) (*StoredArticle, error) {
	var text, meta string
	var url *string
	v := &StoredArticle{Article: &model.Article{}, Inputs: []ArticleSource{}, Incidents: []string{}, Versions: []string{}}
	err := db.r.QueryRowContext(ctx, `SELECT text, meta, url, version, superseded_by FROM articles WHERE id = $1`, id).Scan(
		&text, &meta, &url, &v.Version, &v.SupersededBy)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	if err := json.Unmarshal([]byte(meta), v.Article); err != nil {
		return nil, fmt.Errorf("decode article %s: %w", id, err)
	}
	v.Article.Text = text
	v.Versions = []string{id}
	if url != nil && *url != "" {
		vs, err := db.versions(ctx, *url)
		if err != nil {
			return nil, fmt.Errorf("versions of article %s: %w", id, err)
		}
		v.Versions = vs
	}
	rows, err := db.r.QueryContext(ctx, `SELECT input, url, outlet, title, published, relation, similarity
		FROM article_sources WHERE article_id = $1 ORDER BY relation <> 'original', created_at, input`, id)
	if err != nil {
		return nil, fmt.Errorf("inputs of article %s: %w", id, err)
	}
	for rows.Next() {
		var in ArticleSource
		if err := rows.Scan(&in.Input, &in.URL, &in.Outlet, &in.Title, &in.Published, &in.Relation, &in.Similarity); err != nil {
			rows.Close()
			return nil, fmt.Errorf("inputs of article %s: %w", id, err)
		}
		v.Inputs = append(v.Inputs, in)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("inputs of article %s: %w", id, err)
	}
	rows, err = db.r.QueryContext(ctx, `SELECT DISTINCT incident_id FROM incident_sources WHERE article_id = $1 ORDER BY incident_id`, id)
	if err != nil {
		return nil, fmt.Errorf("incidents of article %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("incidents of article %s: %w", id, err)
		}
		v.Incidents = append(v.Incidents, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("incidents of article %s: %w", id, err)
	}
	return v, nil
}

package server

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"sitrep/internal/model"
	"sitrep/internal/store"
)

// articleReader reads articles by id. The store has no such method yet,
// and this package may not change it, so the reader keeps its own small
// read-only pool on the same database and reads the store's tables with
// the store's own dialect-neutral SQL. It belongs in package store as
// (*DB).Article, where it should move.
type articleReader struct {
	db *sql.DB
}

// openArticles opens the reader's pool on dsn (drivers registered by
// package store).
func openArticles(dsn string) (*articleReader, error) {
	if dsn == "" {
		return nil, errors.New("server: no database address for the article reader")
	}
	var db *sql.DB
	var err error
	if store.IsPostgres(dsn) {
		db, err = sql.Open("pgx", dsn)
	} else {
		q := url.Values{}
		q.Add("_pragma", "busy_timeout(10000)")
		q.Add("_pragma", "query_only(ON)")
		db, err = sql.Open("sqlite", "file:"+dsn+"?"+q.Encode())
	}
	if err != nil {
		return nil, fmt.Errorf("open article reader: %w", err)
	}
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(2)
	return &articleReader{db: db}, nil
}

// Close closes the pool.
func (a *articleReader) Close() error { return a.db.Close() }

// ArticleInput is one input that carried an article: the original, an
// exact copy, or a near duplicate.
type ArticleInput struct {
	Input      string  `json:"input"`
	URL        *string `json:"url"`
	Outlet     *string `json:"outlet"`
	Title      string  `json:"title"`
	Published  *string `json:"published"`
	Relation   string  `json:"relation"`
	Similarity float64 `json:"similarity"`
}

// ArticleView is the body of GET /api/articles/{id}: the article as in
// extract-v1, its text included (always as a JSON string, never HTML),
// the inputs that carried it, and the incidents it contributes to.
type ArticleView struct {
	Article   *model.Article `json:"article"`
	Inputs    []ArticleInput `json:"inputs"`
	Incidents []string       `json:"incidents"`
}

// read returns the article with id, or an error wrapping
// store.ErrNotFound.
func (a *articleReader) read(ctx context.Context, id string) (*ArticleView, error) {
	var text, meta string
	err := a.db.QueryRowContext(ctx, `SELECT text, meta FROM articles WHERE id = $1`, id).Scan(&text, &meta)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	v := &ArticleView{Article: &model.Article{}, Inputs: []ArticleInput{}, Incidents: []string{}}
	if err := json.Unmarshal([]byte(meta), v.Article); err != nil {
		return nil, fmt.Errorf("decode article %s: %w", id, err)
	}
	v.Article.Text = text
	rows, err := a.db.QueryContext(ctx, `SELECT input, url, outlet, title, published, relation, similarity
		FROM article_sources WHERE article_id = $1 ORDER BY relation <> 'original', created_at, input`, id)
	if err != nil {
		return nil, fmt.Errorf("inputs of article %s: %w", id, err)
	}
	for rows.Next() {
		var in ArticleInput
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
	rows, err = a.db.QueryContext(ctx, `SELECT DISTINCT incident_id FROM incident_sources WHERE article_id = $1 ORDER BY incident_id`, id)
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

// getArticle answers GET /api/articles/{id}.
func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	v, err := s.articles.read(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return apiError(NotFound, "article_not_found", "article %q: not found", id)
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

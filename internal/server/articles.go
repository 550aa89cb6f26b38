package server

import (
	"errors"
	"net/http"

	"sitrep/internal/store"
)

// ArticleView is the body of GET /api/articles/{id}: the article as in
// extract-v1, its text included (always as a JSON string, never HTML),
// the inputs that carried it, and the incidents it contributes to.
type ArticleView = store.StoredArticle

// ArticleInput is one input that carried an article: the original, an
// exact copy, or a near duplicate.
type ArticleInput = store.ArticleSource

// getArticle answers GET /api/articles/{id}.
func (s *Server) getArticle(w http.ResponseWriter, r *http.Request) error {
	id := r.PathValue("id")
	v, err := s.cfg.DB.Article(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return apiError(NotFound, "article_not_found", "article %q: not found", id)
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, v)
	return nil
}

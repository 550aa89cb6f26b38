package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/fetch"
	"sitrep/internal/ingest"
	"sitrep/internal/store"
)

// ExtractRequest is the body of POST /api/extract: a URL to fetch, or a
// report's text (plain text or HTML) with an optional publication date
// for its relative dates.
type ExtractRequest struct {
	URL       string `json:"url,omitempty"`
	Text      string `json:"text,omitempty"`
	Published string `json:"published,omitempty"`
}

// decodeJSON reads one JSON value of the request body into v, refusing
// unknown fields and trailing data.
func decodeJSON(r *http.Request, v any) error {
	return decodeBody(r, v, false)
}

// decodeBody is decodeJSON; with optional, an empty body leaves v as it
// is.
func decodeBody(r *http.Request, v any, optional bool) error {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(strings.ToLower(ct), "application/json") {
		return apiError(BadRequest, "bad_content_type", "Content-Type %q: want application/json", ct)
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return apiError(BadRequest, "bad_body", "read request body: %v", err)
	}
	if optional && len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return apiError(BadRequest, "bad_json", "request body: %v", err)
	}
	if dec.More() {
		return apiError(BadRequest, "bad_json", "request body: more than one JSON value")
	}
	return nil
}

// extract answers POST /api/extract: it runs the pipeline on the URL or
// text and returns the extract-v1 document. With ?store=1 it also stores
// the report and places its events in incidents, as ingest does, and
// answers 201 with the article's address in Location.
func (s *Server) extract(w http.ResponseWriter, r *http.Request) error {
	var req ExtractRequest
	if err := decodeJSON(r, &req); err != nil {
		return err
	}
	save := false
	if v := r.URL.Query().Get("store"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return badParam("store", v, "1 or 0")
		}
		save = b
	}
	if (req.URL == "") == (req.Text == "") {
		return apiError(BadRequest, "bad_request", `want exactly one of "url" and "text"`)
	}
	var ref time.Time
	if req.Published != "" {
		t, err := time.Parse(time.DateOnly, req.Published)
		if err != nil {
			return badParam("published", req.Published, "a date as YYYY-MM-DD")
		}
		ref = t
	}
	if s.cfg.Extractor == nil {
		return apiError(Internal, "no_extractor", "this server runs no extractor")
	}
	ctx := r.Context()
	raw, pageURL, input := []byte(req.Text), "", ""
	if req.URL != "" {
		u, err := url.Parse(req.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return badParam("url", req.URL, "an absolute http or https URL")
		}
		timeout := s.cfg.Fetch.Timeout
		if timeout <= 0 {
			timeout = fetch.DefaultTimeout
		}
		fctx, cancel := context.WithTimeout(ctx, timeout+5*time.Second)
		resp, err := fetch.Get(fctx, req.URL, s.cfg.Fetch)
		cancel()
		if err != nil {
			return err
		}
		raw, pageURL, input = resp.Body, resp.URL, req.URL
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return apiError(Unprocessable, "no_text", "the report is empty")
	}
	doc, err := s.cfg.Extractor.Extract(raw, pageURL, ref)
	if err != nil {
		return &Error{Kind: Unprocessable, Code: "extract_failed", Message: fmt.Sprintf("extract: %v", err), Err: err}
	}
	if doc.Article == nil || strings.TrimSpace(doc.Article.Text) == "" {
		return apiError(Unprocessable, "no_text", "no article text found")
	}
	if !save {
		writeJSON(w, http.StatusOK, doc)
		return nil
	}
	if input == "" {
		input = "api:text:" + store.RawHash(raw)[:16]
	}
	// What ingest does with each input it has read: store the article,
	// then place its new events in incidents.
	res, err := s.cfg.DB.AddArticle(ctx, &store.ArticleInput{Input: input, Raw: raw, Doc: doc})
	if err != nil {
		return err
	}
	if res.Outcome == store.New && res.Events > 0 {
		if _, err := ingest.Assign(ctx, s.cfg.DB); err != nil {
			return err
		}
	}
	w.Header().Set("Location", "/api/articles/"+url.PathEscape(res.Article))
	w.Header().Set("Sitrep-Stored", res.Outcome)
	writeJSON(w, http.StatusCreated, doc)
	return nil
}

package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"sitrep/internal/fetch"
	"sitrep/internal/pipeline"
	"sitrep/internal/store"
)

// MaxBody caps a request body, in bytes.
const MaxBody = 1 << 20

// CSP is the Content-Security-Policy of every response. It has no
// 'unsafe-inline', so no inline script or event handler attribute runs.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// Config is what a server needs.
type Config struct {
	// DB is the incident database.
	DB *store.DB
	// Extractor runs the pipeline for POST /api/extract.
	Extractor *pipeline.Extractor
	// Token is the bearer token writes need. Empty refuses every write.
	Token string
	// Fetch tunes fetching submitted URLs.
	Fetch fetch.Options
	// Logger logs requests; nil means slog.Default().
	Logger *slog.Logger
}

// Server is the HTTP API. Create it with New; it is an http.Handler.
type Server struct {
	cfg     Config
	log     *slog.Logger
	mux     *http.ServeMux
	metrics *metrics
}

// New returns a server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.DB == nil {
		return nil, errors.New("server: no database")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	s := &Server{cfg: cfg, log: cfg.Logger, mux: http.NewServeMux(), metrics: newMetrics()}
	s.routes()
	return s, nil
}

// Close releases what New opened, which is nothing now; it does not
// close Config.DB. It is kept so that callers need not change when a
// server holds resources again.
func (s *Server) Close() error { return nil }

// route is one endpoint.
type route struct {
	method, path string
	write        bool // needs the bearer token
	h            handler
}

// handler is an endpoint: it writes a response, or returns an error for
// the caller to write.
type handler func(w http.ResponseWriter, r *http.Request) error

// endpoints lists the API; openapi.json describes the same.
func (s *Server) endpoints() []route {
	return []route{
		{"GET", "/api/incidents", false, s.listIncidents},
		{"GET", "/api/incidents/{id}", false, s.getIncident},
		{"GET", "/api/articles/{id}", false, s.getArticle},
		{"POST", "/api/extract", true, s.extract},
		{"GET", "/api/export", false, s.export},
		{"GET", "/api/openapi.json", false, serveOpenAPI},
		{"GET", "/healthz", false, s.healthz},
		{"GET", "/metrics", false, s.serveMetrics},
	}
}

// routes registers the endpoints on the mux, with JSON answers for a
// wrong method and an unknown path.
func (s *Server) routes() {
	methods := map[string][]string{}
	var paths []string
	for _, rt := range s.endpoints() {
		h := rt.h
		if rt.write {
			h = s.authorize(h)
		}
		s.mux.Handle(rt.method+" "+rt.path, s.wrap(h))
		if methods[rt.path] == nil {
			paths = append(paths, rt.path)
		}
		methods[rt.path] = append(methods[rt.path], rt.method)
	}
	// The same paths asked with another method, and unknown paths, get
	// JSON errors rather than the mux's plain text.
	for _, p := range paths {
		allow := strings.Join(methods[p], ", ")
		s.mux.Handle(p, s.wrap(func(w http.ResponseWriter, r *http.Request) error {
			w.Header().Set("Allow", allow)
			return apiError(MethodNotAllowed, "method_not_allowed", "%s %s: allowed methods are %s", r.Method, r.URL.Path, allow)
		}))
	}
	s.uiRoutes()
	s.mux.Handle("/", s.wrap(func(w http.ResponseWriter, r *http.Request) error {
		return apiError(NotFound, "not_found", "%s: no such endpoint", r.URL.Path)
	}))
}

// wrap turns a handler into an http.Handler that writes its error.
func (s *Server) wrap(h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
		}
		if err := h(w, r); err != nil {
			writeError(w, r, err)
		}
	})
}

// authorize lets a request through only with the bearer token.
func (s *Server) authorize(h handler) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		auth := r.Header.Get("Authorization")
		if auth == "" {
			return apiError(Unauthorized, "unauthorized", "this request writes: send Authorization: Bearer TOKEN")
		}
		scheme, tok, ok := strings.Cut(auth, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(tok) == "" {
			return apiError(Unauthorized, "unauthorized", "Authorization: want Bearer TOKEN")
		}
		if s.cfg.Token == "" {
			return apiError(Forbidden, "writes_disabled", "this server accepts no writes: start it with --token or SITREP_TOKEN")
		}
		if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.cfg.Token)) != 1 {
			return apiError(Forbidden, "forbidden", "the bearer token is not valid")
		}
		return h(w, r)
	}
}

// statusWriter records the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
}

// WriteHeader records the first status.
func (sw *statusWriter) WriteHeader(code int) {
	if sw.status == 0 {
		sw.status = code
	}
	sw.ResponseWriter.WriteHeader(code)
}

// Write records an implicit 200.
func (sw *statusWriter) Write(b []byte) (int, error) {
	if sw.status == 0 {
		sw.status = http.StatusOK
	}
	return sw.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the real writer.
func (sw *statusWriter) Unwrap() http.ResponseWriter { return sw.ResponseWriter }

// ServeHTTP sets the security headers, routes the request, and counts
// and logs it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	h := w.Header()
	h.Set("Content-Security-Policy", CSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	sw := &statusWriter{ResponseWriter: w}
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			s.log.Error("handler panicked", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(p))
			if sw.status == 0 {
				writeError(sw, r, apiError(Internal, "internal", "internal error"))
			}
		}
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		route := r.Pattern
		if route == "" {
			route = "unmatched"
		}
		d := time.Since(start)
		s.metrics.observe(route, sw.status, d)
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "route", route, "status", sw.status, "duration_ms", float64(d.Microseconds())/1000)
	}()
	s.mux.ServeHTTP(sw, r)
}

// healthz answers 200 when the database answers a query.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	if _, err := s.cfg.DB.Incidents(ctx, store.Filter{Limit: 1}); err != nil {
		return &Error{Kind: Internal, Code: "database_unavailable", Message: "the database does not answer", Err: err}
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "database": string(s.cfg.DB.Dialect())})
	return nil
}

package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"sitrep/internal/access"
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
	// Token is a bearer token that acts as an admin, beside the users'
	// sessions and API tokens. Empty means none.
	Token string
	// Private makes every read of incidents, articles, audit logs and
	// exports need a viewer; otherwise they are public.
	Private bool
	// LoginBurst failed log-ins from one client address, or for one user
	// name, are allowed before log-ins are refused for a while; one more
	// is allowed every LoginEvery. Zero means DefaultLoginBurst and
	// DefaultLoginEvery.
	LoginBurst int
	LoginEvery time.Duration
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

	logins    *limiter      // failed log-ins
	hashing   chan struct{} // password checks under way
	dummyOnce sync.Once
	dummy     string // see dummyHash
}

// New returns a server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.DB == nil {
		return nil, errors.New("server: no database")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	s := &Server{cfg: cfg, log: cfg.Logger, mux: http.NewServeMux(), metrics: newMetrics(),
		logins: newLimiter(cfg.LoginBurst, cfg.LoginEvery), hashing: make(chan struct{}, max(1, runtime.NumCPU()))}
	s.routes()
	return s, nil
}

// Close releases what New opened, which is nothing now; it does not
// close Config.DB. It is kept so that callers need not change when a
// server holds resources again.
func (s *Server) Close() error { return nil }

// route is one endpoint and who may use it.
type route struct {
	method, path string
	need         access.Role // the least role it needs
	read         bool        // a read that needs a viewer on a private server
	identify     bool        // the handler wants to know who asks, even when anyone may
	h            handler
}

// handler is an endpoint: it writes a response, or returns an error for
// the caller to write.
type handler func(w http.ResponseWriter, r *http.Request) error

// Shorthands for the endpoint table.
const (
	anyone   = access.Anonymous
	reviewer = access.Reviewer
)

// endpoints lists the API; openapi.json describes the same.
func (s *Server) endpoints() []route {
	return []route{
		{"GET", "/api/incidents", anyone, true, false, s.listIncidents},
		{"GET", "/api/incidents/{id}", anyone, true, false, s.getIncident},
		{"PATCH", "/api/incidents/{id}", reviewer, false, false, s.edit},
		{"POST", "/api/incidents/{id}/confirm", reviewer, false, false, s.confirm},
		{"POST", "/api/incidents/{id}/reject", reviewer, false, false, s.reject},
		{"POST", "/api/incidents/{id}/merge", reviewer, false, false, s.merge},
		{"POST", "/api/incidents/{id}/split", reviewer, false, false, s.split},
		{"GET", "/api/incidents/{id}/audit", anyone, true, false, s.audit},
		{"GET", "/api/review/queue", reviewer, false, false, s.queue},
		{"GET", "/api/articles/{id}", anyone, true, false, s.getArticle},
		{"POST", "/api/extract", reviewer, false, false, s.extract},
		{"GET", "/api/export", anyone, true, false, s.export},
		{"POST", "/api/session", anyone, false, false, s.login},
		{"GET", "/api/session", anyone, false, true, s.currentSession},
		{"DELETE", "/api/session", anyone, false, true, s.logout},
		{"GET", "/api/openapi.json", anyone, false, false, serveOpenAPI},
		{"GET", "/healthz", anyone, false, false, s.healthz},
		{"GET", "/metrics", anyone, false, false, s.serveMetrics},
	}
}

// routes registers the endpoints on the mux, with JSON answers for a
// wrong method and an unknown path.
func (s *Server) routes() {
	methods := map[string][]string{}
	var paths []string
	for _, rt := range s.endpoints() {
		s.mux.Handle(rt.method+" "+rt.path, s.wrap(s.guard(rt)))
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

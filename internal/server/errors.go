package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"sync"

	"sitrep/internal/fetch"
	"sitrep/internal/incident"
	"sitrep/internal/store"
)

// Kind is a class of error, mapped to an HTTP status by statusOf.
type Kind int

// The kinds of error.
const (
	// Internal is a failure of the server or its database.
	Internal Kind = iota
	// BadRequest is a request that is malformed or names bad values.
	BadRequest
	// Unauthorized is a request that needs credentials and came without
	// valid ones, or a log-in with a wrong name or password.
	Unauthorized
	// Forbidden is a request whose credentials do not allow it: too low
	// a role, an unknown token, or a missing or wrong CSRF token.
	Forbidden
	// NotFound is a resource that does not exist.
	NotFound
	// MethodNotAllowed is a known path asked with the wrong method.
	MethodNotAllowed
	// TooLarge is a request body over the limit.
	TooLarge
	// Unprocessable is well-formed input the pipeline cannot use, such
	// as a page with no article text.
	Unprocessable
	// Upstream is a failure to fetch a URL the client asked for.
	Upstream
	// Conflict is a change the resource's state does not allow, such as
	// a review of an incident merged into another.
	Conflict
	// TooManyRequests is a client refused for a while, such as after too
	// many failed log-ins.
	TooManyRequests
)

// statusOf is the one place that maps error kinds to HTTP status.
func statusOf(k Kind) int {
	switch k {
	case BadRequest:
		return http.StatusBadRequest
	case Unauthorized:
		return http.StatusUnauthorized
	case Forbidden:
		return http.StatusForbidden
	case NotFound:
		return http.StatusNotFound
	case MethodNotAllowed:
		return http.StatusMethodNotAllowed
	case TooLarge:
		return http.StatusRequestEntityTooLarge
	case Unprocessable:
		return http.StatusUnprocessableEntity
	case Upstream:
		return http.StatusBadGateway
	case Conflict:
		return http.StatusConflict
	case TooManyRequests:
		return http.StatusTooManyRequests
	default:
		return http.StatusInternalServerError
	}
}

// Error is an API error: a kind, a stable code and a message.
type Error struct {
	Kind    Kind
	Code    string // stable, snake_case, for programs
	Message string // one line, for people
	Err     error  // the cause, if any; logged, never sent
}

// Error returns the message and, when there is one, the cause.
func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// apiError returns an Error of kind k.
func apiError(k Kind, code, format string, args ...any) *Error {
	return &Error{Kind: k, Code: code, Message: fmt.Sprintf(format, args...)}
}

// classify turns any error into an *Error: an *Error as it is, the
// sentinel errors of the packages the server calls by their meaning, and
// anything else as an internal error whose cause is not shown.
func classify(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return &Error{Kind: TooLarge, Code: "body_too_large", Message: fmt.Sprintf("request body larger than %d bytes", tooBig.Limit), Err: err}
	case errors.Is(err, store.ErrNotFound):
		return &Error{Kind: NotFound, Code: "not_found", Message: err.Error(), Err: err}
	case errors.Is(err, incident.ErrBadField):
		return &Error{Kind: BadRequest, Code: "bad_field", Message: err.Error(), Err: err}
	case errors.Is(err, incident.ErrBadValue):
		return &Error{Kind: BadRequest, Code: "bad_value", Message: err.Error(), Err: err}
	case errors.Is(err, fetch.ErrBadURL):
		return &Error{Kind: BadRequest, Code: "bad_url", Message: err.Error(), Err: err}
	case errors.Is(err, fetch.ErrPrivateAddress):
		return &Error{Kind: Unprocessable, Code: "private_address", Message: err.Error(), Err: err}
	case errors.Is(err, fetch.ErrTooLarge):
		return &Error{Kind: Unprocessable, Code: "page_too_large", Message: err.Error(), Err: err}
	case errors.Is(err, fetch.ErrStatus), errors.Is(err, fetch.ErrUnreachable), errors.Is(err, fetch.ErrTimeout),
		errors.Is(err, fetch.ErrTooManyRedirects), errors.Is(err, fetch.ErrEncoding):
		return &Error{Kind: Upstream, Code: "fetch_failed", Message: err.Error(), Err: err}
	}
	return &Error{Kind: Internal, Code: "internal", Message: "internal error", Err: err}
}

// errorBody is the JSON of an error response.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// writeError sends err as JSON with its status, logging server faults
// (which are returned to no one else).
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	e := classify(err)
	status := statusOf(e.Kind)
	if status >= 500 && e.Kind != Upstream {
		slog.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	var b errorBody
	b.Error.Code, b.Error.Message = e.Code, e.Message
	if e.Kind == Unauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="sitrep"`)
	}
	writeJSON(w, status, &b)
}

// bufs holds the buffers responses are encoded into, so that a page of
// incidents (a few hundred KB) neither allocates nor grows a new one
// each time.
var bufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooled is the largest buffer put back in bufs; a rare huge answer
// does not stay in memory.
const maxPooled = 4 << 20

// getBuf takes an empty buffer from bufs; putBuf gives it back.
func getBuf() *bytes.Buffer {
	buf := bufs.Get().(*bytes.Buffer)
	buf.Reset()
	return buf
}

func putBuf(buf *bytes.Buffer) {
	if buf.Cap() <= maxPooled {
		bufs.Put(buf)
	}
}

// writeJSON sends v as JSON, and a newline, with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	buf := getBuf()
	defer putBuf(buf)
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		slog.Error("encode response", "err", err)
		buf.Reset()
		buf.WriteString(`{"error":{"code":"internal","message":"internal error"}}` + "\n")
		status = http.StatusInternalServerError
	}
	send(w, status, buf)
}

// send sends the JSON in buf with status and its length.
func send(w http.ResponseWriter, status int, buf *bytes.Buffer) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
